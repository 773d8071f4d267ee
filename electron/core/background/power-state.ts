import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the machine says about power right now. */
export interface PowerReading {
  /** The OS saves power (battery saver / power-saver profile): background sync pauses. */
  saver: boolean;
  /** Running on battery; null when this platform cannot tell. */
  onBattery: boolean | null;
}

/**
 * What a platform can see: `saver` — a power-saving mode (Linux: the kernel's
 * platform profile or the CPU's energy preference, as power-profiles-daemon
 * sets them); `battery` — only whether it runs on battery (Electron on macOS
 * and Windows: their battery saver / Low Power Mode are not exposed); `none`.
 */
export type PowerDetects = 'saver' | 'battery' | 'none';

/** The seam background sync asks before each run (tests pass a fake). */
export interface PowerState {
  readonly detects: PowerDetects;
  read(): PowerReading;
}

export const NO_POWER_STATE: PowerState = { detects: 'none', read: () => ({ saver: false, onBattery: null }) };

type ReadText = (path: string) => string | null;
type ListDir = (path: string) => string[];

const readText: ReadText = (path) => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};
const listDir: ListDir = (path) => {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
};

/**
 * Linux, from sysfs (`root` is /sys; tests and the e2e point it at a fake
 * tree): power saving when /sys/firmware/acpi/platform_profile is `low-power`
 * or cpu0's energy_performance_preference is `power` (what power-profiles-daemon's
 * "power-saver" writes on hardware without a platform profile); on battery
 * when a battery discharges and no mains/USB supply is online.
 */
export function sysfsPowerState(root = '/sys', io: { read?: ReadText; list?: ListDir } = {}): PowerState {
  const read = io.read ?? readText, list = io.list ?? listDir;
  const profilePath = join(root, 'firmware/acpi/platform_profile');
  const eppPath = join(root, 'devices/system/cpu/cpu0/cpufreq/energy_performance_preference');
  const supplies = join(root, 'class/power_supply');
  const canSeeSaver = read(profilePath) !== null || read(eppPath) !== null;
  return {
    detects: canSeeSaver ? 'saver' : list(supplies).length > 0 ? 'battery' : 'none',
    read() {
      const saver = read(profilePath) === 'low-power' || read(eppPath) === 'power';
      let battery = false, discharging = false, external = false;
      for (const name of list(supplies)) {
        const type = read(join(supplies, name, 'type'));
        if (type === 'Battery') {
          battery = true;
          if (read(join(supplies, name, 'status')) === 'Discharging') discharging = true;
        } else if (read(join(supplies, name, 'online')) === '1') external = true;
      }
      return { saver, onBattery: battery ? discharging && !external : list(supplies).length > 0 ? false : null };
    },
  };
}

/**
 * Electron: `powerMonitor.isOnBatteryPower()` everywhere it works; the power-saving
 * mode only on Linux (sysfs). macOS Low Power Mode and Windows battery saver
 * have no Electron API, so there sync keeps running on battery.
 */
export function electronPowerState(powerMonitor: { isOnBatteryPower(): boolean }, platform: string, linux: PowerState = sysfsPowerState()): PowerState {
  const saverToo = platform === 'linux' && linux.detects === 'saver';
  return {
    detects: saverToo ? 'saver' : 'battery',
    read: () => ({ saver: saverToo && linux.read().saver, onBattery: onBattery(powerMonitor) }),
  };
}

const onBattery = (powerMonitor: { isOnBatteryPower(): boolean }): boolean | null => {
  try {
    return powerMonitor.isOnBatteryPower();
  } catch {
    return null;
  }
};

/** The web host and CLI (plain Node): sysfs on Linux, nothing elsewhere. */
export const nodePowerState = (platform: string = process.platform, root = process.env.KALM_SYSFS_ROOT || '/sys'): PowerState =>
  platform === 'linux' ? sysfsPowerState(root) : NO_POWER_STATE;
