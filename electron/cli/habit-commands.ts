import { parseArgs } from 'node:util';
import { KalmError } from '../../shared/domain/errors';
import { nodePowerState } from '../core/background/power-state';
import { createSyncScheduler } from '../core/background/scheduler';
import type { KalmCore } from '../core/create-kalm';
import { parseFlags, UsageError } from './args';
import type { Command } from './commands';
import { writeOut } from './output';

export const habitUsage = `  label <id> --add L | --remove L
                            add or remove a label (name or id) on a review; --add creates
                            a label that does not exist yet
  labels [--json]           the labels with how many reviews carry each
  rules [--json]            the auto-label rules, in the order they run
  sync --watch [--interval MIN]
                            keep syncing every MIN minutes (default: Settings, 15);
                            Ctrl+C stops after the sync in progress`;

const labelOptions = { add: { type: 'string', multiple: true }, remove: { type: 'string', multiple: true } } as const;
const jsonOption = { json: { type: 'boolean' } } as const;

function parseLabel(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: labelOptions, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const [id, ...extra] = parsed.positionals;
  if (id === undefined || id.trim() === '' || extra.length > 0) throw new UsageError('label takes exactly one review id (see `kalm reviews --json`)');
  const add = parsed.values.add ?? [], remove = parsed.values.remove ?? [];
  if (add.length + remove.length === 0) throw new UsageError('label needs --add LABEL or --remove LABEL');
  if ([...add, ...remove].some((l) => l.trim() === '' || l.length > 60)) throw new UsageError('a label name is 1 to 60 characters');
  return { id, add, remove };
}

/** `kalm label <id> --add L | --remove L`. */
async function label(kalm: KalmCore, args: string[]): Promise<string> {
  const { id, add, remove } = parseLabel(args);
  await kalm.call('reviews.get', { id }); // an unknown review fails before any label is created
  const addIds = [];
  for (const name of add) addIds.push((await kalm.labels.ensure(name.trim())).id);
  const removeIds = remove.map((name) => {
    const found = kalm.labels.find(name.trim());
    if (!found) throw new KalmError('not_found', `There is no label "${name}". See \`kalm labels\`.`);
    return found.id;
  });
  const { changed } = await kalm.call('labels.apply', { reviewIds: [id], add: addIds, remove: removeIds });
  const labels = (await kalm.call('reviews.get', { id })).labels.map((l) => kalm.labels.find(l)?.name ?? l);
  return `${changed ? 'Changed' : 'Unchanged'}: ${id} has ${labels.length ? labels.join(', ') : 'no labels'}.`;
}

/** `kalm labels [--json]`. */
async function labels(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parseFlags(args, jsonOption);
  const view = await kalm.call('labels.list', {});
  const rows = view.labels.map((l) => ({ id: l.id, name: l.name, color: l.color, reviews: view.counts[l.id] ?? 0 }));
  if (v.json) return JSON.stringify(rows, null, 2);
  if (rows.length === 0) return 'No labels yet. Add one with `kalm label <id> --add NAME` or in Settings → Labels.';
  return rows.map((r) => `${r.name.padEnd(24)} ${String(r.reviews).padStart(7)} reviews  ${r.color}  ${r.id}`).join('\n');
}

/** `kalm rules [--json]`. */
async function rules(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parseFlags(args, jsonOption);
  const view = await kalm.call('labels.list', {});
  if (v.json) return JSON.stringify(view.rules, null, 2);
  if (view.rules.length === 0) return 'No auto-label rules. Add them in Settings → Labels.';
  const name = (id: string) => view.labels.find((l) => l.id === id)?.name ?? id;
  return view.rules.map((r, i) => {
    const when = [
      r.words.length ? `text has ${r.words.map((w) => `"${w}"`).join(' or ')}` : null,
      r.minRating !== null || r.maxRating !== null ? `rating ${r.minRating ?? 1}–${r.maxRating ?? 5}★` : null,
      r.sources.length ? `source ${r.sources.join('/')}` : null,
      r.locationIds.length ? `location ${r.locationIds.join('/')}` : null,
    ].filter(Boolean).join(', ');
    return `${i + 1}. ${r.enabled ? '' : '(off) '}${when} → ${name(r.labelId)}`;
  }).join('\n');
}

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
export async function watchSync(kalm: KalmCore, args: string[]): Promise<string> {
  const v = parseFlags(args, watchOptions);
  const minutes = v.interval !== undefined ? Number(v.interval) : (await kalm.call('settings.get', {})).syncIntervalMinutes || 15;
  const out = (line: string) => void writeOut(`${line}\n`);
  const offAlert = kalm.on('alerts.newReview', (a) => process.stderr.write(`New ${a.rating}★ review${a.locationName ? ` at ${a.locationName}` : ''}: ${a.reviewId}\n`));
  const power = nodePowerState();
  const scheduler = createSyncScheduler({
    run: () => kalm.call('sync.run', {}),
    intervalMinutes: () => minutes,
    ready: () => true,
    // A headless sync on a laptop pauses on battery saver too (Linux: the power-saver profile).
    saving: () => power.read().saver,
    onState: (state) => {
      if (state === 'battery-saver') process.stderr.write('kalm: paused while the computer saves battery; checking again later.\n');
    },
    onSynced: (t) => {
      const r = t as { locations: number; reviews: number; new: number; updated: number; deleted: number };
      out(v.json ? JSON.stringify({ at: new Date().toISOString(), ...r }) : `${new Date().toISOString()}  Synced ${r.locations} locations: ${r.new} new, ${r.updated} updated, ${r.deleted} deleted.`);
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

export const habitCommands: Record<string, Command> = {
  label: { check: (a) => void parseLabel(a), readOnly: false, run: label },
  labels: { check: (a) => void parseFlags(a, jsonOption), readOnly: true, run: labels },
  rules: { check: (a) => void parseFlags(a, jsonOption), readOnly: true, run: rules },
};
