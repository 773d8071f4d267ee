import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { redactLogText } from './redact-log';
import { describeError, recentBuffer, type KalmLog } from './log';

export { createStderrLog, type KalmLog } from './log';

export const LOGS_FOLDER = 'logs';
/** Log files older than this many days are deleted when a log opens. */
export const KEEP_DAYS = 14;

/** The log file of one day: logs/kalm-YYYY-MM-DD.log (local date). */
export function logFileName(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `kalm-${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}.log`;
}

/**
 * A log with one file per day in `<dataDir>/logs/` (readable by the owner only), every line redacted
 * (redactLogText) before it is written; `stderr` also prints errors and warnings there (web host, dev).
 */
export function createFileLog(opts: { dataDir: string; stderr?: boolean; now?: () => Date }): KalmLog {
  const dir = path.join(opts.dataDir, LOGS_FOLDER);
  const now = opts.now ?? (() => new Date());
  const log = electronLog.create({ logId: `kalm:${dir}` });
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  log.transports.file.resolvePathFn = (_vars, message) => path.join(dir, logFileName(message?.date ?? now()));
  log.transports.console.level = opts.stderr ? 'warn' : false;
  log.transports.console.writeFn = ({ message }) => {
    process.stderr.write(`${message.data.map(String).join(' ')}\n`);
  };
  // Redaction runs before every transport, so no secret or review text reaches a file or the terminal.
  log.hooks.push((message) => ({ ...message, data: message.data.map((d: unknown) => redactLogText(typeof d === 'string' ? d : String(d))) }));
  const recent = recentBuffer();
  void pruneOldLogs(dir, now());
  return {
    dir,
    error(message, err) {
      const line = redactLogText(describeError(message, err));
      recent.add(`${now().toISOString()} error ${line}`);
      log.error(line);
    },
    warn(message) {
      const line = redactLogText(message);
      recent.add(`${now().toISOString()} warn ${line}`);
      log.warn(line);
    },
    info: (message) => log.info(redactLogText(message)),
    recent: recent.list,
  };
}

/** Deletes day files older than KEEP_DAYS; never fails the log. */
async function pruneOldLogs(dir: string, today: Date): Promise<void> {
  const cutoff = logFileName(new Date(today.getTime() - KEEP_DAYS * 86_400_000));
  try {
    for (const name of await readdir(dir)) {
      if (/^kalm-\d{4}-\d{2}-\d{2}(\.old)?\.log$/.test(name) && name.slice(0, 15) < cutoff.slice(0, 15)) await rm(path.join(dir, name), { force: true });
    }
  } catch {
    /* no logs folder yet */
  }
}
