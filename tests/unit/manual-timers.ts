import type { Timers } from '../../electron/core/background/scheduler';

/** Timers driven by the test: `fire()` runs the one pending timer (and fails the test when none is pending). */
export function manualTimers() {
  let pending: { fn: () => void; ms: number } | null = null;
  const timers: Timers = {
    setTimeout: (fn, ms) => (pending = { fn, ms }),
    clearTimeout: () => (pending = null),
  };
  return {
    timers,
    get waitMs() {
      return pending?.ms ?? null;
    },
    fire() {
      const p = pending;
      pending = null;
      if (!p) throw new Error('no timer pending');
      p.fn();
    },
  };
}
