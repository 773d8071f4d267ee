import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/**
 * What Kalm already checked: per review shard the size, modification time and CRC-32 of the
 * content it last validated (on open) or wrote itself. On open, a shard whose size and hash
 * match its entry is parsed without re-validating every review; anything else (a new file, a
 * file changed outside Kalm, even with the same size and time) is validated in full as before.
 * A missing, unreadable or corrupt manifest only costs that full validation: it is never trusted
 * blindly and never blocks opening. Entries hold only under the shard schema they were checked
 * against (`schema`, a fingerprint of its JSON Schema): a Kalm whose schema differs validates
 * everything once. Kept inside the reviews folder as a dot file, which loaders,
 * `clearShards` and quarantine leave alone.
 */
export const MANIFEST_NAME = '.kalm-manifest.json';
const MANIFEST_VERSION = 1;

const Entry = z.object({ size: z.number().int().nonnegative(), mtimeMs: z.number(), crc32: z.number().int().nonnegative() });
type Entry = z.infer<typeof Entry>;
/** The manifest file's layout. */
export const ManifestFile = z.object({ version: z.literal(MANIFEST_VERSION), schema: z.string(), shards: z.record(z.string(), Entry) });

/**
 * The content hash. CRC-32 (zlib's, several GB/s) rather than SHA-256 (about 3× slower, a
 * sixth of a bare parse at 100,000 reviews): it catches any accidental change (an editor, a
 * sync tool, a disk error) with the size as a second check; a deliberate forger who can write
 * the data folder could rewrite the manifest as well, so a cryptographic hash would guard nothing more.
 */
export const contentHash = (data: string | Uint8Array): number => crc32(data);

const fingerprints = new WeakMap<z.ZodType, string>();

/** A fingerprint of what a schema accepts (its JSON Schema, hashed); computed once per schema. */
export function schemaFingerprint(schema: z.ZodType): string {
  let print = fingerprints.get(schema);
  if (print === undefined) fingerprints.set(schema, (print = contentHash(JSON.stringify(z.toJSONSchema(schema))).toString(16)));
  return print;
}

/** The manifest of one reviews folder, held in memory; saves are atomic and coalesced. */
export class ShardManifest {
  private readonly entries = new Map<string, Entry>();
  private changed = false;
  private saving: Promise<void> | null = null;
  private dirty = false;

  private constructor(
    private readonly reviewsDir: string,
    private readonly schema: string,
  ) {}

  /** Reads `<reviewsDir>/.kalm-manifest.json`; anything unusable, or made under another schema, reads as an empty manifest. */
  static async read(reviewsDir: string, schema: string): Promise<ShardManifest> {
    const manifest = new ShardManifest(reviewsDir, schema);
    try {
      const parsed = ManifestFile.safeParse(JSON.parse(await readFile(join(reviewsDir, MANIFEST_NAME), 'utf8')));
      if (parsed.success && parsed.data.schema === schema) for (const [name, entry] of Object.entries(parsed.data.shards)) manifest.entries.set(name, entry);
    } catch {
      // Missing or not JSON: nothing is trusted, every shard is validated.
    }
    return manifest;
  }

  static empty(reviewsDir: string, schema: string): ShardManifest {
    return new ShardManifest(reviewsDir, schema);
  }

  /** True when `bytes` (the whole file `name`, of that size) is exactly what Kalm last validated or wrote. */
  trusts(name: string, bytes: Uint8Array): boolean {
    const entry = this.entries.get(name);
    return entry !== undefined && entry.size === bytes.byteLength && entry.crc32 === contentHash(bytes);
  }

  /** What is recorded now, per shard file name (a copy). */
  recorded(): Map<string, Entry> {
    return new Map(this.entries);
  }

  /** Records that `name` now holds validated content with this hash, size and time. */
  note(name: string, entry: Entry): void {
    const old = this.entries.get(name);
    if (old && old.size === entry.size && old.mtimeMs === entry.mtimeMs && old.crc32 === entry.crc32) return;
    this.entries.set(name, entry);
    this.changed = true;
  }

  /** Drops the entries of files that are gone or were not usable (quarantined, newer, unreadable). */
  keepOnly(names: ReadonlySet<string>): void {
    for (const name of this.entries.keys()) {
      if (!names.has(name)) {
        this.entries.delete(name);
        this.changed = true;
      }
    }
  }

  /** Writes the manifest when something changed since the last save; saves in flight are coalesced. Never throws. */
  save(): Promise<void> {
    if (!this.changed) return this.saving ?? Promise.resolve();
    this.changed = false;
    this.dirty = true;
    if (this.saving) return this.saving;
    const run = async (): Promise<void> => {
      try {
        while (this.dirty) {
          this.dirty = false;
          const shards = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : 1)));
          // Best effort: a manifest that cannot be written only means a full validation next time.
          await writeFileAtomic(join(this.reviewsDir, MANIFEST_NAME), JSON.stringify({ version: MANIFEST_VERSION, schema: this.schema, shards }) + '\n').catch(() => undefined);
        }
      } finally {
        this.saving = null;
      }
    };
    this.saving = run();
    return this.saving;
  }
}

/** Per reviews folder (resolved path): the manifest the last open read, updated by every shard write. */
const manifests = new Map<string, ShardManifest>();

/** The manifest of a data folder as this process knows it (an empty one when it was never opened here). */
export function manifestFor(reviewsDir: string, schema: string): ShardManifest {
  const key = resolve(reviewsDir);
  let manifest = manifests.get(key);
  if (!manifest) {
    manifest = ShardManifest.empty(reviewsDir, schema);
    manifests.set(key, manifest);
  }
  return manifest;
}

/** Reads the manifest from disk for an open; `keep` makes it the one later shard writes update. */
export async function openManifest(reviewsDir: string, schema: string, keep: boolean): Promise<ShardManifest> {
  const manifest = await ShardManifest.read(reviewsDir, schema);
  if (keep) manifests.set(resolve(reviewsDir), manifest);
  return manifest;
}

/** After a shard was written with `text`: records it (hash of the text, size and time of the file) and saves the manifest. */
export async function noteShardWritten(reviewsDir: string, schema: string, name: string, text: string | { crc32: number }): Promise<void> {
  const manifest = manifestFor(reviewsDir, schema);
  try {
    const st = await stat(join(reviewsDir, name));
    manifest.note(name, { size: st.size, mtimeMs: st.mtimeMs, crc32: typeof text === 'string' ? contentHash(text) : text.crc32 });
  } catch {
    return;
  }
  await manifest.save();
}

/** A validated shard read on open: records its bytes, size and time. */
export async function noteShardValidated(manifest: ShardManifest, reviewsDir: string, name: string, bytes: Uint8Array): Promise<void> {
  const st = await stat(join(reviewsDir, name)).catch(() => null);
  if (st && st.size === bytes.byteLength) manifest.note(name, { size: st.size, mtimeMs: st.mtimeMs, crc32: contentHash(bytes) });
}

/** The shape `saveShardFile` writes, checked only as far as a trusted file needs (its reviews were validated before). */
export interface TrustedShard<R> {
  schemaVersion: number;
  source: string;
  locationId: string;
  reviews: R[];
}

/** Parses a shard the manifest trusts; null when it is not what Kalm wrote after all (then it is validated in full). */
export function parseTrustedShard<S extends TrustedShard<unknown>>(bytes: Uint8Array, version: number): S | null {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const shard = raw as Partial<TrustedShard<unknown>>;
  const ok = shard.schemaVersion === version && typeof shard.source === 'string' && typeof shard.locationId === 'string' && Array.isArray(shard.reviews);
  return ok ? (shard as S) : null;
}
