import { KalmError } from '../../../../shared/domain/errors';
import { replyLimitFor } from '../../../../shared/reply/limits';
import { capabilitiesOf } from '../../../../shared/sources/capabilities';
import type { SourceDescriptor } from '../descriptor';
import { createImportService, type ImportService } from './service';

declare module '../descriptor' {
  interface SourceServices {
    'file-import': ImportService;
  }
}

/**
 * Files exported from sites without an API open to small businesses (Trustpilot, Tripadvisor, Facebook, Kiyoh…).
 * No sync and no publisher: replies are copy-and-open (the owner posts them; `outbox.markPosted`).
 */
export const fileImportDescriptor: SourceDescriptor<'file-import'> = {
  kind: 'file-import',
  cliName: null,
  capabilities: capabilitiesOf('file-import'),
  replyLimit: (source) => replyLimitFor(source),
  files: [],
  async build(ctx) {
    const importer = createImportService({ ...ctx, keepInMemory: ctx.opts.host !== 'cli' });
    const postItYourself = (name: string) =>
      Promise.reject(new KalmError('forbidden', `${name} has no reply API open to small businesses: copy the reply, post it on the site, then click "I posted it".`));
    const nameOf = (sourceId: string) => ctx.workspace.sources.find((s) => s.id === sourceId)?.name ?? sourceId;
    return {
      service: importer,
      reviewSource: {
        kind: 'file-import',
        capabilities: capabilitiesOf('file-import'),
        replyLimit: (sourceId) => replyLimitFor({ id: sourceId, kind: 'file-import', name: nameOf(sourceId) }),
        listLocations: async () => ctx.workspace.locations.filter((l) => ctx.workspace.sources.some((s) => s.id === l.source && s.kind === 'file-import')),
        fetchReviews: () => Promise.reject(new KalmError('forbidden', 'Imported reviews come from files: import a newer export (Sources → Import, or kalm import <file>).')),
        publishReply: (review) => postItYourself(nameOf(review.source)),
        deleteReply: (review) => postItYourself(nameOf(review.source)),
      },
      handlers: {
        'import.begin': async ({ name, size }) => ({ uploadId: await importer.beginUpload(name, size) }),
        'import.chunk': async ({ uploadId, offset, data }) => ({ received: await importer.appendUpload(uploadId, offset, data) }),
        'import.preview': async ({ uploadId, options }) => importer.preview(await importer.uploadPath(uploadId), options),
        'import.commit': async ({ uploadId, options }) => {
          // Progress for the Import panel, at most four times a second (and the end of each pass).
          let last = 0;
          const report = await importer.run(await importer.uploadPath(uploadId), options, (p) => {
            const at = Date.now();
            if (at - last < 250 && p.bytes < p.totalBytes) return;
            last = at;
            ctx.bus.emit('import.progress', { uploadId, pass: p.pass, rows: p.rows, bytes: p.bytes, totalBytes: p.totalBytes });
          });
          await importer.discardUpload(uploadId);
          return report;
        },
        'import.discard': async ({ uploadId }) => {
          await importer.discardUpload(uploadId);
          return {};
        },
      },
    };
  },
};
