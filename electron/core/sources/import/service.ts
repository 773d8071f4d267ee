import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KalmError } from '../../../../shared/domain/errors';
import type { Location } from '../../../../shared/domain/location';
import type { Review } from '../../../../shared/domain/review';
import type { Source } from '../../../../shared/domain/source';
import type { ImportOptions, ImportReport } from '../../../../shared/import/options';
import type { EventBus } from '../../events';
import type { OpenedStore } from '../../store/open-store';
import { saveSourcesFile, shardPath } from '../../store/workspace-files';
import type { Workspace } from '../../workspace';
import { MAX_IMPORT_BYTES } from './decode';
import { keepDemoBeside } from './demo-on-import';
import { mergeSpill } from './merge-spill';
import { readImport, type ImportProgress } from './read-import';
import { ShardSpill } from './spill';

/** Uploaded files wait here (renderer uploads in chunks) until imported or discarded. */
export const UPLOADS_DIR = 'import-uploads';
const MAX_CHUNK_BYTES = 768 * 1024;
const UPLOAD_ID = /^[0-9a-f-]{36}$/;

export interface ImportDeps {
  dataDir: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  /**
   * Hosts that keep running (Electron, web host, tests) load the imported reviews into the workspace; the CLI,
   * which ends after the import, writes them to disk only, so its memory does not grow with the file.
   */
  keepInMemory: boolean;
  /** The auto-label rules, applied to every imported review (new or updated) before it is saved. */
  label?: (reviews: readonly Review[]) => Review[];
}

export interface ImportService {
  /** Checks a file and shows what an import would do; changes nothing. */
  preview(path: string, options: ImportOptions, onProgress?: (p: ImportProgress) => void): Promise<ImportReport>;
  /**
   * Imports the valid rows of a file: a first pass checks the whole file (a whole-file problem or no valid
   * row throws and changes nothing), a second streams the reviews into the store in batches.
   */
  run(path: string, options: ImportOptions, onProgress?: (p: ImportProgress & { pass: 'check' | 'import' }) => void): Promise<ImportReport>;
  beginUpload(name: string, size: number): Promise<string>;
  appendUpload(id: string, offset: number, base64: string): Promise<number>;
  uploadPath(id: string): Promise<string>;
  discardUpload(id: string): Promise<void>;
}

