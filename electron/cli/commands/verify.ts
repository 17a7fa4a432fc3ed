import { repairLibrary } from '../../core/archive/repair';
import { verifyLibrary, type VerifyReport } from '../../core/archive/verify';
import type { Command } from '../context';

export const verifyCommand: Command = {
  async run({ libraryDir, opts, print }) {
    if (!opts.repair) {
      // Reads only: works while Margin has the library open.
      const report = await verifyLibrary(libraryDir);
      print(report, () => describe(report).join('\n'));
      if (!report.ok) process.exitCode = 1;
      return;
    }
    const result = await repairLibrary(libraryDir);
    print(result, () =>
      [
        ...(result.actions.length > 0 ? result.actions : ['Nothing needed repairing.']),
        ...describe(result.after),
      ].join('\n'),
    );
    if (!result.after.ok) process.exitCode = 1;
  },
};

function describe(report: VerifyReport): string[] {
  const counts = `${report.articles} article(s), ${report.highlights} highlight(s), ${report.filesChecked} file(s) checked against their checksums`;
  const lines = report.ok
    ? [`The library is sound: ${counts}.`]
    : [`${report.problems.length} problem(s) in ${report.libraryDir} (${counts}):`];
  for (const p of report.problems) lines.push(`  ✗ ${p.message}`);
  for (const note of report.notes) lines.push(`  · ${note}`);
  const repairable = report.problems.filter((p) => p.repairable).length;
  if (repairable > 0) {
    lines.push(
      `margin verify --repair can fix ${repairable} of them without losing anything (strays are moved to lost+found).`,
    );
  }
  return lines;
}
