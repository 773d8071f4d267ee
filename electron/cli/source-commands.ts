import { cliSourceNames, descriptorByCliName } from '../core/sources/registry';
import { parseFlags, sourceSyncFlags, UsageError } from './args';
import type { Command, SourceHook } from './command';
import { googleHooks } from './google-commands';
import { playHooks } from './play-commands';
import { syncAll } from './sync-all';

const withoutSource = (args: string[]) => args.filter((a, i) => a !== '--source' && args[i - 1] !== '--source' && !a.startsWith('--source='));

/**
 * The command-line hooks of the sources in the registry (electron/core/sources/registry.ts), by their `cliName`.
 * `kalm connect NAME` and `kalm sync --source NAME` route here; the first source is the default.
 * A new source with a CLI adds its descriptor's `cliName` and one entry here.
 */
const SOURCE_CLI: Readonly<Record<string, { connect?: SourceHook; sync?: SourceHook }>> = {
  google: googleHooks,
  play: playHooks,
};

const DEFAULT_SOURCE = cliSourceNames()[0] ?? 'google';
const namesWith = (hook: 'connect' | 'sync') => cliSourceNames().filter((n) => SOURCE_CLI[n]?.[hook] !== undefined);

/** The source's hook for `kalm connect NAME` / `kalm sync --source NAME`; a clear usage error for any other name. */
function hookFor(hook: 'connect' | 'sync', name: string): SourceHook {
  const found = descriptorByCliName(name) ? SOURCE_CLI[name]?.[hook] : undefined;
  if (found) return found;
  const names = namesWith(hook);
  const what = hook === 'connect' ? 'connect takes' : 'sync --source takes';
  throw new UsageError(`${what} ${names.join(' or ')} (got "${name}")${hook === 'sync' ? '; imported sources are updated with kalm import' : ''}`);
}

/** `connect [NAME]`: NAME is a source's command-line name (default: the first, Google). */
const connectTarget = (args: string[]) => (args[0] !== undefined && !args[0].startsWith('-') ? args[0] : DEFAULT_SOURCE);
/** `sync [--source NAME]`; `--watch` is the periodic sync of the default source (sync-watch.ts). */
const syncTarget = (args: string[]) => (args.includes('--watch') ? DEFAULT_SOURCE : (parseFlags(args, sourceSyncFlags).source ?? DEFAULT_SOURCE));
/** The default source's commands take no --source. */
const syncArgs = (name: string, args: string[]) => (name === DEFAULT_SOURCE ? withoutSource(args) : args);

export const sourceCommands: Record<string, Command> = {
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
      if (!a.includes('--watch') && parseFlags(a, sourceSyncFlags).source === undefined) return syncAll(kalm, a);
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
                            last sync is more than 7 days ago)`;
