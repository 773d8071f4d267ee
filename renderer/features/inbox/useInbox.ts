import { useEffect, useMemo } from 'react';
import { useApi } from '../../api-context';
import type { InboxFilters } from '../../lib/route';
import { useStore } from '../../lib/store';
import { createInboxStore, type InboxState, type InboxStore } from './inbox-store';

/** The inbox's store for this api, showing `filters` (`me`: who "assigned to me" is), started while the component is mounted. */
export function useInbox(filters: InboxFilters, me: string | null): { state: InboxState; store: InboxStore } {
  const api = useApi();
  const store = useMemo(() => createInboxStore(api), [api]);
  useEffect(() => store.start(), [store]);
  useEffect(() => store.setFilters(filters, me), [store, filters, me]);
  return { state: useStore(store), store };
}
