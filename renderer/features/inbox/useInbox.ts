import { useEffect, useMemo } from 'react';
import { useApi } from '../../api-context';
import { useStore } from '../../lib/store';
import { createInboxStore, type InboxState, type InboxStore } from './inbox-store';

/** The inbox's store for this api, started while the component is mounted. */
export function useInbox(): { state: InboxState; store: InboxStore } {
  const api = useApi();
  const store = useMemo(() => createInboxStore(api), [api]);
  useEffect(() => store.start(), [store]);
  return { state: useStore(store), store };
}
