import Papa from 'papaparse';
import type { Readable } from 'node:stream';
import { flattenItem, JsonItemSplitter } from '../../../shared/import/json-items';

/** One record of the file: its row number, and its cells by column, or why it is unusable as a record. */
export type FileRow = { row: number; cells: Record<string, string> } | { row: number; error: string };

export interface RowStream {
  /** Column names (the CSV header; for JSON the keys seen in the first items). */
  columns: string[];
  delimiter: string | null;
}

/**
 * Streams the CSV records of `text` to `onRow`. The header is row 1; blank lines count but are skipped.
 * A row with more or fewer cells than the header is reported, not guessed at.
 */
export function streamCsv(text: Readable, onHeader: (h: RowStream) => void, onRow: (r: FileRow) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let header: string[] | null = null;
    let n = 0;
    Papa.parse<string[]>(text as unknown as File, {
      header: false,
      skipEmptyLines: false,
      delimitersToGuess: [',', ';', '\t', '|'],
      step(result) {
        n++;
        const cells = result.data;
        if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
        if (!header) {
          header = cells.map((h, i) => h.trim() || `column ${i + 1}`);
          const seen = new Set<string>();
          header = header.map((h) => {
            let name = h;
            for (let k = 2; seen.has(name); k++) name = `${h} (${k})`;
            seen.add(name);
            return name;
          });
          onHeader({ columns: header, delimiter: result.meta.delimiter });
          return;
        }
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError) {
          onRow({ row: n, error: `a quote is not closed (${quoteError.message})` });
          return;
        }
        if (cells.length !== header.length) {
          onRow({ row: n, error: `it has ${cells.length} cell${cells.length === 1 ? '' : 's'} but the header has ${header.length} columns` });
          return;
        }
        const record: Record<string, string> = {};
        header.forEach((h, i) => (record[h] = cells[i] ?? ''));
        onRow({ row: n, cells: record });
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
  });
}

/** Streams the items of a JSON export (array, {data: [...]}, or JSON Lines) as flattened records. */
export async function streamJson(text: Readable, onRow: (r: FileRow) => void): Promise<void> {
  const splitter = new JsonItemSplitter((itemText, n) => {
    let value: unknown;
    try {
      value = JSON.parse(itemText);
    } catch (err) {
      onRow({ row: n, error: `it is not valid JSON (${err instanceof Error ? err.message : String(err)})` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      onRow({ row: n, error: 'it is not an object with review fields' });
      return;
    }
    onRow({ row: n, cells: flattenItem(value) });
  });
  for await (const chunk of text) splitter.push(chunk as string);
  splitter.end();
}
