import { Archive } from './archive';
import { moveToLostAndFound } from './lost-and-found';
import { verifyLibrary, type ProblemKind, type VerifyReport } from './verify';

export interface RepairResult {
  /** What was wrong before. */
  before: VerifyReport;
  /** What the repair did, one line each. */
  actions: string[];
  /** What is still wrong: problems that cannot be fixed without losing something. */
  after: VerifyReport;
}

/** Problems fixed by moving something aside into lost+found. */
const SET_ASIDE: ReadonlySet<ProblemKind> = new Set([
  'stray-temp-file',
  'stray-article-folder',
  'stray-asset',
  'backup-damaged',
]);

/**
 * Fixes what can be fixed without losing anything, holding the library's lock: a damaged or
 * missing `library.json` is restored from the newest valid backup (the damaged file is kept as
 * `library.json.corrupt-<time>`), an older format is upgraded, and strays are moved into
 * `lost+found/<time>/`. Nothing is deleted.
 */
export async function repairLibrary(
  libraryDir: string,
  options: { now?: () => Date; lockWaitMs?: number } = {},
): Promise<RepairResult> {
  const now = options.now ?? (() => new Date());
  const before = await verifyLibrary(libraryDir);
  const actions: string[] = [];
  if (before.problems.some((p) => p.kind === 'no-library')) {
    return { before, actions, after: before };
  }
  // Opening for writing takes the lock, and recovers or upgrades library.json on the way in.
  const archive = await Archive.open(libraryDir, {
    mode: 'write',
    owner: 'margin verify --repair',
    lockWaitMs: options.lockWaitMs,
    now,
  });
  try {
    actions.push(...archive.messages);
    // Checked again under the lock: only what is stray now is moved.
    const current = await verifyLibrary(libraryDir);
    const strays = current.problems.filter((p) => SET_ASIDE.has(p.kind)).map((p) => p.path);
    const moved = await moveToLostAndFound(libraryDir, strays, now());
    for (const [i, to] of moved.entries()) actions.push(`Moved ${strays[i]} to ${to}.`);
  } finally {
    await archive.close();
  }
  return { before, actions, after: await verifyLibrary(libraryDir) };
}
