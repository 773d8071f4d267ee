import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/contract';
import type { EventBus } from '../events';
import { createImportService, type ImportService } from '../import/import-service';
import type { OutboxHandlers } from '../outbox/wiring';
import type { OpenedStore } from '../store/open-store';
import type { Workspace } from '../workspace';
import { markPosted } from './manual-publish';

type SourcesCall = 'import.begin' | 'import.chunk' | 'import.preview' | 'import.commit' | 'import.discard' | 'replies.markPosted';
export type SourcesHandlers = { [N in SourcesCall]: (input: z.output<Contract[N]['input']>) => Promise<CallOutput<N>> };

export interface SourcesWiringDeps {
  dataDir: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  outbox: Pick<OutboxHandlers, 'outbox.list' | 'outbox.cancel' | 'drafts.discard'>;
}

/** The import and copy-and-open calls of one core (issue 9). `importer` is exposed for the CLI. */
export function wireSources(deps: SourcesWiringDeps, importer: ImportService = createImportService(deps)): SourcesHandlers {
  const { outbox } = deps;
  return {
    'import.begin': async ({ name, size }) => ({ uploadId: await importer.beginUpload(name, size) }),
    'import.chunk': async ({ uploadId, offset, data }) => ({ received: await importer.appendUpload(uploadId, offset, data) }),
    'import.preview': async ({ uploadId, options }) => importer.preview(await importer.uploadPath(uploadId), options),
    'import.commit': async ({ uploadId, options }) => {
      const report = await importer.run(await importer.uploadPath(uploadId), options);
      await importer.discardUpload(uploadId);
      return report;
    },
    'import.discard': async ({ uploadId }) => {
      await importer.discardUpload(uploadId);
      return {};
    },
    'replies.markPosted': ({ reviewId, text }) =>
      markPosted({
        ...deps,
        outbox: { list: () => outbox['outbox.list']({}), cancel: (id) => outbox['outbox.cancel']({ id }) },
        discardDraft: (id) => outbox['drafts.discard']({ reviewId: id }),
      }, reviewId, text),
  };
}
