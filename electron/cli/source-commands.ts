import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DateOrder, ImportFormat, PresetName, RatingScaleOption, type ImportOptions, type ImportReport } from '../../shared/import/options';
import type { KalmCore } from '../core/create-kalm';
import { UsageError } from './args';
import type { Command } from './commands';
import { googleCommands } from './google-commands';
import { noteKeptDemo } from './demo-commands';
import { parseFlags } from './args';
import { openInBrowser } from '../web-host/open-browser';
import { cliSourceNames, descriptorByCliName } from '../core/sources/registry';
import { connectPlayWithKey, followWithKey } from './play-commands';
import { syncAll } from './sync-all';
import { writeErr, writeOut } from './output';
import type { ImportProgress } from '../core/sources/import/read-import';

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

const playConnectFlags = { package: { type: 'string' }, 'no-open': { type: 'boolean' }, key: { type: 'string' } } as const;
const checkPlayConnect = (args: string[]) => {
  const v = parseFlags(args, playConnectFlags, ['play']);
  if (!v.package) throw new UsageError('connect play needs --package, e.g. kalm connect play --package com.example.app');
  if (v.key !== undefined && v.key.trim() === '') throw new UsageError('--key takes the path of the service-account JSON key file');
  return { packageName: v.package, open: !v['no-open'], key: v.key };
};

/** `kalm connect play --package PKG [--no-open | --key KEY.json]`: signs in with the androidpublisher scope (or a service-account key), then follows the app. */
async function connectPlay(kalm: KalmCore, args: string[]): Promise<string> {
  const out = await followPlay(kalm, args);
  await noteKeptDemo(kalm);
  return out;
}

async function followPlay(kalm: KalmCore, args: string[]): Promise<string> {
  const { packageName, open, key } = checkPlayConnect(args);
  if (key !== undefined) return connectPlayWithKey(kalm, packageName, key);
  const account = await kalm.play.serviceAccount();
  if (account) return followWithKey(kalm, packageName, account.clientEmail);
  const { authUrl, done } = await kalm.google.beginConnect({ play: true });
  await writeOut(`${authUrl}\n`);
  process.stderr.write('Open the address above in your browser and allow Kalm to read your Google Play reviews. Waiting…\n');
  if (open) openInBrowser(authUrl);
  await done;
  await kalm.play.addApp(packageName);
  process.stderr.write(`Connected. Kalm follows ${packageName}; run \`kalm sync --source play\` next.\n`);
  return '';
}

const syncFlags = { source: { type: 'string' }, full: { type: 'boolean' }, json: { type: 'boolean' } } as const;
const withoutSource = (args: string[]) => args.filter((a, i) => a !== '--source' && args[i - 1] !== '--source' && !a.startsWith('--source='));

/** `kalm sync --source play [--json]`: the Play apps' reviews of the last 7 days. */
async function syncPlay(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parseFlags(args, syncFlags);
  const t = await kalm.play.sync();
  for (const w of t.warnings) process.stderr.write(`kalm: ${w}\n`);
  if (v.json) return JSON.stringify({ apps: t.apps, reviews: t.fetched, new: t.new, updated: t.updated, warnings: t.warnings });
  return `Synced ${t.apps} Play app${t.apps === 1 ? '' : 's'}: ${t.fetched} reviews fetched, ${t.new} new, ${t.updated} updated. Play shows only the last 7 days; Kalm keeps the older ones.`;
}

type Hook = Pick<Command, 'check' | 'run'>;
/**
 * The command-line hooks of the sources in the registry (electron/core/sources/registry.ts), by their `cliName`.
 * `kalm connect NAME` and `kalm sync --source NAME` route here; the first source is the default.
 * A new source with a CLI adds its descriptor's `cliName` and one entry here.
 */
const SOURCE_CLI: Readonly<Record<string, { connect?: Hook; sync?: Hook }>> = {
  google: { ...(googleCommands.connect ? { connect: googleCommands.connect } : {}), ...(googleCommands.sync ? { sync: googleCommands.sync } : {}) },
  play: {
    connect: { check: (a) => void checkPlayConnect(a), run: connectPlay },
    sync: { check: (a) => void parseFlags(a, syncFlags), run: syncPlay },
  },
};

const DEFAULT_SOURCE = cliSourceNames()[0] ?? 'google';
const namesWith = (hook: 'connect' | 'sync') => cliSourceNames().filter((n) => SOURCE_CLI[n]?.[hook] !== undefined);

/** The source's hook for `kalm connect NAME` / `kalm sync --source NAME`; a clear usage error for any other name. */
function hookFor(hook: 'connect' | 'sync', name: string): Hook {
  const found = descriptorByCliName(name) ? SOURCE_CLI[name]?.[hook] : undefined;
  if (found) return found;
  const names = namesWith(hook);
  const what = hook === 'connect' ? 'connect takes' : 'sync --source takes';
  throw new UsageError(`${what} ${names.join(' or ')} (got "${name}")${hook === 'sync' ? '; imported sources are updated with kalm import' : ''}`);
}

/** `connect [NAME]`: NAME is a source's command-line name (default: the first, Google). */
const connectTarget = (args: string[]) => (args[0] !== undefined && !args[0].startsWith('-') ? args[0] : DEFAULT_SOURCE);
/** `sync [--source NAME]`; `--watch` is the periodic sync of the default source (habit-commands). */
const syncTarget = (args: string[]) => (args.includes('--watch') ? DEFAULT_SOURCE : (parseFlags(args, syncFlags).source ?? DEFAULT_SOURCE));
/** The default source's commands take no --source. */
const syncArgs = (name: string, args: string[]) => (name === DEFAULT_SOURCE ? withoutSource(args) : args);

export const sourceCommands: Record<string, Command> = {
  import: { check: (a) => void parseImport(a), readOnly: false, run: runImport },
  connect: {
    check: (a) => hookFor('connect', connectTarget(a)).check(a),
    readOnly: false,
    run: (kalm, a) => hookFor('connect', connectTarget(a)).run(kalm, a),
  },
  sync: {
    check: (a) => {
      const name = a.includes('--watch') ? DEFAULT_SOURCE : syncTarget(a);
      hookFor('sync', name).check(a.includes('--watch') ? a : syncArgs(name, a));
    },
    readOnly: false,
    run: (kalm, a) => {
      // Without --source: every connected source (Google and every followed Play app).
      if (!a.includes('--watch') && parseFlags(a, syncFlags).source === undefined) return syncAll(kalm, a);
      const name = syncTarget(a);
      return hookFor('sync', name).run(kalm, a.includes('--watch') ? a : syncArgs(name, a));
    },
  },
};

export const sourceUsage = `  connect play --package PKG [--no-open]
                            sign in to Google with the Google Play scope and follow the app PKG
  connect play --package PKG --key KEY.json
                            use a Google Cloud service-account JSON key instead (the account must
                            be invited in the Play Console); checked with Google, then stored
                            like the sign-in
  sync --source google|play [--full] [--json]
                            only that source (google: its totals as before; play: the reviews
                            of the last 7 days, Kalm keeps the older ones and warns when the
                            last sync is more than 7 days ago)
  import <file> [--format csv|json|xlsx] [--preset trustpilot|tripadvisor|facebook|kiyoh] [--source NAME]
         [--scale stars-5|score-10|recommend] [--date-order dmy|mdy] [--map field=Column]… [--dry-run] [--json]
                            import reviews exported from another site (CSV or JSON); bad rows are
                            listed by row number on stderr and the good ones imported; importing
                            the same file again updates instead of duplicating`;
