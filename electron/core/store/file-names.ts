import { createHash } from 'node:crypto';

/** Longest stem we write; stays well under the 255-byte file name limit of common file systems. */
const MAX_STEM = 180;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

const hash = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 10);

/**
 * Escapes every byte outside `[a-zA-Z0-9._-]` of the key's UTF-8 form as `%xx` (lowercase hex).
 * For ASCII keys this is exactly the escaping `shardFileName` has always used.
 */
export function escapeFileStem(key: string): string {
  let out = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[a-zA-Z0-9._-]/.test(c) ? c : `%${byte.toString(16).padStart(2, '0')}`;
  }
  // A leading dot would hide the file (and loaders skip dot files, which are temp files).
  if (out.startsWith('.')) out = `%2e${out.slice(1)}`;
  if (WINDOWS_RESERVED.test(out)) out = `%${out.charCodeAt(0).toString(16)}${out.slice(1)}`;
  return out;
}

/**
 * A file name for one record, safe on every file system: escaped, and distinct even where the
 * file system ignores case (macOS, Windows). Keys with capitals get a short hash of the exact
 * key appended after `~` (a character escaping never produces); very long keys are cut and hashed.
 * Deterministic, so the same key always maps to the same file.
 */
export function safeFileName(key: string, ext = '.json'): string {
  let stem = escapeFileStem(key);
  if (stem.length > MAX_STEM) stem = `${stem.slice(0, MAX_STEM)}~${hash(key)}`;
  else if (/[A-Z]/.test(stem)) stem = `${stem}~${hash(key)}`;
  return stem + ext;
}
