import { readLockHolder } from '../core/store/lock';
import { leftoverTempFiles, listQuarantine } from '../core/store/quarantine';
import { checkSettingsFile } from '../core/settings/open-settings';
import { loadWorkspaceFiles, REVIEWS_DIR } from '../core/store/workspace-files';
import { recoverDataFiles } from '../core/store/data-files';
import { SOURCE_FILES } from '../core/sources/registry';
import { checkRecordFiles } from '../core/store/record-files-check';
import { parseFlags } from './args';
import { doctorJson, doctorText, type DoctorReport, type LockStatus } from './format';
import { writeOut } from './output';

/*
 * `kalm doctor` reads the store's files itself, with the store's own dry-run checks, and never through the
 * contract: it must work when the core cannot open (a file from a newer Kalm, the lock held, a damaged
 * settings.json) and it must change nothing, while opening a core moves bad files aside and upgrades old ones.
 */

async function readLockStatus(dataDir: string): Promise<LockStatus | null> {
  const holder = await readLockHolder(dataDir);
  if (!holder) return null;
  const { info, alive } = holder;
  return info ? { pid: info.pid, hostname: info.hostname, startedAt: info.startedAt, alive } : { pid: null, hostname: null, startedAt: null, alive: null };
}

/** Looks at the data folder without changing anything: no file is moved, upgraded, created or deleted. */
async function inspectDataFolder(dataDir: string): Promise<DoctorReport> {
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
export async function doctor(dataDir: string, args: string[]): Promise<string> {
  const v = parseFlags(args, { json: { type: 'boolean' } });
  const report = await inspectDataFolder(dataDir);
  const out = v.json ? JSON.stringify(doctorJson(report), null, 2) : doctorText(report);
  if (report.ok) return out;
  await writeOut(out + '\n');
  const n = report.problems.length + report.quarantine.length;
  throw new Error(`doctor found ${n} file${n === 1 ? '' : 's'} in ${dataDir} that need${n === 1 ? 's' : ''} your attention.`);
}
