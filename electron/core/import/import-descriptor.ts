import { replyLimitFor } from '../../../shared/reply/limits';
import { capabilitiesOf } from '../../../shared/sources/capabilities';
import type { SourceDescriptor } from '../sources/descriptor';
import { createImportService, type ImportService } from './import-service';

declare module '../sources/descriptor' {
  interface SourceServices {
    'file-import': ImportService;
  }
}

/**
 * Files exported from sites without an API open to small businesses (Trustpilot, Tripadvisor, Facebook, Kiyoh…).
 * No sync and no publisher: replies are copy-and-open (the owner posts them; `replies.markPosted`).
 */
export const fileImportDescriptor: SourceDescriptor<'file-import'> = {
  kind: 'file-import',
  cliName: null,
  capabilities: capabilitiesOf('file-import'),
  replyLimit: (source) => replyLimitFor(source),
  async build(ctx) {
    const importer = createImportService(ctx);
    return {
      service: importer,
      handlers: {
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
      },
    };
  },
};
