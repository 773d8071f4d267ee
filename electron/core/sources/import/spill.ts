import { randomUUID } from 'node:crypto';
import { appendFileSync, createReadStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Review } from '../../../../shared/domain/review';
import { safeFileName } from '../../store/file-names';

/** The data folder's temporary area for imports: one folder per running import, removed when it ends. */
export const SPILL_DIR = 'import-spill';
/** All shards' write buffers together stay under this; then every buffer goes to its file. */
const FLUSH_BYTES = 4 * 1024 * 1024;
/** Spill folders of imports running in this process (a leftover of a crashed run is any other). */
const active = new Set<string>();

export interface SpilledShard {
  source: string;
  locationId: string;
  /** Reviews spilled for this shard. */
  count: number;
}

interface ShardFile extends SpilledShard {
  file: string;
  lines: string[];
}

/**
 * The valid reviews of an import, parked on disk grouped by shard (one NDJSON file per source
 * location), so the import holds one shard at a time, never the whole file. Buffers are bounded
 * (FLUSH_BYTES over all shards); writes are synchronous so the row stream's sink can stay synchronous.
 */
export class ShardSpill {
  private readonly shards = new Map<string, ShardFile>();
  private buffered = 0;

  private constructor(private readonly dir: string) {}

  /** A fresh spill folder in `dataDir`; leftovers of imports that died (the app closed mid-import) are removed first. */
  static async create(dataDir: string): Promise<ShardSpill> {
    const root = join(dataDir, SPILL_DIR);
    await mkdir(root, { recursive: true });
    for (const old of await readdir(root)) if (!active.has(join(root, old))) await rm(join(root, old), { recursive: true, force: true });
    const dir = join(root, randomUUID());
    await mkdir(dir);
    active.add(dir);
    return new ShardSpill(dir);
  }

  add(review: Review): void {
    const key = JSON.stringify([review.source, review.locationId]);
    let shard = this.shards.get(key);
    if (!shard) {
      shard = { source: review.source, locationId: review.locationId, count: 0, file: join(this.dir, `${this.shards.size}-${safeFileName(key, '.ndjson')}`), lines: [] };
      this.shards.set(key, shard);
    }
    const line = `${JSON.stringify(review)}\n`;
    shard.lines.push(line);
    shard.count++;
    this.buffered += line.length;
    if (this.buffered >= FLUSH_BYTES) this.flush();
  }

  /** Writes every buffer to its shard's file. */
  flush(): void {
    for (const shard of this.shards.values()) {
      if (shard.lines.length === 0) continue;
      appendFileSync(shard.file, shard.lines.join(''));
      shard.lines = [];
    }
    this.buffered = 0;
  }

  /** The shards that received reviews, in the order they first did. */
  list(): SpilledShard[] {
    return [...this.shards.values()].map(({ source, locationId, count }) => ({ source, locationId, count }));
  }

  /** The spilled reviews of one shard, in file order (call `flush` first). */
  async *read(shard: SpilledShard): AsyncGenerator<Review> {
    const entry = this.shards.get(JSON.stringify([shard.source, shard.locationId]));
    if (!entry) return;
    const lines = createInterface({ input: createReadStream(entry.file, { encoding: 'utf8' }), crlfDelay: Infinity });
    // Written a moment ago by this import from reviews `rowToReview` built and checked: not an input boundary.
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as Review;
  }

  /** Removes the spill folder (also after a failed import). */
  async dispose(): Promise<void> {
    active.delete(this.dir);
    await rm(this.dir, { recursive: true, force: true });
  }
}
