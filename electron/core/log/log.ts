import { redactLogText } from './redact-log';

/** Where Kalm's messages for support go: a daily file in the data folder (app, web host) or stderr only (CLI). */
export interface KalmLog {
  error(message: string, err?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  /** The folder of the log files, or null when this log writes none (CLI, tests). */
  readonly dir: string | null;
  /** The last few errors and warnings (already redacted), newest last, for "Copy diagnostics". */
  recent(): readonly string[];
}

const RECENT = 20;

export const describeError = (message: string, err: unknown): string =>
  err === undefined ? message : `${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;

/** The last RECENT errors and warnings, for "Copy diagnostics". */
export function recentBuffer() {
  const lines: string[] = [];
  return {
    add(line: string) {
      lines.push(line.length > 500 ? `${line.slice(0, 499)}…` : line);
      if (lines.length > RECENT) lines.shift();
    },
    list: (): readonly string[] => [...lines],
  };
}

/** The CLI's log: errors and warnings on stderr (never stdout, which may be piped into jq), redacted; no file. */
export function createStderrLog(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): KalmLog {
  const recent = recentBuffer();
  return {
    dir: null,
    error(message, err) {
      const line = redactLogText(describeError(message, err));
      recent.add(line);
      write(line);
    },
    warn(message) {
      const line = redactLogText(message);
      recent.add(line);
      write(line);
    },
    info: () => undefined,
    recent: recent.list,
  };
}

