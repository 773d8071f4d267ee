import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DateOrder, ImportFormat, PresetName, RatingScaleOption, type ImportOptions, type ImportReport } from '../../shared/import/options';
import type { KalmCore } from '../core/create-kalm';
import type { ImportProgress } from '../core/sources/import/read-import';
import { UsageError } from './args';
import type { Command } from './command';
import { noteKeptDemo } from './demo-notes';
import { writeErr } from './output';

export const importUsage = `  import <file> [--format csv|json|xlsx] [--preset trustpilot|tripadvisor|facebook|kiyoh] [--source NAME]
         [--scale stars-5|score-10|recommend] [--date-order dmy|mdy] [--map field=Column]… [--dry-run] [--json]
                            import reviews exported from another site (CSV or JSON); bad rows are
                            listed by row number on stderr and the good ones imported; importing
                            the same file again updates instead of duplicating`;

const importFlags = {
  format: { type: 'string' },
  preset: { type: 'string' },
  source: { type: 'string' },
  scale: { type: 'string' },
  'date-order': { type: 'string' },
  map: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const pick = <T extends string>(name: string, raw: string | undefined, allowed: { options: readonly T[] }): T | undefined => {
  if (raw === undefined) return undefined;
  if (!(allowed.options as readonly string[]).includes(raw)) throw new UsageError(`--${name} takes one of ${allowed.options.join(', ')} (got "${raw}")`);
  return raw as T;
};

/** `kalm import <file> [--format csv|json|xlsx] [--preset P] [--source NAME] [--scale S] [--date-order dmy|mdy] [--map field=Column]… [--dry-run] [--json]` */
function parseImport(args: string[]): { file: string; options: ImportOptions; dryRun: boolean; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: importFlags, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'import needs a file: kalm import <file>' : `import takes one file (got ${positionals.length})`);
  const mapping: Record<string, string> = {};
  for (const m of v.map ?? []) {
    const eq = m.indexOf('=');
    const field = m.slice(0, eq);
    if (eq < 1 || !['id', 'rating', 'title', 'text', 'author', 'date', 'url', 'reply', 'replyDate', 'location', 'language'].includes(field)) {
      throw new UsageError(`--map takes field=Column, e.g. --map "rating=Score" (fields: id, rating, title, text, author, date, url, reply, replyDate, location, language); got "${m}"`);
    }
    mapping[field] = m.slice(eq + 1);
  }
  const source = v.source?.trim();
  if (v.source !== undefined && (!source || source.length > 60)) throw new UsageError('--source takes a name of 1 to 60 characters');
  const options: ImportOptions = {
    ...(v.format ? { format: pick('format', v.format, ImportFormat) } : {}),
    ...(v.preset ? { preset: pick('preset', v.preset, PresetName) } : {}),
    ...(v.scale ? { scale: pick('scale', v.scale, RatingScaleOption) } : {}),
    ...(v['date-order'] ? { dateOrder: pick('date-order', v['date-order'], DateOrder) } : {}),
    ...(source ? { sourceName: source } : {}),
    ...(Object.keys(mapping).length ? { mapping } : {}),
  };
  return { file: positionals[0] ?? '', options, dryRun: v['dry-run'] ?? false, json: v.json ?? false };
}

function summary(r: ImportReport, file: string, dryRun: boolean): string {
  const head = dryRun
    ? `${file}: ${r.valid} of ${r.rows} rows can be imported into "${r.sourceName}" (nothing was changed: --dry-run).`
    : `Imported ${r.valid} of ${r.rows} rows from ${file} into "${r.sourceName}": ${r.added ?? 0} new, ${r.updated ?? 0} updated.`;
  const found = `Read as ${r.format.toUpperCase()}, ${r.encoding}${r.delimiter ? `, separator ${JSON.stringify(r.delimiter)}` : ''}; dates ${r.dateOrder === 'dmy' ? 'day-month-year' : 'month-day-year'}.`;
  return `${head}\n${found}`;
}

const MB = 1024 * 1024;
/** Progress of a large import on stderr, at most once a second: rows read and megabytes of the file. */
function importProgress(): (p: ImportProgress & { pass: 'check' | 'import' }) => void {
  let last = Date.now();
  return (p) => {
    const now = Date.now();
    if (now - last < 1000 || p.bytes >= p.totalBytes) return;
    last = now;
    void writeErr(`${p.pass === 'check' ? 'Checking' : 'Importing'}: ${p.rows.toLocaleString('en')} rows, ${Math.round(p.bytes / MB)} of ${Math.round(p.totalBytes / MB)} MB\n`);
  };
}

async function runImport(kalm: KalmCore, args: string[]): Promise<string> {
  const { file, options, dryRun, json } = parseImport(args);
  const path = resolve(file);
  const progress = importProgress();
  // The core's importer, not the contract: `import.begin`/`import.chunk` upload a file the page chose (a copy in
  // pieces); the CLI reads the file where it is, streamed (files of hundreds of MB), with its own progress lines.
  const report = dryRun ? await kalm.importer.preview(path, options, (p) => progress({ ...p, pass: 'check' })) : await kalm.importer.run(path, options, progress);
  if (!dryRun) await noteKeptDemo(kalm);
  if (report.errorCount > 0) {
    process.stderr.write(`${report.errorCount} row${report.errorCount === 1 ? '' : 's'} skipped:\n`);
    for (const e of report.errors.slice(0, 50)) process.stderr.write(`  ${e.message}\n`);
    if (report.errorCount > 50) process.stderr.write(`  … and ${report.errorCount - 50} more (--json lists the first ${report.errors.length}).\n`);
  }
  if (json) {
    const { preview: _preview, ...rest } = report;
    return JSON.stringify(rest, null, 2);
  }
  return summary(report, file, dryRun);
}

export const importCommands: Record<string, Command> = {
  import: { check: (a) => void parseImport(a), readOnly: false, run: runImport },
};
