/**
 * A stable 64-bit content hash (two 32-bit FNV-1a lanes with different seeds), as 16 hex digits.
 * Used as the id of an imported review whose file has no id column, so importing the same file
 * again finds the same reviews. Not for security.
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5, b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** A lower-case id made of letters, digits and dashes (source and location ids), never empty. */
export function slug(text: string, fallback: string): string {
  const s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return s === '' ? fallback : s;
}
