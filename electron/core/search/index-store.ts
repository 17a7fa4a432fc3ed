import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { StoredDocument } from './doc-table';
import type { SearchIndex } from './search-index';
import type { Segment } from './segment';
import { checksumMatches, decodeSegment, encodeSegment } from './segment-codec';

/**
 * The index on disk, in `<library>/index/`. It is derived data: anything missing, damaged or
 * from another format version is rebuilt from the library, never trusted.
 *
 *   manifest.json     {format, segments, snapshot, log, next}: what the other files are
 *   seg-N.bin         immutable segments (see segment-codec)
 *   docs-N.json       snapshot of the document table: per document its version, title,
 *                     highlight and note texts, metadata, and where its postings are
 *   docs-N.log        changes since the snapshot, one JSON line each, appended on flush
 *
 * The manifest is replaced last (write, fsync, rename), so a crash leaves either the old or the
 * new index; a torn last log line is ignored.
 */
export const INDEX_FORMAT = 1;
const MANIFEST = 'manifest.json';
/** Segments with fewer documents than this are merged together once there are several. */
const SMALL_SEGMENT = 2000;
const MAX_SMALL_SEGMENTS = 4;
/** Beyond this many segments the smallest are merged (100,000 articles make 20). */
const MAX_SEGMENTS = 32;

interface Manifest {
  format: number;
  segments: string[];
  snapshot: string;
  log: string;
  next: number;
}

interface DocumentRecord extends StoredDocument {
  segment: string;
  local: number;
}

type LogLine = { put: DocumentRecord } | { remove: string };

export interface LoadReport {
  /** Why the persisted index could not be used as a whole, or null if it was. */
  problem: string | null;
  documents: number;
}

export class IndexStore {
  private logLines = 0;

  private constructor(
    readonly dir: string,
    private manifest: Manifest,
  ) {}

