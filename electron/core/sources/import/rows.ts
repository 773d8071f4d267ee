import type { Duplex, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { headerNames } from '../../../../shared/import/header-names';
import { liftNested } from '../../../../shared/import/adapt';
import { flattenItem, JsonItemSplitter } from '../../../../shared/import/json-items';
import { lazyRequire } from '../../lazy-require';

/** papaparse loads at the first import, not when Kalm starts. */
const papa = lazyRequire<typeof import('papaparse')>('papaparse');

/** One record of the file: its row number, and its cells by column, or why it is unusable as a record. */
export type FileRow = { row: number; cells: Record<string, string> } | { row: number; error: string };

export interface RowStream {
  /** Column names (the CSV header; for JSON the keys seen in the first items). */
  columns: string[];
  delimiter: string | null;
}

/** The separator of a CSV, judged from its first lines: comma, semicolon, tab or pipe. */
export function guessDelimiter(head: string): string {
  const sample = head.split('\n').slice(0, 20).join('\n');
  return papa().parse<string[]>(sample, { preview: 20, delimitersToGuess: [',', ';', '\t', '|'] }).meta.delimiter || ',';
}

/**
 * Streams the CSV records of `text` to `onRow`, with back-pressure (the file is read only as fast as
 * it is parsed, so memory stays bounded). The header is row 1; blank lines count but are skipped.
 * A row with more or fewer cells than the header is reported, not guessed at.
 */
export async function streamCsv(text: Readable, delimiter: string, onHeader: (h: RowStream) => void, onRow: (r: FileRow) => void): Promise<void> {
  const Papa = papa();
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false, skipEmptyLines: false, delimiter }) as unknown as Duplex;
  let header: string[] | null = null;
  let n = 0;
  const done = pipeline(text, parser, async function (rows: AsyncIterable<unknown>): Promise<void> {
    for await (const raw of rows) {
      n++;
      const cells = (Array.isArray(raw) ? raw : []).map((c) => (typeof c === 'string' ? c : String(c)));
      if (cells.length === 1 && (cells[0] ?? '').trim() === '') continue;
      if (!header) {
        header = headerNames(cells);
        onHeader({ columns: header, delimiter });
        continue;
      }
      if (cells.length !== header.length) {
        onRow({ row: n, error: `it has ${cells.length} cell${cells.length === 1 ? '' : 's'} but the header has ${header.length} columns` });
        continue;
      }
      const record: Record<string, string> = {};
      header.forEach((h, i) => (record[h] = cells[i] ?? ''));
      onRow({ row: n, cells: record });
    }
  });
  await done;
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
    onRow({ row: n, cells: liftNested(flattenItem(value)) });
  });
  for await (const chunk of text) splitter.push(chunk as string);
  splitter.end();
}
