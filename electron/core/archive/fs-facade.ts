import * as fsp from 'node:fs/promises';

/**
 * Every file-system call the archive makes goes through this object, so tests can make the disk
 * full (ENOSPC) or read-only (EROFS) at the exact call that would fail for a user, without
 * mocking modules. Production code never replaces anything here.
 */
export interface ArchiveFs {
  open: typeof fsp.open;
  readFile: typeof fsp.readFile;
  rename: typeof fsp.rename;
  link: typeof fsp.link;
  unlink: typeof fsp.unlink;
  mkdir: typeof fsp.mkdir;
  readdir: typeof fsp.readdir;
  rm: typeof fsp.rm;
  stat: typeof fsp.stat;
  lstat: typeof fsp.lstat;
}

const real: ArchiveFs = {
  open: fsp.open,
  readFile: fsp.readFile,
  rename: fsp.rename,
  link: fsp.link,
  unlink: fsp.unlink,
  mkdir: fsp.mkdir,
  readdir: fsp.readdir,
  rm: fsp.rm,
  stat: fsp.stat,
  lstat: fsp.lstat,
};

export const archiveFs: ArchiveFs = { ...real };

/** For tests: swaps some calls; returns a function that puts the real ones back. */
export function replaceArchiveFs(overrides: Partial<ArchiveFs>): () => void {
  Object.assign(archiveFs, overrides);
  return () => Object.assign(archiveFs, real);
}

/** An error shaped like the ones node:fs throws, for injected failures. */
export function fsError(code: string, message: string, file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${message}, '${file}'`);
  error.code = code;
  error.path = file;
  return error;
}