  /**
   * Loads what is usable of the index in `dir` into `index` (which must be empty). With
   * `readOnly`, nothing is created (a library opened only to read is never written to).
   */
  static async load(
    dir: string,
    index: SearchIndex,
    options: { readOnly?: boolean } = {},
  ): Promise<{ store: IndexStore; report: LoadReport }> {
    if (!options.readOnly) await mkdir(dir, { recursive: true });
    const fresh: Manifest = { format: INDEX_FORMAT, segments: [], snapshot: '', log: '', next: 1 };
    let manifest: Manifest;
    try {
      manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return {
        store: new IndexStore(dir, fresh),
        report: { problem: missing ? 'missing' : 'damaged manifest', documents: 0 },
      };
    }
    if (manifest.format !== INDEX_FORMAT || !Array.isArray(manifest.segments)) {
      return {
        store: new IndexStore(dir, fresh),
        report: { problem: 'another format version', documents: 0 },
      };
    }
    const store = new IndexStore(dir, manifest);
    let problem: string | null = null;
    const segments = new Map<string, Segment>();
    for (const file of manifest.segments) {
      try {
        segments.set(file, decodeSegment(await readFile(path.join(dir, file)), file, false));
      } catch (error) {
        problem = `segment ${file} unusable: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    const records = new Map<string, DocumentRecord>();
    try {
      const snapshot = JSON.parse(
        await readFile(path.join(dir, manifest.snapshot), 'utf8'),
      ) as DocumentRecord[];
      for (const record of snapshot) records.set(record.id, record);
      store.logLines = await replayLog(path.join(dir, manifest.log), records);
    } catch {
      problem = 'damaged document table';
      records.clear();
    }
    let documents = 0;
    for (const record of records.values()) {
      const segment = segments.get(record.segment);
      if (
        !segment ||
        record.local >= segment.docCount ||
        segment.idOf(record.local) !== record.id
      ) {
        continue;
      }
      const slot = index.table.claim(record.id);
      const stored: StoredDocument = {
        id: record.id,
        version: record.version,
        title: record.title,
        highlights: record.highlights,
        notes: record.notes,
        meta: record.meta,
      };
      index.table.put(slot, stored, { segment, local: record.local });
      documents += 1;
    }
    for (const segment of segments.values()) index.attach(segment);
    return { store, report: { problem, documents } };
  }

  /**
   * Writes what changed: the pending documents as a new segment, merges when there are too many
   * segments, and the changed documents' records (appended, or a new snapshot after a merge).
   */
  async persist(index: SearchIndex, changed: ReadonlySet<string>): Promise<void> {
    const written: string[] = [];
    const sealed = index.seal();
    if (sealed) written.push(await this.writeSegment(sealed));
    const dropped = index.dropEmptySegments();
    let rewrite = dropped || this.manifest.snapshot === '';
    for (const group of mergePlan(index.segments)) {
      await this.writeSegment(index.merge(group));
      rewrite = true;
    }
    const segments = index.segments.map((segment) => segment.file ?? '');
    if (rewrite || this.logLines > Math.max(1000, index.size / 4)) {
      await this.writeSnapshot(index, segments);
    } else {
      await this.appendLog(index, changed);
      if (sealed) await this.writeManifest({ ...this.manifest, segments });
    }
    await this.removeStrayFiles();
  }

  /**
   * Verifies the checksums of the segments loaded (deferred by `load` so search can start
   * first). A damaged segment is dropped with its documents, which the catch-up re-indexes.
   * Returns what was wrong, or null.
   */
  async verify(index: SearchIndex): Promise<string | null> {
    let problem: string | null = null;
    for (const segment of [...index.segments]) {
      const bytes = segment.source;
      if (!bytes) continue;
      // One segment at a time, letting searches in between.
      await new Promise((resolve) => setImmediate(resolve));
      segment.source = null;
      if (checksumMatches(bytes)) continue;
      index.dropSegment(segment);
      problem = `segment ${segment.file ?? ''} unusable: checksum mismatch`;
    }
    return problem;
  }

  /** Deletes every index file (before a rebuild from scratch). */
  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
    this.manifest = { format: INDEX_FORMAT, segments: [], snapshot: '', log: '', next: 1 };
    this.logLines = 0;
  }

  private fileName(kind: string, extension: string): string {
    const name = `${kind}-${String(this.manifest.next).padStart(6, '0')}.${extension}`;
    this.manifest.next += 1;
    return name;
  }

  private async writeSegment(segment: Segment): Promise<string> {
    const name = this.fileName('seg', 'bin');
    await writeAtomically(path.join(this.dir, name), encodeSegment(segment));
    segment.file = name;
    return name;
  }

  private async writeSnapshot(index: SearchIndex, segments: string[]): Promise<void> {
    const records: DocumentRecord[] = [];
    const { table } = index;
    for (let slot = 0; slot < table.capacity; slot += 1) {
      const record = recordOf(index, slot);
      if (record) records.push(record);
    }
    const snapshot = this.fileName('docs', 'json');
    const log = snapshot.replace(/\.json$/, '.log');
    await writeAtomically(path.join(this.dir, snapshot), [encode(JSON.stringify(records))]);
    await writeAtomically(path.join(this.dir, log), []);
    this.logLines = 0;
    await this.writeManifest({ ...this.manifest, segments, snapshot, log });
  }

  private async appendLog(index: SearchIndex, changed: ReadonlySet<string>): Promise<void> {
    if (changed.size === 0) return;
    const lines: string[] = [];
    for (const id of changed) {
      const slot = index.table.slotOf(id);
      const record = slot === undefined ? null : recordOf(index, slot);
      const line: LogLine = record ? { put: record } : { remove: id };
      lines.push(`${JSON.stringify(line)}\n`);
    }
    const handle = await open(path.join(this.dir, this.manifest.log), 'a');
    try {
      await handle.write(lines.join(''));
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.logLines += lines.length;
  }

  private async writeManifest(manifest: Manifest): Promise<void> {
    this.manifest = manifest;
    await writeAtomically(path.join(this.dir, MANIFEST), [encode(JSON.stringify(manifest))]);
  }

  private async removeStrayFiles(): Promise<void> {
    const keep = new Set([
      MANIFEST,
      ...this.manifest.segments,
      this.manifest.snapshot,
      this.manifest.log,
    ]);
    for (const name of await readdir(this.dir)) {
      if (!keep.has(name)) await rm(path.join(this.dir, name), { force: true });
    }
  }
}

function recordOf(index: SearchIndex, slot: number): DocumentRecord | null {
  const { table } = index;
  const stored = table.stored[slot];
  const location = table.locations[slot];
  const file = location && 'file' in location.segment ? location.segment.file : null;
  if (!stored || !location || table.live[slot] !== 1 || typeof file !== 'string') return null;
  return { ...stored, segment: file, local: location.local };
}

/** Applies the log's lines to `records`; stops at the first line that does not parse (a torn write). */
async function replayLog(file: string, records: Map<string, DocumentRecord>): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return 0;
  }
  let count = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    let entry: LogLine;
    try {
      entry = JSON.parse(line) as LogLine;
    } catch {
      break;
    }
    if ('put' in entry) records.set(entry.put.id, entry.put);
    else records.delete(entry.remove);
    count += 1;
  }
  return count;
}

/**
 * Which segments to merge. A query visits every segment, but what it reads is the same in one
 * segment or twenty, so big segments (a rebuild writes one per few thousand documents) are left
 * alone: merging them rewrites hundreds of megabytes for nothing. Merged are the small segments
 * that edits leave behind, once there are several, and segments mostly superseded by newer
 * versions of their documents.
 */
export function mergePlan(segments: readonly Segment[]): Segment[][] {
  const plan: Segment[][] = [];
  const small = segments.filter((segment) => segment.liveCount < SMALL_SEGMENT);
  if (small.length > MAX_SMALL_SEGMENTS) plan.push(small);
  for (const segment of segments) {
    if (small.includes(segment) && plan.length > 0) continue;
    if (segment.liveCount > 0 && segment.liveCount < segment.docCount / 2) plan.push([segment]);
  }
  const rest = segments.filter((segment) => !plan.some((group) => group.includes(segment)));
  if (rest.length > MAX_SEGMENTS) {
    const bySize = [...rest].sort((a, b) => a.liveCount - b.liveCount);
    plan.push(bySize.slice(0, rest.length - MAX_SEGMENTS + 1));
  }
  return plan;
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Writes a unique temporary file beside `file`, fsyncs it and renames it over `file`. */
async function writeAtomically(file: string, chunks: readonly Uint8Array[]): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    for (const chunk of chunks) {
      let written = 0;
      while (written < chunk.byteLength) {
        const { bytesWritten } = await handle.write(chunk, written, chunk.byteLength - written);
        written += bytesWritten;
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}
