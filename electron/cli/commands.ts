import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { Review } from '../../shared/domain/review';
import { parseFlags, UsageError } from './args';
import { googleCommands } from './google-commands';
import { habitCommands, habitUsage } from './habit-commands';
import { outboxCommands } from './outbox-commands';
import { sourceCommands, sourceUsage } from './source-commands';
import { reportCommands } from './report-commands';
import type { KalmCore } from '../core/create-kalm';
import { defaultDataDir } from '../core/data-dir';
import { isHolderAlive, LOCK_FILE, LockInfo } from '../core/store/lock';
import { leftoverTempFiles, listQuarantine } from '../core/store/quarantine';
import { checkSettingsFile } from '../core/settings/open-settings';
import { loadWorkspaceFiles, REVIEWS_DIR } from '../core/store/workspace-files';
import { recoverDataFiles } from '../core/store/data-files';
import { checkRecordFiles } from '../core/store/record-files-check';
import { doctorJson, doctorText, type DoctorReport, type LockStatus, reviewJson, reviewsTable } from './format';

export const usage = `Usage: kalm <command> [options]    (kalm --version prints the version)

Commands:
  demo                      load the demo workspace into the data folder
  reviews [options]         list reviews, lowest rating first, then oldest first
      --unanswered          only reviews without a reply
      --overdue             only reviews past their reply target (Settings: targets, business hours)
      --rating 1,2          only these star ratings
      --source ID           only this source (google, play, …)
      --location ID         only this location
      --json                machine-readable output
  stats [options]           average rating, reviews, unanswered, response rate, reply time and
                            overdue, overall, per location and per source, with the previous period
      --from D --to D       only reviews created in this period (dates in your time zone,
                            --to included; or ISO timestamps)
      --location ID         only this location
      --source ID           only this source
      --json                machine-readable output
  export --format csv|json [--out F] [filters]
                            reviews as CSV (UTF-8 with BOM, for Excel) or JSON, oldest first;
                            stdout without --out. Filters: --location ID, --source ID,
                            --rating 1,2, --status all|unanswered|answered|…, --from D --to D
  connect google [--no-open]
                            sign in to Google Business Profile: prints the consent URL,
                            waits for you in the browser, stores the grant, finds locations
  sync [--full] [--json]    fetch new and changed Google reviews (--full: every page, finds
                            deleted reviews); progress on stderr
  reply <id> --text "…" | --text-file F
                            queue a reply (offline; nothing is sent); exits 2 when the
                            reply is empty or over the limit
  unreply <id>              queue the removal of a posted reply
  drafts [--json]           list reply drafts
  outbox [--json]           list queued, failed and sent replies
  publish [--json]          send the queued replies (demo reviews are answered locally only);
                            exits 1 when a reply could not be sent
${sourceUsage}
  check-reply --text-file F [--lang nl|en] [--source google|play|trustpilot|tripadvisor|facebook|kiyoh|import]
            [--rating N] [--json]
                            run the calm check and the source's length limit on a reply (exit 0 even
                            with findings; imported sites document no limit: "limit" is null);
                            --json: {"bytes","limit","findings":[{"rule",
                            "severity","start","end","message"}]}, offsets in characters
${habitUsage}
  doctor [--json]           check the data folder without changing it: unusable files,
                            files in quarantine/, the lock; exits 1 when something needs you
  --help                    show this help

Exit codes: 0 done, 1 failed, 2 wrong usage, 3 a read command (reviews, stats, export, labels,
rules) printed its output but some files could not be read, so it is incomplete.

Data folder: KALM_DATA_DIR (default: the app's user-data folder).`;

export { UsageError };

/** Exit code of a read command whose output lacks the data of a file that could not be read. */
export const EXIT_MISSING_DATA = 3;

/** A read command finished, but some files could not be read: `output` is complete for the rest (valid JSON with --json). */
export class MissingDataError extends Error {
  constructor(
    readonly output: string,
    files: number,
  ) {
    super(`${files} file${files === 1 ? '' : 's'} in the data folder could not be read, so this output is incomplete (exit code ${EXIT_MISSING_DATA}). Run \`kalm doctor\` for details.`);
  }
}

const parse = <O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) => parseFlags(args, options);

export const parseRatings = (raw: string | undefined): (1 | 2 | 3 | 4 | 5)[] | undefined => {
  if (raw === undefined) return undefined;
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.some((p) => !/^[1-5]$/.test(p))) throw new UsageError(`--rating takes star ratings 1 to 5 separated by commas, e.g. --rating 1,2 (got "${raw}")`);
  return [...new Set(parts.map((p) => Number(p) as 1 | 2 | 3 | 4 | 5))];
};

const reviewsOptions = {
  unanswered: { type: 'boolean' },
  overdue: { type: 'boolean' },
  rating: { type: 'string' },
  source: { type: 'string' },
  location: { type: 'string' },
  json: { type: 'boolean' },
} as const;

async function listReviews(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parse(args, reviewsOptions);
  const ratings = parseRatings(v.rating);
  const { locations, reviewCount } = await kalm.call('workspace.get', {});
  if (reviewCount === 0 && !v.json) return `No reviews yet in ${kalm.dataDir}. Load the demo with \`kalm demo\`.`;
  const items: Review[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await kalm.call('reviews.query', {
      status: v.unanswered ? 'unanswered' : 'all',
      ...(ratings ? { ratings } : {}),
      ...(v.overdue ? { overdue: true } : {}),
      ...(v.source ? { source: v.source } : {}),
      ...(v.location ? { locationId: v.location } : {}),
      offset,
      limit: 500,
    });
    items.push(...page.items);
    if (offset + 500 >= page.total) break;
  }
  if (v.json) {
    const names = new Map(locations.map((l) => [`${l.source}\u0000${l.id}`, l.name]));
    return JSON.stringify(items.map((r) => reviewJson(r, names.get(`${r.source}\u0000${r.locationId}`) ?? r.locationId)), null, 2);
  }
  return reviewsTable(items, locations, process.stdout.columns || 120);
}

