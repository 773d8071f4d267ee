import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api-context';
import { useCall } from '../../hooks/useCall';
import { useNow } from '../../hooks/useNow';

/** How often an open composer renews "<member> is answering this review" (the core lets it lapse after 90 s). */
export const PRESENCE_RENEW_MS = 30_000;

/** While the composer of `reviewId` is open, tells the team this member is answering it; clears it on close. */
export function useAnnouncePresence(reviewId: string): void {
  const api = useApi();
  useEffect(() => {
    const say = (id: string | null) => void api.call('team.presence', { reviewId: id }).catch(() => undefined);
    say(reviewId);
    const timer = setInterval(() => say(reviewId), PRESENCE_RENEW_MS);
    return () => {
      clearInterval(timer);
      say(null);
    };
  }, [api, reviewId]);
}

/** The other members answering a review now, by review id (presence that has not expired; empty for a local workspace). */
export function useTeamPresence(): ReadonlyMap<string, readonly string[]> {
  const status = useCall('team.status', {}, 'team.status');
  const peers = status.data?.enabled ? status.data.peers : null;
  // Ticks every 10 s so presence lapses on screen, and at once on a new status (judged against the clock then).
  const now = useNow(10_000, peers);
  return useMemo(() => {
    const byReview = new Map<string, string[]>();
    for (const p of peers ?? []) {
      if (p.reviewId === null || Date.parse(p.until) <= now) continue;
      byReview.set(p.reviewId, [...(byReview.get(p.reviewId) ?? []), p.member].sort());
    }
    return byReview;
  }, [peers, now]);
}

/** "<member> is answering this review" (on an inbox row and in the review view). */
export function PresenceNote({ members, compact = false }: { members: readonly string[] | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  if (!members || members.length === 0) return null;
  return (
    <span className={`badge team-presence${compact ? ' team-presence--row' : ''}`} data-testid="team-presence">
      {t('team.presence', { member: members.join(', ') })}
    </span>
  );
}
