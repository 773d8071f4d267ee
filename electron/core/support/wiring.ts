import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import type { CallOutput } from '../../../shared/contract';
import type { UpdateStatus } from '../../../shared/contract/app';
import { KalmError } from '../../../shared/domain/errors';
import type { EventBus } from '../events';
import type { HostKind } from '../kalm';
import type { KalmLog } from '../log/log';
import type { UpdaterPort } from './updater-port';

const OFF: UpdateStatus = { state: 'off', version: null, percent: null };

export interface SupportDeps {
  host: HostKind;
  version: string;
  log: KalmLog | undefined;
  bus: EventBus;
  updater: UpdaterPort | undefined;
  openPath: ((path: string) => Promise<string>) | undefined;
  /** The data folder (`app.openDataFolder` opens it in the file manager). */
  dataDir: string;
  /** Saves the window's report as a PDF (Electron only); without it `reviews.saveReportPdf` is refused. */
  saveReportPdf: ((fileName: string) => Promise<{ saved: boolean; path: string | null }>) | undefined;
  /** Numbers about the store (reviews, locations, drafts, outbox…): never names or texts. */
  counts: () => Promise<Record<string, number | string>>;
}

/** The diagnostics text: versions, OS, store counts and the last (redacted) errors; nothing that names a person or a business. */
export async function diagnosticsText(deps: SupportDeps, now = new Date()): Promise<string> {
  const counts = await deps.counts().catch((err: unknown) => ({ counts: `unavailable (${err instanceof Error ? err.message : String(err)})` }));
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string };
  const lines = [
    `Kalm ${deps.version} (${deps.host})`,
    `created: ${now.toISOString()}`,
    `os: ${process.platform} ${os.release()} ${process.arch}`,
    `node: ${process.versions.node}${versions.electron ? `, electron: ${versions.electron}` : ''}`,
    `locale: ${Intl.DateTimeFormat().resolvedOptions().locale}, time zone offset: ${-now.getTimezoneOffset()} min`,
    `update: ${deps.updater?.status().state ?? 'off'}`,
    '',
    'store:',
    ...Object.entries(counts).map(([k, v]) => `  ${k}: ${v}`),
    '',
    'recent errors and warnings:',
    ...(deps.log?.recent().length ? deps.log.recent().map((l) => `  ${l}`) : ['  none']),
  ];
  return lines.join('\n');
}

/** The support and update calls of one core, and the host's folder and PDF helpers. */
export function wireSupport(deps: SupportDeps) {
  deps.updater?.onChange((status) => deps.bus.emit('app.updateChanged', status));
  return {
    'app.openLogs': async (): Promise<CallOutput<'app.openLogs'>> => {
      const dir = deps.log?.dir;
      if (!dir) throw new KalmError('forbidden', 'This Kalm writes no log files (the kalm command prints its messages in the terminal).');
      await mkdir(dir, { recursive: true });
      if (!deps.openPath) return { opened: false, path: dir };
      const error = await deps.openPath(dir);
      if (error) deps.log?.warn(`could not open the logs folder: ${error}`);
      return { opened: error === '', path: dir };
    },
    'app.diagnostics': async (): Promise<CallOutput<'app.diagnostics'>> => ({ text: await diagnosticsText(deps) }),
    'app.openDataFolder': async (): Promise<CallOutput<'app.openDataFolder'>> => {
      if (!deps.openPath) return { opened: false, path: deps.dataDir };
      const error = await deps.openPath(deps.dataDir);
      return { opened: error === '', path: deps.dataDir };
    },
    'reviews.saveReportPdf': async ({ fileName }: { fileName: string }): Promise<CallOutput<'reviews.saveReportPdf'>> => {
      if (!deps.saveReportPdf) throw new KalmError('forbidden', 'Saving a PDF directly works in the Kalm app; here, print the report and choose "Save as PDF".');
      return deps.saveReportPdf(fileName);
    },
    'app.updateStatus': (): UpdateStatus => deps.updater?.status() ?? OFF,
    'app.restartToUpdate': (): Record<string, never> => {
      if (deps.updater?.status().state !== 'ready') throw new KalmError('forbidden', 'There is no downloaded update to install yet.');
      deps.updater.restart();
      return {};
    },
  };
}
