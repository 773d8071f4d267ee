import type { Review } from '../../../shared/domain/review';
import { SharedValues } from './shared-values';

/** Reviews given their shared values per background step (a few milliseconds each). */
const SHARE_STEP = 4000;
/**
 * The background steps start this long after a load, as the search index build does (`Workspace`): at start-up
 * the first page of the inbox and the calls around it come first. Sharing only saves memory, so it may wait.
 */
const SHARE_START_DELAY_MS = 2000;

/** A run of loaded reviews that came from one shard (the file's source and location are shared with them). */
export interface LoadedShard {
  source: string;
  locationId: string;
  from: number;
  to: number;
}

/** Sharing jobs not finished yet (a job of reviews a newer load replaced just finishes: it changes nothing). */
const pending = new Set<Job>();

class Job {
  private readonly values = new SharedValues();
  private shard = 0;
  private next = 0;
  /** The pending start (a timeout) or next step (an immediate); each is cleared with its own function. */
  private timer: { delay: NodeJS.Timeout } | { step: NodeJS.Immediate } | null = null;
  private waiting = false;
  private readonly done: Promise<void>;
  private finish!: () => void;

  constructor(
    private readonly reviews: Review[],
    private readonly shards: LoadedShard[],
  ) {
    this.done = new Promise<void>((resolve) => (this.finish = resolve));
    this.timer = { delay: setTimeout(() => this.step(), SHARE_START_DELAY_MS).unref() };
  }

  /** Resolves when every review has been shared; keeps the process alive until then. */
  settled(): Promise<void> {
    this.waiting = true;
    if (this.timer) ('delay' in this.timer ? this.timer.delay : this.timer.step).ref();
    return this.done;
  }

  /** Shares the rest at once, as the background steps would have. */
  finishNow(): void {
    if (this.timer) {
      if ('delay' in this.timer) clearTimeout(this.timer.delay);
      else clearImmediate(this.timer.step);
    }
    this.step(this.reviews.length);
  }

  private step(count = SHARE_STEP): void {
    this.timer = null;
    const stop = Math.min(this.next + count, this.reviews.length);
    while (this.next < stop) {
      let shard = this.shards[this.shard];
      while (shard && this.next >= shard.to) shard = this.shards[++this.shard];
      if (!shard) break;
      const end = Math.min(stop, shard.to);
      // Each review is changed in place, and only to an equal value: a review replaced meanwhile is simply not the one held.
      for (; this.next < end; this.next++) this.values.share(this.reviews[this.next] as Review, shard);
    }
    if (this.next >= this.reviews.length || this.shard >= this.shards.length) return this.end();
    const next = setImmediate(() => this.step());
    if (!this.waiting) next.unref();
    this.timer = { step: next };
  }

  private end(): void {
    this.timer = null;
    pending.delete(this);
    this.finish();
  }
}

/**
 * Lets the loaded reviews share equal values (`SharedValues`) in small background steps after the load, so the
 * store opens at the cost of reading and parsing its files and the memory saving follows a few seconds later.
 * The reviews are changed in place, to values equal to what they held: answers never differ. `shards` says which
 * file each run of `reviews` came from.
 */
export function shareInBackground(reviews: Review[], shards: LoadedShard[]): void {
  if (reviews.length > 0) pending.add(new Job(reviews, shards));
}

/** Resolves when every load's background sharing is done (benches measure memory after it; tests wait for it). */
export async function valuesShared(): Promise<void> {
  await Promise.all([...pending.values()].map((job) => job.settled()));
}

/**
 * Does what is left of every load's background sharing at once: the benches measure memory after it, without
 * waiting the start delay (during which the search index build would start too and blur the figure).
 */
export function shareRemainingNow(): void {
  for (const job of [...pending]) job.finishNow();
}
