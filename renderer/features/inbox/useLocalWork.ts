import { useMemo } from 'react';
import { useCall } from '../../hooks/useCall';
import { NO_WORK, type LocalWork } from './badges';

const ACTIVE = new Set(['queued', 'sending', 'failed', 'conflict'] as const);
type Active = 'queued' | 'sending' | 'failed' | 'conflict';
const isActive = (s: string): s is Active => (ACTIVE as Set<string>).has(s);

/** Which reviews have a draft or an outbox item (for the row badges), following their events. */
export function useLocalWork(): LocalWork {
  const drafts = useCall('drafts.list', {}, 'drafts.changed');
  const outbox = useCall('outbox.list', {}, 'outbox.changed');
  return useMemo(() => {
    if (drafts.status !== 'ready' && outbox.status !== 'ready') return NO_WORK;
    const items = new Map<string, Active>();
    for (const i of outbox.data?.items ?? []) if (isActive(i.state)) items.set(i.reviewId, i.state);
    return { drafts: new Set((drafts.data?.drafts ?? []).map((d) => d.reviewId)), outbox: items };
  }, [drafts.status, drafts.data, outbox.status, outbox.data]);
}
