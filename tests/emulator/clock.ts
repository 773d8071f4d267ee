/** Time for the emulator: RFC 3339 `Z` strings that never go backwards and sort correctly whatever their precision. */

/** Sort key for an RFC 3339 UTC time with 0–9 fractional digits (`…Z`): the fraction padded to 9 digits. */
export function timeKey(time: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(time);
  if (!m) throw new Error(`Not an RFC 3339 UTC time: ${time}`);
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}`;
}

/**
 * A monotonic clock: each `now()` is later than every earlier `now()` and than every time it was shown with
 * `observe()`, so an edit made right after seeding always gets a later `updateTime` than the seed's own times
 * (even when the machine's clock is behind the fixtures).
 */
export class EmulatorClock {
  private last = 0;

  observe(time: string): void {
    const ms = Date.parse(time);
    if (Number.isFinite(ms) && ms >= this.last) this.last = ms + 1;
  }

  now(): string {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last).toISOString();
  }
}