async function demo(kalm: KalmCore, args: string[]): Promise<string> {
  parse(args, {});
  const ws = await kalm.call('workspace.loadDemo', {});
  return `Loaded the demo: ${ws.reviewCount} reviews at ${ws.locations.length} locations into ${kalm.dataDir}`;
}

export interface Command {
  /** Checks the arguments before the data folder is opened (bad flags exit 2 and touch nothing). */
  check(args: string[]): void;
  /** Reads only: opens without the writer lock, so it works while the app runs. */
  readOnly: boolean;
  run(kalm: KalmCore, args: string[]): Promise<string>;
}

const commands: Record<string, Command> = {
  demo: { check: (a) => void parse(a, {}), readOnly: false, run: demo },
  reviews: { check: (a) => void parseRatings(parse(a, reviewsOptions).rating), readOnly: true, run: listReviews },
  ...googleCommands,
  ...outboxCommands,
  ...sourceCommands,
  ...reportCommands,
  ...habitCommands,
};

async function readLockStatus(dataDir: string): Promise<LockStatus | null> {
  let raw: string;
  try {
    raw = await readFile(join(dataDir, LOCK_FILE), 'utf8');
  } catch {
    return null;
  }
  let info: LockInfo;
  try {
    info = LockInfo.parse(JSON.parse(raw));
  } catch {
    return { pid: null, hostname: null, startedAt: null, alive: null };
  }
  const alive = info.hostname === hostname() ? isHolderAlive(info) : null;
  return { pid: info.pid, hostname: info.hostname, startedAt: info.startedAt, alive };
}

/** Looks at the data folder without changing anything: no file is moved, upgraded, created or deleted. */
export async function inspectDataFolder(dataDir: string): Promise<DoctorReport> {
  const found = await loadWorkspaceFiles(dataDir, { dryRun: true });
  const quarantine = await listQuarantine(dataDir);
  const settingsProblem = await checkSettingsFile(dataDir);
  const dataFiles = await recoverDataFiles(dataDir, { now: () => new Date(), dryRun: true });
  const records = await checkRecordFiles(dataDir);
  const problems = [...(settingsProblem ? [settingsProblem] : []), ...dataFiles.problems, ...records, ...found.problems.filter((p) => p.kind !== 'migrated')];
  return {
    ok: problems.length === 0 && quarantine.length === 0,
    dataDir,
    exists: found.exists || quarantine.length > 0,
    reviews: found.reviews.length,
    locations: found.locations.length,
    problems,
    upgrades: found.problems.filter((p) => p.kind === 'migrated'),
    quarantine,
    leftoverTempFiles: [...(await leftoverTempFiles(dataDir, '')), ...(await leftoverTempFiles(dataDir, REVIEWS_DIR))],
    lock: await readLockStatus(dataDir),
  };
}

/**
 * `kalm doctor`: prints the report on stdout. When something needs the user it then throws,
 * so the CLI exits 1 (with a one-line summary on stderr) and scripts can tell.
 */
async function doctor(dataDir: string, args: string[]): Promise<string> {
  const v = parse(args, { json: { type: 'boolean' } });
  const report = await inspectDataFolder(dataDir);
  const out = v.json ? JSON.stringify(doctorJson(report), null, 2) : doctorText(report);
  if (report.ok) return out;
  process.stdout.write(out + '\n');
  const n = report.problems.length + report.quarantine.length;
  throw new Error(`doctor found ${n} file${n === 1 ? '' : 's'} in ${dataDir} that need${n === 1 ? 's' : ''} your attention.`);
}

/**
 * Runs one command; the core is opened only once the command name is known to be valid.
 * `doctor` never opens the core: it only looks at `dataDir` (default: KALM_DATA_DIR or the app's folder).
 */
export async function runCommand(
  name: string,
  args: string[],
  open: (opts: { readOnly: boolean }) => Promise<KalmCore>,
  dataDir: string = process.env.KALM_DATA_DIR || defaultDataDir(),
): Promise<string> {
  if (name === 'doctor') return args.includes('--help') || args.includes('-h') ? usage : doctor(dataDir, args);
  // check-reply only reads the reply file and the tone settings: no lock, no reviews loaded.
  // Loaded on demand: the other commands need neither the language detector nor the UI strings.
  if (name === 'check-reply') return args.includes('--help') || args.includes('-h') ? usage : (await import('./reply-check-commands')).checkReplyCommand(dataDir, args);
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}"`);
  if (args.includes('--help') || args.includes('-h')) return usage;
  command.check(args);
  const kalm = await open({ readOnly: command.readOnly });
  try {
    for (const p of kalm.problems) process.stderr.write(`kalm: ${p.reason}\n`);
    const out = await command.run(kalm, args);
    const missing = command.readOnly ? kalm.problems.filter((p) => p.kind !== 'migrated') : [];
    if (missing.length > 0) throw new MissingDataError(out, missing.length);
    return out;
  } finally {
    await kalm.close();
  }
}
