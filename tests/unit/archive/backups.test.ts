import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, listBackups } from '../../../electron/core/archive/backups';
import { inspectLibraryText } from '../../../electron/core/archive/library-schema';
import { openServices } from '../../../electron/core/services';
import { tempDir } from '../../support/library';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('rotating backups of library.json', () => {
  it('keeps the newest per hour for a day and the newest per day for a month', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    // One snapshot every 20 minutes for 60 days.
    const backups = Array.from({ length: (60 * DAY) / (20 * 60_000) }, (_, i) => ({
      file: `b${i}`,
      takenAt: new Date(now.getTime() - i * 20 * 60_000),
    }));
    const keep = backupsToKeep(backups, now);
    const kept = backups.filter((b) => keep.has(b.file));
    expect(kept[0]).toBe(backups[0]); // the newest, always
    const age = (b: { takenAt: Date }) => now.getTime() - b.takenAt.getTime();
    // 24 hours back from 12:00 touches 25 clock hours (12:00 today … 12:20 yesterday).
    expect(kept.filter((b) => age(b) < DAY)).toHaveLength(25);
    expect(kept.filter((b) => age(b) >= DAY).length).toBeLessThanOrEqual(30);
    expect(kept.every((b) => age(b) < 30 * DAY)).toBe(true);
  });

  it('keeps the only backup even when it is older than a month', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const old = { file: 'old', takenAt: new Date(now.getTime() - 90 * DAY) };
    expect([...backupsToKeep([old], now)]).toEqual(['old']);
  });

  it('over three days of editing, takes about one snapshot an hour, and every snapshot is a valid library', async () => {
    const dir = await tempDir();
    let now = new Date('2026-11-22T08:00:00Z');
    // Edits here are awaited one by one; no need to space the writes out.
    const services = await openServices(dir, { now: () => now, minWriteIntervalMs: 0 });
    const { imported } = await services.library.importText('Title\n\nBody of the article.');
    const id = imported[0]!.id;
    const notes = new Set<string>(['']);
    for (let step = 1; step <= 3 * 24 * 2; step++) {
      now = new Date(now.getTime() + 30 * 60_000); // an edit every half hour
      const note = `edit ${step}`;
      notes.add(note);
      await services.library.updateArticle(id, { note });
    }
    await services.close();

    const backups = await listBackups(dir);
    // 24 hourly snapshots for the last day, plus at most one per day before it.
    expect(backups.length).toBeGreaterThanOrEqual(24);
    expect(backups.length).toBeLessThanOrEqual(24 + 3);
    for (const backup of backups) {
      const inspected = inspectLibraryText(await readFile(backup.file, 'utf8'));
      expect(inspected.kind).toBe('current');
      if (inspected.kind !== 'current') continue;
      expect(notes.has(inspected.doc.articles[0]!.note)).toBe(true);
    }
  });
});