export function createImportService(deps: ImportDeps): ImportService {
  const { workspace, store, bus } = deps;
  const uploads = join(deps.dataDir, UPLOADS_DIR);
  const sizes = new Map<string, { expected: number; name: string; ext: string }>();

  async function run(path: string, options: ImportOptions, onProgress?: (p: ImportProgress & { pass: 'check' | 'import' }) => void): Promise<ImportReport> {
    store.assertWritable();
    // Pass 1 only reads: every whole-file problem shows up before anything changes.
    const { report, locations } = await readImport(path, options, onProgress ? { onProgress: (p) => onProgress({ ...p, pass: 'check' }) } : {});
    if (report.valid === 0) {
      const first = report.errors.slice(0, 3).map((e) => e.message).join(' ');
      throw new KalmError('invalid_input', `No row of this file could be imported, so nothing was changed. ${first}`, report.errors.slice(0, 20).map((e) => ({ path: `row ${e.row}`, message: e.message })));
    }
    keepDemoBeside(workspace.sources, report.sourceId);
    const clash = workspace.sources.find((s) => s.id === report.sourceId && s.kind !== 'file-import');
    if (clash) throw new KalmError('invalid_input', `"${report.sourceName}" is already the name of your ${clash.name} source; import under another name (--source).`);
    const source: Source = { id: report.sourceId, kind: 'file-import', name: report.sourceName, state: 'connected', lastSyncAt: deps.now().toISOString() };
    const newLocations: Location[] = [...locations].map(([id, name]) => ({ id, source: source.id, name, storeCode: null, address: null, mapsUrl: null, newReviewUrl: null }));
    // Pass 2 parks the valid reviews on disk, one file per shard; then each shard is merged on its own,
    // so the import holds one shard at a time, never the whole file.
    const spill = await ShardSpill.create(deps.dataDir);
    let counts: { added: number; updated: number };
    try {
      const second = await readImport(path, options, { sink: (batch) => batch.forEach((r) => spill.add(r)), ...(onProgress ? { onProgress: (p: ImportProgress) => onProgress({ ...p, pass: 'import' }) } : {}) });
      if (second.report.valid !== report.valid) {
        throw new KalmError('invalid_input', `The file changed while it was imported (${report.valid} valid rows, then ${second.report.valid}); import it again.`);
      }
      spill.flush();
      store.assertWritable(spill.list().map((s) => shardPath(s.source, s.locationId)));
      await store.flush();
      const keep = workspace.locations.filter((l) => !(l.source === source.id && locations.has(l.id)));
      workspace.sources = [...workspace.sources.filter((s) => s.id !== source.id), source];
      workspace.locations = [...keep, ...newLocations];
      counts = await mergeSpill(spill, { dataDir: deps.dataDir, workspace, store, keepInMemory: deps.keepInMemory, ...(deps.label ? { label: deps.label } : {}) });
    } finally {
      await spill.dispose();
    }
    const { added, updated } = counts;
    await saveSourcesFile(deps.dataDir, workspace.sources, workspace.locations);
    bus.emit('workspace.sourcesChanged', {});
    bus.emit('reviews.changed', { reason: 'update', count: added + updated });
    return { ...report, added, updated };
  }

  const pathOf = (id: string) => {
    if (!UPLOAD_ID.test(id)) throw new KalmError('invalid_input', 'Unknown upload.');
    // The extension of the chosen file is kept, so the format is recognised as for a file on disk.
    return join(uploads, id + (sizes.get(id)?.ext ?? ''));
  };

  return {
    preview: async (path, options, onProgress) => (await readImport(path, options, onProgress ? { onProgress } : {})).report,
    run,
    async beginUpload(name, size) {
      store.assertWritable();
      if (size > MAX_IMPORT_BYTES) throw new KalmError('invalid_input', `"${name}" is ${Math.round(size / 1048576)} MB; Kalm imports files up to ${MAX_IMPORT_BYTES / 1048576} MB.`);
      await mkdir(uploads, { recursive: true });
      // Uploads left by an earlier session (the app closed mid-import) are removed first.
      for (const old of await readdir(uploads)) if (!sizes.has(old.replace(/\..*$/, ''))) await rm(join(uploads, old), { force: true });
      const id = randomUUID();
      const ext = /\.(csv|tsv|txt|json|jsonl|ndjson|xlsx)$/i.exec(name)?.[0].toLowerCase() ?? '';
      sizes.set(id, { expected: size, name, ext });
      await writeFile(pathOf(id), new Uint8Array(0));
      return id;
    },
    async appendUpload(id, offset, base64) {
      const path = pathOf(id);
      const info = sizes.get(id);
      if (!info) throw new KalmError('not_found', 'This upload is gone; choose the file again.');
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length > MAX_CHUNK_BYTES) throw new KalmError('invalid_input', 'An upload chunk is too large.');
      const have = (await stat(path)).size;
      if (offset !== have) throw new KalmError('invalid_input', `Upload out of order (expected offset ${have}, got ${offset}); choose the file again.`);
      if (have + bytes.length > info.expected) throw new KalmError('invalid_input', 'The upload is larger than the file said it would be.');
      await appendFile(path, bytes);
      return have + bytes.length;
    },
    async uploadPath(id) {
      const path = pathOf(id);
      const info = sizes.get(id);
      if (!info) throw new KalmError('not_found', 'This upload is gone; choose the file again.');
      const have = (await stat(path)).size;
      if (have !== info.expected) throw new KalmError('invalid_input', `The upload is not complete (${have} of ${info.expected} bytes).`);
      return path;
    },
    async discardUpload(id) {
      const path = pathOf(id);
      sizes.delete(id);
      await rm(path, { force: true });
    },
  };
}
