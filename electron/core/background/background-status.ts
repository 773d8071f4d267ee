import type { BackgroundStatus } from '../../../shared/contract/sync';
import type { PowerState } from './power-state';
import type { SyncScheduler } from './scheduler';

/**
 * Background sync as the Settings page shows it. A pause is judged from the
 * machine's state now (not only at the last check), so "paused: battery
 * saver" shows as soon as the saver is on, and goes as soon as it is off.
 */
export function backgroundStatus(bg: { scheduler: SyncScheduler; online: () => boolean; power: PowerState } | null, intervalMinutes: number): BackgroundStatus {
  const reading = bg?.power.read() ?? { saver: false, onBattery: null };
  const power = { detects: bg?.power.detects ?? 'none', ...reading };
  const state = bg?.scheduler.state ?? 'stopped';
  if (bg === null || state === 'stopped' || state === 'idle' || intervalMinutes === 0) return { state: 'off', pausedBy: null, intervalMinutes, power };
  if (state === 'syncing') return { state, pausedBy: null, intervalMinutes, power };
  if (!bg.online()) return { state: 'paused', pausedBy: 'offline', intervalMinutes, power };
  if (reading.saver) return { state: 'paused', pausedBy: 'battery-saver', intervalMinutes, power };
  return { state: state === 'retrying' ? 'retrying' : 'waiting', pausedBy: null, intervalMinutes, power };
}
