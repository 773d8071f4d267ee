import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * When a process started, as an opaque string that changes when its pid is reused (after it died,
 * or after a reboot). Linux: the boot id plus the start time in clock ticks from /proc/<pid>/stat;
 * macOS/BSD: `ps -o lstart=`. Null when the process does not exist or the system cannot tell
 * (Windows): the lock then falls back to the pid and its heartbeat.
 */
export function processStartTime(pid: number): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (process.platform === 'linux') return linuxStartTime(pid);
  if (process.platform === 'win32') return null;
  return psStartTime(pid);
}

/** The start time field (22nd) of /proc/<pid>/stat; the command name before it may hold spaces and parentheses. */
export function parseProcStat(stat: string): string | null {
  const end = stat.lastIndexOf(')');
  if (end < 0) return null;
  const fields = stat.slice(end + 2).trim().split(/\s+/);
  // Fields after "(comm)" start at field 3 (state); starttime is field 22.
  const start = fields[22 - 3];
  return start !== undefined && /^\d+$/.test(start) ? start : null;
}

function linuxStartTime(pid: number): string | null {
  try {
    const start = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    if (start === null) return null;
    let boot = '';
    try {
      boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      /* containers without it: the tick count alone still tells reused pids apart within one boot */
    }
    return `linux:${boot}:${start}`;
  } catch {
    return null;
  }
}

function psStartTime(pid: number): string | null {
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2_000 }).trim();
    return out === '' ? null : `ps:${out}`;
  } catch {
    return null;
  }
}
