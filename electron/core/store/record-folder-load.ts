import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { safeFileName } from './file-names';
import { backupFile, quarantineFile, removeLeftoverTempFiles } from './quarantine';
import type { Migrated, RecordFolderOptions } from './record-folder-options';

/** What opening a record folder found: the records, the keys a newer Kalm owns, and the keys to rewrite. */
export interface LoadedRecords<T> {
  records: Map<string, T>;
  /** Keys whose file was written by a newer Kalm; never overwritten. */
  foreign: Set<string>;
  /** Keys upgraded or re-homed on load: their file has to be (re)written. */
  unsaved: Set<string>;
}

/** Reports one problem with a file (the folder keeps the list and tells its listener). */
export type ReportProblem = (file: string, kind: StoreProblem['kind'], reason: string, movedTo: string | null) => void;

interface Loaded<T> {
  name: string;
  record: T;
  /** Set when the file was upgraded from an older format: that version and the original text. */
  upgraded: { from: number; text: string } | null;
}

const describe = (err: unknown): string => {
  if (err instanceof z.ZodError) {
    const i = err.issues[0];
    return `does not match the expected format (${i ? `${i.path.join('.') || 'file'}: ${i.message}` : 'unknown'})`;
  }
  if (err instanceof SyntaxError) return `is not valid JSON (${err.message})`;
  return err instanceof Error ? err.message : String(err);
};

/**
 * Loads every record of a folder; removes temp files left by a crash; moves unreadable files to
 * quarantine/, keeps a backup of upgraded ones and moves misnamed ones to their proper name.
 */
export async function loadRecordFolder<T>(opts: RecordFolderOptions<T>, report: ReportProblem): Promise<LoadedRecords<T>> {
  const out: LoadedRecords<T> = { records: new Map(), foreign: new Set(), unsaved: new Set() };
  const dir = join(opts.dataDir, opts.dir);
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw err;
  }
  const now = (): Date => opts.now?.() ?? new Date();
  const keyOf = (record: T): string => String(record[opts.keyField]);
  const quarantine = (rel: string): Promise<string | null> => quarantineFile(opts.dataDir, rel, now()).catch(() => null);

  const migrate = (raw: unknown): Migrated => {
    if (opts.migrate) return opts.migrate(raw);
    const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
    return typeof version === 'number' && version > opts.version ? { outcome: 'newer', found: version } : { outcome: 'current', data: raw };
  };

  const loadOne = async (name: string): Promise<Loaded<T> | null> => {
    const rel = `${opts.dir}/${name}`;
    try {
      const text = await readFile(join(opts.dataDir, rel), 'utf8');
      const raw: unknown = JSON.parse(text);
      const m = migrate(raw);
      if (m.outcome === 'newer') {
        const key = (raw as Record<string, unknown>)[opts.keyField];
        if (typeof key === 'string') out.foreign.add(key);
        report(rel, 'newer-version', `${rel} was saved by a newer version of Kalm (format ${m.found}); it is left as it is.`, null);
        return null;
      }
      const record = opts.schema.parse(m.data);
      return { name, record, upgraded: m.outcome === 'upgraded' ? { from: m.from, text } : null };
    } catch (err) {
      const movedTo = await quarantine(rel);
      const reason = `The ${opts.what} in ${rel} ${describe(err)}; ${movedTo ? `it was moved to ${movedTo}` : 'it was left in place'}.`;
      report(rel, movedTo ? 'quarantined' : 'unreadable', reason, movedTo);
      return null;
    }
  };

  /** An upgraded record: keep a copy of the old file in backups/, then rewrite it in the current format. */
  const keepOriginal = async (name: string, key: string, upgraded: { from: number; text: string }): Promise<void> => {
    const rel = `${opts.dir}/${name}`;
    const kept = await backupFile(opts.dataDir, rel, upgraded.text, upgraded.from, now()).catch(() => null);
    if (!kept) {
      // Without a backup the old file stays as it is; the upgraded record lives in memory until it is saved.
      report(rel, 'write-failed', `${rel} was upgraded from format ${upgraded.from} but could not be backed up; the file was left as it is.`, null);
      return;
    }
    report(rel, 'migrated', `${rel} was upgraded from format ${upgraded.from}; the original is kept in ${kept}.`, kept);
    out.unsaved.add(key);
  };

  /** A valid record under an unexpected name (copied by hand, or an older naming): move it to its own name, never lose it. */
  const rehome = async (name: string, record: T): Promise<void> => {
    const key = keyOf(record);
    const rel = `${opts.dir}/${name}`;
    const proper = `${opts.dir}/${safeFileName(key)}`;
    if (out.records.has(key) || out.foreign.has(key)) {
      const movedTo = await quarantine(rel);
      report(rel, movedTo ? 'quarantined' : 'unreadable', `${rel} is a second copy of the ${opts.what} in ${proper}; ${movedTo ? `it was moved to ${movedTo}` : 'it was left in place'}.`, movedTo);
      return;
    }
    out.records.set(key, record);
    const target = join(opts.dataDir, proper);
    const taken = await stat(target).then(() => true, () => false);
    if (!taken) {
      try {
        await rename(join(opts.dataDir, rel), target);
        return;
      } catch {
        /* written under its proper name with the next flush */
      }
    }
    out.unsaved.add(key);
  };

  // Temp files are what a crash mid-write leaves; the target file still holds the previous version.
  await removeLeftoverTempFiles(opts.dataDir, [opts.dir]);
  const files = names.filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  const loaded = await mapLimit(files, 32, loadOne);
  const misnamed: Loaded<T>[] = [];
  for (const r of loaded) {
    if (!r) continue;
    const key = keyOf(r.record);
    if (safeFileName(key) !== r.name) misnamed.push(r);
    else {
      out.records.set(key, r.record);
      if (r.upgraded) await keepOriginal(r.name, key, r.upgraded);
    }
  }
  for (const { name, record } of misnamed) await rehome(name, record);
  return out;
}

async function mapLimit<A, B>(items: readonly A[], limit: number, fn: (a: A) => Promise<B>): Promise<B[]> {
  const out: B[] = new Array<B>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as A);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
