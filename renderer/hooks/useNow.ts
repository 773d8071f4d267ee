import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `everyMs` so relative ages ("3 minutes ago") stay true, and at once
 * whenever `freshOn` changes (e.g. new data judged against the clock).
 */
export function useNow(everyMs = 60_000, freshOn?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [everyMs, freshOn]);
  return now;
}
