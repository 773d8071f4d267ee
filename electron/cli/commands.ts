import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { EXIT_MISSING_DATA, MissingDataError, parseFlags, parseRatings, UsageError } from './args';
import { checkDemo, demoUsage, runDemo } from './demo-commands';
import { googleCommands } from './google-commands';
import { habitCommands, habitUsage } from './habit-commands';
import { outboxCommands } from './outbox-commands';
import { sourceCommands, sourceUsage } from './source-commands';
import { readCommands, runReadCommand } from './read-commands';
import { teamCommands, teamUsage } from './team-commands';
import type { KalmCore } from '../core/create-kalm';
import { defaultDataDir } from '../core/data-dir';
import { isHolderAlive, LOCK_FILE, LockInfo } from '../core/store/lock';
import { leftoverTempFiles, listQuarantine } from '../core/store/quarantine';
import { checkSettingsFile } from '../core/settings/open-settings';
import { loadWorkspaceFiles, REVIEWS_DIR } from '../core/store/workspace-files';
import { recoverDataFiles } from '../core/store/data-files';
import { SOURCE_FILES } from '../core/sources/registry';
import { checkRecordFiles } from '../core/store/record-files-check';
import { runOn, type ReadCore, type ReadScope } from './read-view';
import { doctorJson, doctorText, type DoctorReport, type LockStatus } from './format';
import { writeOut } from './output';

export const usage = `Usage: kalm <command> [options]    (kalm --version prints the version)

Commands:
${demoUsage}
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
  sync [--full] [--json]    fetch new and changed reviews of every connected source (Google
                            Business Profile, every followed Play app; --full: every Google page,
                            finds deleted reviews); one progress line per source on stderr;
                            --json: {locations, reviews, new, updated, deleted, sources: [{source,
                            …, error?}]}; exits 1 when a source failed (the others still sync)
  reply <id> --text "…" | --text-file F
                            queue a reply (offline; nothing is sent); exits 2 when the
                            reply is empty or over the limit
  unreply <id>              queue the removal of a posted reply
  drafts [--json]           list reply drafts
  outbox [--json]           list queued, failed and sent replies
  publish [--json]          send the queued replies (demo reviews are answered locally only);
                            exits 1 when a reply could not be sent
${sourceUsage}
${teamUsage}
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

export { EXIT_MISSING_DATA, MissingDataError };

const parse = <O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) => parseFlags(args, options);

export { parseRatings };

interface CommandBase {
  /** Checks the arguments before the data folder is opened (bad flags exit 2 and touch nothing). */
  check(args: string[]): void;
  /** Reads only: opens without the writer lock, so it works while the app runs. */
  readOnly: boolean;
}

/** A command on the whole core. */
export interface CoreCommand extends CommandBase {
  readScope?: undefined;
  run(kalm: KalmCore, args: string[]): Promise<string>;
}

/**
 * A read command that needs only the reviews, sources and settings (read-view.ts): it runs on
 * the files as they are read, without the core or its search index. `readScope` says, from the
 * arguments, which reviews it can need. KALM_CLI_FULL_LOAD=1 runs it on the whole core instead.
 */
export interface ReadCommand extends CommandBase {
  readOnly: true;
  readScope(args: string[]): ReadScope;
  run(kalm: ReadCore, args: string[]): Promise<string>;
}

export type Command = CoreCommand | ReadCommand;

const commands: Record<string, Command> = {
  demo: { check: checkDemo, readOnly: false, run: runDemo },
  ...googleCommands,
  ...outboxCommands,
  ...sourceCommands,
  ...readCommands,
  ...habitCommands,
  ...teamCommands,
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
  const dataFiles = await recoverDataFiles(dataDir, { specs: SOURCE_FILES, now: () => new Date(), dryRun: true });
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
  await writeOut(out + '\n');
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
  if (command.readScope && process.env.KALM_CLI_FULL_LOAD !== '1') return runReadCommand(command, args, dataDir);
  return runOn(await open({ readOnly: command.readOnly }), (k) => command.run(k, args), command.readOnly);
}
