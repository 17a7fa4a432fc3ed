/**
 * The renderer proposes a file name for the save dialog; it must never steer where the file
 * goes, so path separators and characters Windows refuses are replaced.
 */
export function safeFileName(proposed: string, fallback = 'notes.md'): string {
  const cleaned = proposed
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  return cleaned === '' ? fallback : cleaned;
}
