/**
 * Tags as Obsidian accepts them (and Logseq reads): letters, digits, "_", "-" and "/" (nesting)
 * only, not all digits. Margin's tags are free text, so "machine learning" becomes
 * "machine-learning", "C++ & Rust" "C-Rust", "2024" "_2024"; "#" in front is dropped. Tags
 * that end up empty are left out, and repeats (ignoring case, as Obsidian does) kept once.
 */
export function exportTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const normalized = exportTag(tag);
    if (normalized === '' || seen.has(normalized.toLowerCase())) continue;
    seen.add(normalized.toLowerCase());
    out.push(normalized);
  }
  return out;
}

export function exportTag(tag: string): string {
  const cleaned = tag
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}_/-]+/gu, '-')
    .split('/')
    .map((segment) => segment.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, ''))
    .filter((segment) => segment !== '')
    .join('/');
  if (cleaned === '') return '';
  // Obsidian refuses an all-digit tag: "#2024" is not a tag, "#_2024" is.
  return /^[\p{N}/]+$/u.test(cleaned) ? `_${cleaned}` : cleaned;
}
