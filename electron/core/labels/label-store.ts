import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { LABELS_FILE_VERSION, LabelsFile } from '../../../shared/labels/label-schema';
import { writeFileAtomic } from '../store/atomic-write';
import { quarantineFile } from '../store/quarantine';
import { storageError } from '../store/storage-error';

export const LABELS_FILE = 'labels.json';

const empty = (): LabelsFile => ({ schemaVersion: LABELS_FILE_VERSION, labels: [], rules: [] });

/**
 * The label definitions and auto-label rules, in `labels.json`. Writes are
 * atomic and in order; a file Kalm cannot read is moved to quarantine/ and
 * reported, never silently reset; one from a newer Kalm is left alone and
 * makes saving refuse.
 */
export class LabelStore {
  private writes: Promise<void> = Promise.resolve();
  private newer = false;

  private constructor(private readonly dataDir: string, private data: LabelsFile) {}

  static async open(dataDir: string, opts: { readOnly: boolean; now: () => Date; report: (p: StoreProblem) => void }): Promise<LabelStore> {
    let text: string;
    try {
      text = await readFile(join(dataDir, LABELS_FILE), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new LabelStore(dataDir, empty());
      throw storageError(join(dataDir, LABELS_FILE), err);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
    if (typeof version === 'number' && version > LABELS_FILE_VERSION) {
      const store = new LabelStore(dataDir, empty());
      store.newer = true;
      opts.report({ file: LABELS_FILE, kind: 'newer-version', reason: `labels.json was written by a newer Kalm (version ${version}); labels are shown without it and not saved.`, movedTo: null, at: opts.now().toISOString() });
      return store;
    }
    const parsed = LabelsFile.safeParse(raw);
    if (parsed.success) return new LabelStore(dataDir, parsed.data);
    const movedTo = opts.readOnly ? null : await quarantineFile(dataDir, LABELS_FILE, opts.now());
    opts.report({ file: LABELS_FILE, kind: 'quarantined', reason: 'labels.json could not be read; Kalm starts with no labels and keeps the file aside.', movedTo, at: opts.now().toISOString() });
    return new LabelStore(dataDir, empty());
  }

  get current(): LabelsFile {
    return this.data;
  }

  get readOnly(): boolean {
    return this.newer;
  }

  /** Keeps `next` and resolves once it is durably on disk. */
  save(next: LabelsFile): Promise<void> {
    const checked = LabelsFile.parse(next);
    this.data = checked;
    const text = `${JSON.stringify(checked, null, 2)}\n`;
    const path = join(this.dataDir, LABELS_FILE);
    const write = this.writes.then(() => writeFileAtomic(path, text));
    this.writes = write.catch(() => undefined);
    return write.catch((err: unknown) => {
      throw storageError(path, err);
    });
  }
}
