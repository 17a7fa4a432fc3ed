import { readBackupFile } from '../../core/archive/backup-file';
import { applyRestore, describePlan, planRestore } from '../../core/archive/restore';
import { usage, userPath, type Command } from '../context';

export const restoreCommand: Command = {
  async run({ args, opts, open, print }) {
    const [file] = args;
    if (!file) throw usage('restore needs <backup.tar.gz>');
    const contents = await readBackupFile(userPath(file));
    // Without --yes nothing is written: the plan is worked out on a read-only view.
    const services = await open(opts.yes ? 'write' : 'read');
    const plan = await planRestore(contents, services.archive.data);
    const summary = {
      applied: false,
      intoEmpty: plan.intoEmpty,
      addArticles: plan.addArticles.map(({ id, title }) => ({ id, title })),
      addHighlights: plan.addHighlights.length,
      unchangedArticles: plan.sameArticles.length,
      keptArticles: plan.differingArticles.map(({ id, title }) => ({ id, title })),
      keptHighlights: plan.differingHighlights.length,
    };
    if (!opts.yes) {
      print(summary, () =>
        [...describePlan(plan, contents), 'Run again with --yes to restore.'].join('\n'),
      );
      return;
    }
    const done = await applyRestore(services.archive, contents, plan, new Date());
    print(
      { ...summary, applied: true },
      () =>
        `Restored ${done.articles} article(s) and ${done.highlights} highlight(s) from ${contents.file}. Nothing was deleted.`,
    );
  },
};
