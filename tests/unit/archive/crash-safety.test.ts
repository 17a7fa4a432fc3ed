import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairLibrary } from '../../../electron/core/archive/repair';
import { openServices } from '../../../electron/core/services';
import {
  Expectations,
  bundleCrashChild,
  checkAfterKill,
  runAndKill,
} from '../../crash/crash-harness';
import { tempDir } from '../../support/library';

/** Kills in all, split over two children running side by side on their own libraries. */
const KILLS = Number(process.env.MARGIN_CRASH_KILLS ?? 200);
const WORKERS = 2;
/** A fresh library every so many runs keeps library.json (and each restart) small. */
const RUNS_PER_LIBRARY = 25;
/** One run in this many imports articles (loading jsdom costs most of a second). */
const IMPORT_EVERY = 8;

let bundle: string;
beforeAll(async () => {
  bundle = await bundleCrashChild();
});
afterAll(async () => {
  if (bundle) await rm(path.dirname(bundle), { recursive: true, force: true });
});

/** mulberry32, seeded per worker, so a failure names a seed that replays it. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tally {
  kills: number;
  killedWhileOpening: number;
  /** Temp files found after kills: writes the kill caught halfway. */
  interruptedWrites: number;
  acknowledged: number;
  lost: string[];
  libraries: string[];
}

async function worker(index: number, runs: number, tally: Tally): Promise<void> {
  const seed = Number(process.env.MARGIN_CRASH_SEED ?? Date.now()) + index;
  const random = prng(seed);
  let dir = '';
  let expected = new Expectations();
  const seenTemp = new Set<string>();
  for (let run = 0; run < runs; run++) {
    if (run % RUNS_PER_LIBRARY === 0) {
      dir = await tempDir('margin-crash-');
      tally.libraries.push(dir);
      expected = new Expectations();
    }
    const firstOfLibrary = run % RUNS_PER_LIBRARY === 0;
    const imports = firstOfLibrary || run % IMPORT_EVERY === 0;
    const fromStart = random() < 0.15;
    const delayMs = fromStart ? random() * 250 : imports ? 200 + random() * 1500 : random() * 300;
    const before = expected.acknowledged;
    const result = await runAndKill({
      bundle,
      dir,
      run: run + 1,
      seed: Math.floor(random() * 2 ** 31),
      imports,
      // Half the runs write back to back, so more kills land in the middle of a write.
      writeIntervalMs: run % 2 === 0 ? 0 : undefined,
      delayMs,
      fromStart,
      onAck: (ack) => expected.apply(ack),
    });
    tally.kills++;
    if (!result.wasReady) tally.killedWhileOpening++;
    const { problems, tempFiles } = await checkAfterKill(dir, expected);
    // Each temp file left behind is one write the kill caught halfway.
    for (const file of tempFiles) seenTemp.add(`${dir}/${file}`);
    for (const p of problems) {
      tally.lost.push(`seed ${seed} run ${run + 1} (${expected.acknowledged - before} acks): ${p}`);
    }
    tally.acknowledged += expected.acknowledged - before;
  }
  tally.interruptedWrites += seenTemp.size;
}

describe('crash safety', () => {
  it(`after ${KILLS} SIGKILLs at random moments, every acknowledged change is on disk and no file is half-written`, async () => {
    const tally: Tally = {
      kills: 0,
      killedWhileOpening: 0,
      interruptedWrites: 0,
      acknowledged: 0,
      lost: [],
      libraries: [],
    };
    const started = Date.now();
    await Promise.all(
      Array.from({ length: WORKERS }, (_, i) => worker(i, Math.ceil(KILLS / WORKERS), tally)),
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `crash safety: ${tally.kills} kills (${tally.killedWhileOpening} while opening, ${tally.interruptedWrites} writes caught halfway), ${tally.acknowledged} acknowledged changes, ${tally.lost.length} lost, ${seconds} s`,
    );
    expect(tally.lost).toEqual([]);
    expect(tally.kills).toBeGreaterThanOrEqual(KILLS);
    expect(tally.acknowledged).toBeGreaterThan(KILLS);

    // What the kills left behind is only ever strays, and repair sets them aside.
    for (const dir of tally.libraries) {
      const services = await openServices(dir); // the library opens, and takes over the dead lock
      await services.close();
      const repaired = await repairLibrary(dir);
      expect(repaired.after.problems).toEqual([]);
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
