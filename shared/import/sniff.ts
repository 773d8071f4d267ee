/**
 * What the first bytes of an import file say: its text encoding, or that it is not text.
 * UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or NUL every other byte), and otherwise
 * Windows-1252/Latin-1 when the bytes are not valid UTF-8 (Excel's "CSV" on Windows).
 */
export type Sniffed =
  | { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; bomBytes: number; label: string }
  | { kind: 'empty' }
  | { kind: 'binary'; what: string };

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or an Excel .xlsx workbook (save it as CSV first)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls workbook (save it as CSV first)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'a gzip archive (unpack it first)'],
];

function validUtf8(b: Uint8Array, truncated: boolean): boolean {
  for (let i = 0; i < b.length; ) {
    const c = b[i] ?? 0;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return false;
    // A sequence cut off by the end of a sample (not of the whole file) is fine.
    if (i + n >= b.length && !truncated) return false;
    for (let k = 1; k <= n; k++) if (i + k < b.length && ((b[i + k] ?? 0) & 0xc0) !== 0x80) return false;
    i += n + 1;
  }
  return true;
}

/** `truncated`: `head` is only the start of a longer file. */
export function sniff(head: Uint8Array, truncated = false): Sniffed {
  if (head.length === 0) return { kind: 'empty' };
  for (const [sig, what] of SIGNATURES) if (sig.every((v, i) => head[i] === v)) return { kind: 'binary', what };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { kind: 'text', encoding: 'utf-8', bomBytes: 3, label: 'UTF-8 (with BOM)' };
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'text', encoding: 'utf-16le', bomBytes: 2, label: 'UTF-16 LE' };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'text', encoding: 'utf-16be', bomBytes: 2, label: 'UTF-16 BE' };
  const sample = head.subarray(0, 4096);
  let evenNul = 0, oddNul = 0, control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i] ?? 0;
    if (c === 0 && i % 2 === 0) evenNul++;
    else if (c === 0) oddNul++;
    else if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) control++;
  }
  const half = sample.length / 2;
  if (oddNul > half * 0.3 && evenNul === 0) return { kind: 'text', encoding: 'utf-16le', bomBytes: 0, label: 'UTF-16 LE' };
  if (evenNul > half * 0.3 && oddNul === 0) return { kind: 'text', encoding: 'utf-16be', bomBytes: 0, label: 'UTF-16 BE' };
  if (evenNul + oddNul > 0 || control > sample.length * 0.05) return { kind: 'binary', what: 'not a text file (it holds binary data)' };
  if (validUtf8(head, truncated)) return { kind: 'text', encoding: 'utf-8', bomBytes: 0, label: 'UTF-8' };
  return { kind: 'text', encoding: 'windows-1252', bomBytes: 0, label: 'Windows-1252 / Latin-1' };
}
