import { writeBackupFile } from '../../core/archive/backup-file';
import { usage, userPath, type Command } from '../context';

export const backupCommand: Command = {
  async run({ libraryDir, opts, print }) {
    if (!opts.out) throw usage('backup needs --out <file.tar.gz>');
    // Reads the folder directly and takes no lock: a backup works while Margin is open.
    const summary = await writeBackupFile(libraryDir, userPath(opts.out));
    print(
      summary,
      () =>
        `Wrote ${summary.file}: ${summary.articles} article(s), ${summary.highlights} highlight(s), ${summary.files} file(s), ${(summary.bytes / 1024).toFixed(0)} KB.`,
    );
  },
};
