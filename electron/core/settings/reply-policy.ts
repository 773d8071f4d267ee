import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KalmError } from '../../../shared/domain/errors';
import { replyPolicy, samePolicy } from '../../../shared/reviews/reply-targets';
import type { EventBus } from '../events';
import type { SettingsStore } from '../store/settings';
import type { Preferences } from './preferences';

/**
 * When the owner changes reply targets or business hours, what is overdue
 * changes for every review: tell the clients to re-query (`reviews.changed`
 * with reason `policy`), so the inbox's counts and badges and the dashboard follow.
 */
export function watchReplyPolicy(preferences: Preferences, bus: EventBus): void {
  let current = replyPolicy(preferences.get());
  bus.on('settings.changed', () => {
    const next = replyPolicy(preferences.get());
    if (samePolicy(current, next)) return;
    current = next;
    bus.emit('reviews.changed', { reason: 'policy', count: 0 });
  });
}

/**
 * The settings file of a data folder opened read-only (the CLI's `kalm reviews`,
 * `kalm stats`): read once, never written, so overdue uses the owner's targets.
 * A missing or unreadable file reads as empty (the defaults); Preferences
 * validates what it finds.
 */
export function readOnlySettings(dataDir: string): SettingsStore {
  const path = join(dataDir, 'settings.json');
  let values: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) values = parsed as Record<string, unknown>;
  } catch {
    // No settings yet (or not readable): the defaults apply.
  }
  return {
    path,
    get: (key) => values[key],
    set: () => {
      throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot save settings.');
    },
  };
}
