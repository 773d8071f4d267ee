import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/contract';
import type { EventBus } from '../events';
import { createImportService, type ImportService } from '../import/import-service';
import type { OutboxHandlers } from '../outbox/wiring';
import type { OpenedStore } from '../store/open-store';
import type { Workspace } from '../workspace';
import { markPosted } from './manual-publish';
import type { PlayService } from '../play/play-service';
import type { GoogleService } from './google-service';
import { KalmError } from '../../../shared/domain/errors';

type SourcesCall = 'import.begin' | 'import.chunk' | 'import.preview' | 'import.commit' | 'import.discard' | 'replies.markPosted'
  | 'play.status' | 'play.connect' | 'play.sync' | 'play.connectKey' | 'play.forgetKey' | 'play.addApp';
export type SourcesHandlers = { [N in SourcesCall]: (input: z.output<Contract[N]['input']>) => Promise<CallOutput<N>> };

export interface SourcesWiringDeps {
  dataDir: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  outbox: Pick<OutboxHandlers, 'outbox.list' | 'outbox.cancel' | 'drafts.discard'>;
  google: GoogleService;
  play: PlayService;
}

/** The import and copy-and-open calls of one core (issue 9). `importer` is exposed for the CLI. */
export function wireSources(deps: SourcesWiringDeps, importer: ImportService = createImportService(deps)): SourcesHandlers {
  const { outbox, play } = deps;
  const playSignIn = { busy: false, error: null as string | null };
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
    'play.status': async () => ({ apps: await play.apps(), signingIn: playSignIn.busy, lastError: playSignIn.error, serviceAccount: await play.serviceAccount().catch(() => null) }),
    'play.connect': async ({ packageName }) => {
      if (playSignIn.busy) throw new KalmError('forbidden', 'A Google sign-in is already waiting in your browser. Finish it there first.');
      const { authUrl, done } = await deps.google.beginConnect({ play: true });
      playSignIn.busy = true;
      playSignIn.error = null;
      deps.bus.emit('sources.changed', {});
      void done
        .then(() => play.addApp(packageName))
        .catch((err: unknown) => {
          playSignIn.error = err instanceof Error ? err.message : String(err);
        })
        .finally(() => {
          playSignIn.busy = false;
          deps.bus.emit('sources.changed', {});
        });
      return { authUrl };
    },
    'play.sync': (input) => play.sync(input),
    // Google Play service account (issue 9).
    'play.connectKey': async ({ packageName, key }) => {
      deps.store.assertWritable();
      const serviceAccount = await play.connectWithKey(packageName, key);
      playSignIn.error = null;
      deps.bus.emit('sources.changed', {});
      return { serviceAccount };
    },
    'play.addApp': async ({ packageName }) => {
      deps.store.assertWritable();
      if (!(await play.serviceAccount())) throw new KalmError('forbidden', 'Google Play has no service-account key yet: add the key, or follow the app with the Google sign-in.');
      await play.addApp(packageName);
      deps.bus.emit('sources.changed', {});
      return {};
    },
    'play.forgetKey': async () => {
      deps.store.assertWritable();
      await play.forgetKey();
      deps.bus.emit('sources.changed', {});
      return {};
    },
  };
}
