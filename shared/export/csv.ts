import Papa from 'papaparse';

/** Excel reads a UTF-8 file as UTF-8 (Dutch é, ë, emoji) only when it starts with this byte order mark. */
export const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or
 * carriage return in front of one) gets a leading apostrophe, so it shows as
 * text (OWASP "CSV injection"). Review text is untrusted, so every cell goes through this.
 */
export const neutralizeCell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * RFC 4180 CSV: comma-separated, CRLF line ends (also after the last row),
 * a field with a comma, quote, CR or LF in double quotes with quotes doubled,
 * a header row, and a UTF-8 BOM in front.
 */
export function toCsv<C extends string>(columns: readonly C[], rows: readonly Record<C, string>[]): string {
  const data = rows.map((row) => columns.map((c) => neutralizeCell(row[c])));
  const body = Papa.unparse({ fields: [...columns], data }, { delimiter: ',', newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', header: true, escapeFormulae: false });
  // Papa ends a header-only file with a line break already.
  return `${BOM}${body}${body.endsWith('\r\n') ? '' : '\r\n'}`;
}
