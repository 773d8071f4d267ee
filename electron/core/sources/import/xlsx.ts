import { open } from 'node:fs/promises';
import type { CellValue } from 'exceljs';
import type { FileRow, RowStream } from './rows';
import { headerNames } from '../../../../shared/import/header-names';

/** The first bytes of every .xlsx workbook (a ZIP archive). */
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** True when the file is a ZIP archive: an Excel .xlsx workbook is read as one (Trustpilot offers XLSX). */
export async function isZipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buf, 0, 4, 0);
    return bytesRead === 4 && ZIP.every((b, i) => buf[i] === b);
  } finally {
    await handle.close();
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a CSV export would have: dates as "YYYY-MM-DD HH:MM:SS" (Excel keeps no zone; the column says UTC). */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const d = value;
    const time = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() === 0 ? '' : ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${time}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * Streams the first worksheet of an .xlsx workbook like a CSV: row 1 is the header, every later row a
 * record numbered as Excel shows it. The workbook is read as a stream (exceljs' WorkbookReader), never whole.
 */
export async function streamXlsx(path: string, onHeader: (h: RowStream) => void, onRow: (r: FileRow) => void): Promise<void> {
  // exceljs loads when a workbook is imported, not when Kalm starts (it took a quarter of a second).
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  let header: string[] | null = null;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = values.map((v) => cellText(v as CellValue));
      if (cells.every((c) => c.trim() === '')) continue;
      if (!header) {
        header = headerNames(cells);
        onHeader({ columns: header, delimiter: null });
        continue;
      }
      const record: Record<string, string> = {};
      header.forEach((h, i) => (record[h] = cells[i] ?? ''));
      onRow({ row: row.number, cells: record });
    }
    // Only the first worksheet holds the reviews.
    break;
  }
}
