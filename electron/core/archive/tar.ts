/**
 * A small POSIX ustar writer and reader: enough for Margin's backup files, which any `tar`
 * extracts (`tar xzf margin-backup.tar.gz`) without Margin. Regular files and folders only.
 */

const BLOCK = 512;

export interface TarEntry {
  /** Path inside the archive, '/'-separated; folders end with '/'. */
  name: string;
  type: 'file' | 'dir';
  data: Uint8Array;
  mtime: Date;
}

/** The 512-byte header of one entry. */
export function tarHeader(entry: {
  name: string;
  type: 'file' | 'dir';
  size: number;
  mtime: Date;
}) {
  const header = Buffer.alloc(BLOCK);
  const [prefix, name] = splitName(entry.name);
  header.write(name, 0, 100, 'utf8');
  writeOctal(header, 100, 8, entry.type === 'dir' ? 0o755 : 0o644);
  writeOctal(header, 108, 8, 0); // uid
  writeOctal(header, 116, 8, 0); // gid
  writeOctal(header, 124, 12, entry.type === 'dir' ? 0 : entry.size);
  writeOctal(header, 136, 12, Math.floor(entry.mtime.getTime() / 1000));
  header.fill(0x20, 148, 156); // checksum counts as spaces while it is computed
  header.write(entry.type === 'dir' ? '5' : '0', 156, 1, 'ascii');
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return header;
}

/** The blocks of a whole archive, entry by entry, so it can be streamed into gzip. */
export async function* tarStream(entries: AsyncIterable<TarEntry>): AsyncGenerator<Uint8Array> {
  for await (const entry of entries) {
    const size = entry.type === 'dir' ? 0 : entry.data.byteLength;
    yield tarHeader({ name: entry.name, type: entry.type, size, mtime: entry.mtime });
    if (size > 0) {
      yield entry.data;
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad > 0) yield Buffer.alloc(pad);
    }
  }
  yield Buffer.alloc(BLOCK * 2); // end of archive
}

/** Reads the entries of an uncompressed tar stream; throws on a damaged header. */
export async function* readTar(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<TarEntry> {
  let buffer = Buffer.alloc(0);
  let pending: {
    name: string;
    type: TarEntry['type'] | 'other';
    size: number;
    mtime: Date;
  } | null = null;
  for await (const chunk of chunks) {
    buffer = buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!pending) {
        if (buffer.length < BLOCK) break;
        const header = buffer.subarray(0, BLOCK);
        buffer = buffer.subarray(BLOCK);
        if (header.every((b) => b === 0)) return; // end-of-archive marker
        pending = parseHeader(header);
      }
      const padded = Math.ceil(pending.size / BLOCK) * BLOCK;
      if (buffer.length < padded) break;
      const data = Buffer.from(buffer.subarray(0, pending.size));
      buffer = buffer.subarray(padded);
      if (pending.type !== 'other') {
        yield { name: pending.name, type: pending.type, data, mtime: pending.mtime };
      }
      pending = null;
    }
  }
  if (pending || buffer.some((b) => b !== 0)) throw new Error('the archive is truncated');
}

function parseHeader(header: Buffer) {
  const stored = readOctal(header, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  if (stored !== sum) throw new Error('the archive is damaged (a header checksum is wrong)');
  const name = readString(header, 0, 100);
  const prefix = readString(header, 345, 155);
  const flag = String.fromCharCode(header[156]!);
  const type = flag === '0' || flag === '\0' ? 'file' : flag === '5' ? 'dir' : 'other';
  const size = readOctal(header, 124, 12);
  if (!Number.isSafeInteger(size) || size < 0) throw new Error('the archive is damaged (bad size)');
  return {
    name: prefix ? `${prefix}/${name}` : name,
    type: type as TarEntry['type'] | 'other',
    size,
    mtime: new Date(readOctal(header, 136, 12) * 1000),
  };
}

/** ustar keeps up to 100 bytes of name and 155 of prefix, split at a '/'. */
function splitName(full: string): [string, string] {
  if (Buffer.byteLength(full) <= 100) return ['', full];
  for (let i = full.lastIndexOf('/'); i > 0; i = full.lastIndexOf('/', i - 1)) {
    const prefix = full.slice(0, i);
    const name = full.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '') {
      return [prefix, name];
    }
  }
  throw new Error(`A path is too long for a tar archive: ${full}`);
}

function writeOctal(buffer: Buffer, offset: number, length: number, value: number): void {
  buffer.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'ascii');
}

function readOctal(buffer: Buffer, offset: number, length: number): number {
  const text = readString(buffer, offset, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function readString(buffer: Buffer, offset: number, length: number): string {
  const field = buffer.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}
