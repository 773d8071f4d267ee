import { nodePowerState } from '../core/background/power-state';
import { createSyncScheduler } from '../core/background/scheduler';
import type { Kalm } from '../core/kalm';
import { parseFlags, UsageError } from './args';
import { writeOut } from './output';
import { syncSources, type SourcesSync } from './sync-all';

/*
 * `kalm sync --watch` runs the app's own sync scheduler and power check (core/background) in the CLI process:
 * the contract has a call per source's sync (each tick makes them for every connected source, as `kalm sync`
 * does), not for "keep syncing until Ctrl+C" — the scheduler lives in the process that holds the core, so this command builds it here.
 */

export const watchUsage = `  sync --watch [--interval MIN]
                            keep syncing every connected source every MIN minutes
                            (default: Settings, 15);
                            Ctrl+C stops after the sync in progress`;

const watchOptions = { watch: { type: 'boolean' }, full: { type: 'boolean' }, json: { type: 'boolean' }, interval: { type: 'string' } } as const;

export const checkWatch = (args: string[]): void => {
  const v = parseFlags(args, watchOptions);
  if (v.interval !== undefined && !v.watch) throw new UsageError('--interval goes with --watch');
  if (v.interval !== undefined && !/^[1-9]\d{0,3}$/.test(v.interval)) throw new UsageError(`--interval takes whole minutes from 1 to 1440 (got "${v.interval}")`);
};

/**
 * `kalm sync --watch`: headless periodic sync with the app's scheduler. Each sync prints one line
 * (stdout; --json: one object per line); failures are retried with backoff; Ctrl+C (SIGINT) or
 * SIGTERM stops after the sync in progress and the core closes cleanly.
 */
export async function watchSync(kalm: Kalm, args: string[]): Promise<string> {
  const v = parseFlags(args, watchOptions);
  const minutes = v.interval !== undefined ? Number(v.interval) : (await kalm.call('settings.get', {})).syncIntervalMinutes || 15;
  const out = (line: string) => void writeOut(`${line}\n`);
  const offAlert = kalm.on('alerts.newReview', (a) => process.stderr.write(`New ${a.rating}★ review${a.locationName ? ` at ${a.locationName}` : ''}: ${a.reviewId}\n`));
  const power = nodePowerState();
  const scheduler = createSyncScheduler({
    // Every connected source, as `kalm sync`; the scheduler retries with backoff when every source failed.
    run: async () => {
      const round = await syncSources(kalm, false);
      const failed = round.results.filter((r) => r.error !== undefined);
      if (failed.length === round.results.length) throw new Error(failed.map((f) => f.error).join('; '));
      return round;
    },
    intervalMinutes: () => minutes,
    ready: () => true,
    // A headless sync on a laptop pauses on battery saver too (Linux: the power-saver profile).
    saving: () => power.read().saver,
    onState: (state) => {
      if (state === 'battery-saver') process.stderr.write('kalm: paused while the computer saves battery; checking again later.\n');
    },
    onSynced: (t) => {
      const { totals: r, results } = t as SourcesSync;
      out(v.json ? JSON.stringify({ at: new Date().toISOString(), ...r, sources: results }) : `${new Date().toISOString()}  Synced ${results.length} source${results.length === 1 ? '' : 's'}: ${r.new} new, ${r.updated} updated, ${r.deleted} deleted.`);
    },
    onError: (err) => process.stderr.write(`kalm: sync failed, retrying: ${err instanceof Error ? err.message : String(err)}\n`),
  });
  process.stderr.write(`Syncing every ${minutes} minute${minutes === 1 ? '' : 's'}; press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    // The scheduler's timers do not keep a process alive (the app's must not block quitting); this one does.
    const keepAlive = setInterval(() => undefined, 2 ** 30);
    const stop = () => {
      clearInterval(keepAlive);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void scheduler.stop().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    scheduler.start({ now: true });
  });
  offAlert();
  return 'Stopped.';
}
