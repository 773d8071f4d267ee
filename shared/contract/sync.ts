import { z } from 'zod';
import { call, NoInput, Signal } from './fields';

/** Background sync as the Settings page shows it. */
export const BackgroundStatus = z.object({
  /** `off`: interval 0 or a host that does not run it (CLI); `paused`: offline or battery saver (see `pausedBy`). */
  state: z.enum(['off', 'waiting', 'syncing', 'retrying', 'paused']),
  pausedBy: z.enum(['offline', 'battery-saver']).nullable(),
  intervalMinutes: z.number().int(),
  /** What this platform lets Kalm see: a power-saving mode (`saver`), only battery power (`battery`), or nothing. */
  power: z.object({ detects: z.enum(['saver', 'battery', 'none']), saver: z.boolean(), onBattery: z.boolean().nullable() }),
});
export type BackgroundStatus = z.infer<typeof BackgroundStatus>;

/** Background sync: every connected source, every N minutes (each source's own sync is `google.sync`, `play.sync`). */
export const syncCalls = {
  /** Background sync: running, waiting, or paused (offline, battery saver), and what the platform can detect. */
  'sync.backgroundStatus': call(NoInput, BackgroundStatus),
} as const;

export const syncEvents = {
  /** Background sync changed state (paused, waiting, syncing…); clients re-read `sync.backgroundStatus`. */
  'sync.backgroundChanged': Signal,
} as const;
