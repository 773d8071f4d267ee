import { z } from 'zod';
import { ImportOptions, ImportReport } from '../import/options';
import { call, Empty } from './fields';

const UploadId = z.string().min(1).max(64);

/** How far an `import.commit` is (at most four a second, and once at the end of each pass): rows and bytes of the file read. */
export const ImportProgressEvent = z.object({
  uploadId: UploadId,
  /** 'check' reads the whole file first; 'import' reads it again and stores the reviews. */
  pass: z.enum(['check', 'import']),
  rows: z.number().int().min(0),
  bytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
});
export type ImportProgressEvent = z.infer<typeof ImportProgressEvent>;

/** Importing a file of reviews: uploaded in chunks, previewed, then committed. */
export const importCalls = {
  /** Starts uploading a file to import (the renderer sends it in chunks, so a large export never sits in one message). */
  'import.begin': call(z.object({ name: z.string().min(1).max(300), size: z.number().int().min(0) }).strict(), z.object({ uploadId: z.string() })),
  /** One chunk of the file, base64, appended at `offset` (chunks arrive in order, at most 768 KB each). */
  'import.chunk': call(z.object({ uploadId: UploadId, offset: z.number().int().min(0), data: z.string().max(1_100_000) }).strict(), z.object({ received: z.number().int() })),
  /** Reads the whole uploaded file and reports columns, mapping, the first rows and per-row errors; changes nothing. */
  'import.preview': call(z.object({ uploadId: UploadId, options: ImportOptions }).strict(), ImportReport),
  /** Imports the valid rows (re-importing updates the same reviews); a whole-file problem changes nothing. */
  'import.commit': call(z.object({ uploadId: UploadId, options: ImportOptions }).strict(), ImportReport),
  'import.discard': call(z.object({ uploadId: UploadId }).strict(), Empty),
} as const;

export const importEvents = {
  /** A running import (Sources → Import): rows and bytes read, for the progress bar. */
  'import.progress': ImportProgressEvent,
} as const;
