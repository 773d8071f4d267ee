import type { EventBus } from '../events';
import type { CallHandlers } from '../handler-map';
import type { OutboxHandlers } from '../outbox/wiring';
import type { OpenedStore } from '../store/open-store';
import type { Workspace } from '../workspace';
import { markPosted } from './manual-publish';

export type SourcesHandlers = CallHandlers<'outbox.markPosted'>;

export interface SourcesWiringDeps {
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  outbox: Pick<OutboxHandlers, 'outbox.list' | 'outbox.cancel' | 'drafts.discard'>;
}

/**
 * The calls shared by every copy-and-open source. Each source's own calls (Google's sign-in, Play's apps,
 * the file import) come from its descriptor through the source registry (registry.ts).
 */
export function wireSources(deps: SourcesWiringDeps): SourcesHandlers {
  const { outbox } = deps;
  return {
    'outbox.markPosted': ({ reviewId, text }) =>
      markPosted({
        ...deps,
        outbox: { list: () => outbox['outbox.list']({}), cancel: (id) => outbox['outbox.cancel']({ id }) },
        discardDraft: (id) => outbox['drafts.discard']({ reviewId: id }),
      }, reviewId, text),
  };
}
