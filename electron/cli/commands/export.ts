import { writeFileAtomic } from '../../core/archive/atomic-write';
import { writeMarkdownFolder } from '../../core/export/write-folder';
import { usage, userPath, type Command } from '../context';

export const exportCommand: Command = {
  async run({ args, opts, open, print }) {
    if (opts.all) {
      if (!opts.out) throw usage('export --all needs --out <dir>');
      const out = userPath(opts.out);
      const { library } = await open('read');
      const written = await writeMarkdownFolder(out, await library.exportAll());
      print({ written, dir: out }, () => `Wrote ${written} file(s) to ${out}`);
      return;
    }
    const [articleId] = args;
    if (!articleId) throw usage('export needs <articleId> or --all');
    const { library } = await open('read');
    const file = await library.exportArticle(articleId);
    if (!opts.out) {
      process.stdout.write(file.markdown);
      return;
    }
    const out = userPath(opts.out);
    await writeFileAtomic(out, file.markdown);
    print({ file: out }, () => `Wrote ${out}`);
  },
};
