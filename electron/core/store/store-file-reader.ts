import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { writeFileAtomic } from './atomic-write';
import { CURRENT_VERSION, fileVersion, MigrationError, migrateFile, prepareMigration, type StoreFileKind } from './migrations';
import { backupFile, quarantineFile } from './quarantine';
import { describeFsError } from './storage-error';

/** Reading one stored workspace file (sources.json, a shard): upgrade, validate, or set it aside and say why. */

export const errCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

function whatIsWrong(err: unknown): string {
  if (err instanceof SyntaxError) return `is not valid JSON (${err.message})`;
  if (err instanceof MigrationError) return err.message;
  if (err instanceof z.ZodError) {
    const i = err.issues[0];
    const where = i && i.path.length > 0 ? `${i.path.join('.')}: ` : '';
    return `does not have the layout Kalm expects (${i ? `${where}${i.message}` : 'unknown difference'})`;
  }
  return err instanceof Error ? err.message : String(err);
}

export interface Ctx {
  dataDir: string;
  dryRun: boolean;
  now: Date;
  problems: StoreProblem[];
  readOnly: Map<string, string>;
}

export function report(ctx: Ctx, file: string, kind: StoreProblem['kind'], reason: string, movedTo: string | null = null): void {
  ctx.problems.push({ file, kind, reason, movedTo, at: ctx.now.toISOString() });
}

const what = (kind: StoreFileKind): string => (kind === 'shard' ? 'these reviews' : kind === 'sources' ? 'your sources and locations' : 'this file');

/** Moves a broken file aside (or, when that is impossible, leaves it and protects it) and reports it. */
async function setAside(ctx: Ctx, rel: string, problem: string): Promise<void> {
  if (ctx.dryRun) {
    report(ctx, rel, 'quarantined', `${rel} ${problem}. Kalm will move it to quarantine/ the next time it opens; nothing will be deleted.`);
    return;
  }
  try {
    const target = await quarantineFile(ctx.dataDir, rel, ctx.now);
    report(ctx, rel, 'quarantined', `${rel} ${problem} — moved to ${target} so the rest keeps working. Nothing was deleted.`, target);
  } catch (err) {
    ctx.readOnly.set(rel, 'it could not be read and was left in place');
    report(ctx, rel, 'unreadable', `${rel} ${problem}. It could not be moved to quarantine/ (${describeFsError(err)}), so it was left in place and Kalm will not write over it.`);
  }
}

/** Saves an upgraded file at the current version, after keeping a copy of the original in backups/. */
async function saveUpgraded(ctx: Ctx, rel: string, kind: StoreFileKind, original: string, data: unknown, from: number, to: number): Promise<void> {
  const older = `${rel} is from an older version of Kalm (schema ${from})`;
  if (ctx.dryRun) {
    report(ctx, rel, 'migrated', `${older}. Kalm will upgrade it to schema ${to} the next time it opens, keeping a copy of the original in backups/.`);
    return;
  }
  let backup: string;
  try {
    backup = await backupFile(ctx.dataDir, rel, original, from, ctx.now);
  } catch (err) {
    ctx.readOnly.set(rel, 'it is from an older version of Kalm and no backup copy could be made yet');
    report(ctx, rel, 'write-failed', `${older} and was read, but no backup copy could be made (${describeFsError(err)}). It was left as it is; Kalm will upgrade it the next time it opens.`);
    return;
  }
  try {
    await writeFileAtomic(join(ctx.dataDir, rel), JSON.stringify(data, null, kind === 'shard' ? 1 : 2) + '\n');
    report(ctx, rel, 'migrated', `${older}; it was upgraded to schema ${to}. The original is kept in ${backup}.`, null);
  } catch (err) {
    report(ctx, rel, 'write-failed', `${older} and was read, but could not be saved in the new format (${describeFsError(err)}). The original is unchanged; a copy is in ${backup}.`);
  }
}

/** A shortcut for files Kalm already checked (shard-manifest.ts): `parse` answers for trusted bytes, `validated` learns the others. */
export interface Trust<T> {
  parse(bytes: Buffer): T | null;
  validated(bytes: Buffer): Promise<void>;
}

/** Reads, upgrades and validates one stored file. Null when it is missing or unusable (then a problem was reported). */
export async function readStoreFile<T>(ctx: Ctx, rel: string, kind: StoreFileKind, schema: z.ZodType<T>, trust?: Trust<T>): Promise<T | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(ctx.dataDir, rel));
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') {
      ctx.readOnly.set(rel, 'a folder has that name');
      report(ctx, rel, 'unreadable', `${rel} is a folder, not a file. Kalm left it as it is and does not use it; move it out of the data folder to fix this.`);
    } else {
      ctx.readOnly.set(rel, 'it could not be read and was left in place');
      const why = code === 'EACCES' || code === 'EPERM' ? 'Kalm is not allowed to read it' : describeFsError(err);
      report(ctx, rel, 'unreadable', `Kalm could not read ${rel} (${why}). It was left as it is; check the file's permissions.`);
    }
    return null;
  }
  const trusted = trust?.parse(bytes);
  if (trusted) return trusted;
  const text = bytes.toString('utf8');
  const original = text;
  try {
    const raw: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (fileVersion(kind, raw) < CURRENT_VERSION[kind]) await prepareMigration();
    const migrated = migrateFile(kind, raw);
    if (migrated.outcome === 'newer') {
      ctx.readOnly.set(rel, `it was written by a newer version of Kalm (schema ${migrated.found}); update Kalm to change ${what(kind)}`);
      report(ctx, rel, 'newer-version', `${rel} was written by a newer version of Kalm (schema ${migrated.found}); this version reads up to ${migrated.version}. Update Kalm to see ${what(kind)}. The file was left as it is.`);
      return null;
    }
    const data = schema.parse(migrated.data);
    if (migrated.outcome === 'upgraded') await saveUpgraded(ctx, rel, kind, original, data, migrated.from, migrated.version);
    else await trust?.validated(bytes);
    return data;
  } catch (err) {
    if (!(err instanceof SyntaxError || err instanceof z.ZodError || err instanceof MigrationError)) throw err;
    await setAside(ctx, rel, whatIsWrong(err));
    return null;
  }
}

