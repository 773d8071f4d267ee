/**
 * One orderly shutdown per process. Signals can arrive more than once (a closing terminal sends
 * SIGHUP, then the shell SIGTERM; some libraries re-raise a signal): every one of them joins the
 * same close, so pending writes are flushed and the lock released exactly once before the exit.
 */

export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];

/** Wraps `close` so every call shares the first call's promise. */
export function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

export interface SignalTarget {
  on(signal: ShutdownSignal, listener: () => void): unknown;
  removeListener(signal: ShutdownSignal, listener: () => void): unknown;
}

/**
 * On SIGINT, SIGTERM or SIGHUP: runs `close` once (later signals join it), then `exit(code)` once.
 * 0 after a clean close, 1 when closing failed (`onError` says why). Returns an uninstaller.
 */
export function exitOnSignals(
  close: () => Promise<void>,
  opts: { target?: SignalTarget; exit?: (code: number) => void; onError?: (err: unknown) => void } = {},
): () => void {
  const target: SignalTarget = opts.target ?? process;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const closeAll = closeOnce(close);
  let exiting: Promise<void> | null = null;
  const onSignal = (): void => {
    exiting ??= closeAll().then(
      () => exit(0),
      (err: unknown) => {
        opts.onError?.(err);
        exit(1);
      },
    );
  };
  for (const s of SHUTDOWN_SIGNALS) target.on(s, onSignal);
  return () => {
    for (const s of SHUTDOWN_SIGNALS) target.removeListener(s, onSignal);
  };
}
