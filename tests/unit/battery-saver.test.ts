import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronPowerState, sysfsPowerState, type PowerReading, type PowerState } from '../../electron/core/background/power-state';
import { createSyncScheduler } from '../../electron/core/background/scheduler';
import { createKalm } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';
import { manualTimers } from './manual-timers';

async function put(root: string, path: string, text: string): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), `${text}\n`);
}


const fakePower = (reading: PowerReading): PowerState & { reading: PowerReading } => {
  const state = { detects: 'saver' as const, reading, read: () => state.reading };
  return state;
};

describe('power state from sysfs (Linux)', () => {
  it('sees the low-power platform profile, the power-saver CPU preference, and a discharging battery', async () => {
    const root = await tempDataDir();
    await put(root, 'class/power_supply/BAT0/type', 'Battery');
    await put(root, 'class/power_supply/BAT0/status', 'Discharging');
    await put(root, 'class/power_supply/AC/type', 'Mains');
    await put(root, 'class/power_supply/AC/online', '0');
    const battery = sysfsPowerState(root);
    expect(battery.detects).toBe('battery'); // no profile files: only the battery is visible
    expect(battery.read()).toEqual({ saver: false, onBattery: true });

    await put(root, 'firmware/acpi/platform_profile', 'balanced');
    const linux = sysfsPowerState(root);
    expect(linux.detects).toBe('saver');
    expect(linux.read().saver).toBe(false);
    await put(root, 'firmware/acpi/platform_profile', 'low-power');
    expect(linux.read()).toEqual({ saver: true, onBattery: true });
    await put(root, 'firmware/acpi/platform_profile', 'performance');
    await put(root, 'devices/system/cpu/cpu0/cpufreq/energy_performance_preference', 'power');
    expect(linux.read().saver).toBe(true);
    await put(root, 'class/power_supply/AC/online', '1');
    expect(linux.read().onBattery).toBe(false);
  });

  it('says it sees nothing where there is no sysfs, and never throws', () => {
    const none = sysfsPowerState('/nonexistent-kalm-sysfs');
    expect(none.detects).toBe('none');
    expect(none.read()).toEqual({ saver: false, onBattery: null });
  });

  it('uses Electron for battery power, and the power-saving mode only on Linux', () => {
    let onBattery = true;
    const pm = { isOnBatteryPower: () => onBattery };
    const mac = electronPowerState(pm, 'darwin', fakePower({ saver: true, onBattery: null }));
    expect(mac.detects).toBe('battery');
    expect(mac.read()).toEqual({ saver: false, onBattery: true });
    const linux = electronPowerState(pm, 'linux', fakePower({ saver: true, onBattery: null }));
    expect(linux.detects).toBe('saver');
    onBattery = false;
    expect(linux.read()).toEqual({ saver: true, onBattery: false });
    const broken = electronPowerState({ isOnBatteryPower: () => { throw new Error('not here'); } }, 'win32');
    expect(broken.read()).toEqual({ saver: false, onBattery: null });
  });
});

describe('background sync on battery saver', () => {
  it('does not sync while the machine saves power, backs off, and syncs once it stops', async () => {
    const clock = manualTimers();
    let saving = true, runs = 0;
    const states: string[] = [];
    const s = createSyncScheduler({ run: async () => void runs++, intervalMinutes: () => 10, ready: () => true, saving: () => saving, timers: clock.timers, retryMs: 60_000, onState: (st) => states.push(st) });
    s.start({ now: true });
    await s.runNow();
    expect([s.state, runs, clock.waitMs]).toEqual(['battery-saver', 0, 60_000]);
    clock.fire();
    await s.runNow();
    expect([s.state, runs, clock.waitMs]).toEqual(['battery-saver', 0, 120_000]);
    saving = false;
    clock.fire();
    await s.runNow();
    expect([s.state, runs, clock.waitMs]).toEqual(['waiting', 1, 600_000]);
    expect(states).toEqual(['idle', 'battery-saver', 'syncing', 'waiting']);
    await s.stop();
  });

  it('reports "paused: battery saver" in sync.backgroundStatus and tells clients when the state changes', async () => {
    const clock = manualTimers();
    const power = fakePower({ saver: false, onBattery: true });
    const kalm = await createKalm({ dataDir: await tempDataDir(), host: 'test', background: { timers: clock.timers, power } });
    let changes = 0;
    kalm.on('sync.backgroundChanged', () => changes++);
    expect(await kalm.call('sync.backgroundStatus', {})).toMatchObject({ state: 'off', pausedBy: null });
    kalm.background.start();
    expect(await kalm.call('sync.backgroundStatus', {})).toEqual({ state: 'waiting', pausedBy: null, intervalMinutes: 15, power: { detects: 'saver', saver: false, onBattery: true } });
    power.reading = { saver: true, onBattery: true };
    expect(await kalm.call('sync.backgroundStatus', {})).toMatchObject({ state: 'paused', pausedBy: 'battery-saver' });
    clock.fire();
    await kalm.background.runNow();
    expect(kalm.background.state).toBe('battery-saver');
    expect(changes).toBeGreaterThan(0);
    await kalm.call('settings.update', { syncIntervalMinutes: 0 });
    expect(await kalm.call('sync.backgroundStatus', {})).toMatchObject({ state: 'off', intervalMinutes: 0 });
    await kalm.close();
  });
});
