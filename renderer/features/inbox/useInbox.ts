import { useEffect, useMemo } from 'react';
import { useApi } from '../../api-context';
import type { InboxFilters } from '../../lib/route';
import { useStore } from '../../lib/store';
import { createInboxStore, type InboxState, type InboxStore } from './inbox-store';

/**
 * The inbox's store for this api, showing `filters`, started while the component is mounted. `me` is who
 * "assigned to me" is (null: nobody chosen; undefined: Settings still loading, so such a list waits for it).
 */
export function useInbox(filters: InboxFilters, me: string | null | undefined): { state: InboxState; store: InboxStore } {
  const api = useApi();
  const store = useMemo(() => createInboxStore(api), [api]);
  useEffect(() => store.start(), [store]);
  useEffect(() => {
    if (!(filters.mine && me === undefined)) store.setFilters(filters, me ?? null);
  }, [store, filters, me]);
  return { state: useStore(store), store };
}
