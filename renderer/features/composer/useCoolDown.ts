import { useEffect, useState } from 'react';

/**
 * Seconds left of the pause before the editor unlocks (0 when there is none). Counts from when the
 * composer opened; `active` false (no pause for this review, or turned off) means 0 right away.
 */
export function useCoolDown(active: boolean, seconds: number): number {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const left = active ? Math.max(0, Math.ceil(seconds - (now - startedAt) / 1000)) : 0;
  useEffect(() => {
    if (left <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [left]);
  return left;
}
