import { useCallback, useState } from 'react';
import { rememberPhrase } from '../../../shared/reply/phrases';

export const RECENT_PHRASES_KEY = 'kalm.composer.recentPhrases';

const read = (): string[] => {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(RECENT_PHRASES_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string').slice(0, 100) : [];
  } catch {
    return []; // storage disabled or a hand-edited value: start fresh, rotation still works in this session
  }
};

/** Phrase ids used lately (most recent first), kept across sessions so consecutive replies differ. */
export function useRecentPhrases(): { recent: string[]; remember: (id: string) => void } {
  const [recent, setRecent] = useState<string[]>(read);
  const remember = useCallback((id: string) => {
    setRecent((list) => {
      const next = rememberPhrase(list, id);
      try {
        localStorage.setItem(RECENT_PHRASES_KEY, JSON.stringify(next));
      } catch {
        // not persisted; the in-memory list still rotates
      }
      return next;
    });
  }, []);
  return { recent, remember };
}
