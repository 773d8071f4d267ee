import type { Review } from '../../../shared/domain/review';
import { SharedValues } from './shared-values';

/** Reviews given their shared values per background step (a few milliseconds each). */
const SHARE_STEP = 4000;
/**
 * The background steps start this long after a load, as the search index build does (`Workspace`): at start-up
 * the first page of the inbox and the calls around it come first. Sharing only saves memory, so it may wait.
 */
const SHARE_START_DELAY_MS = 2000;

/** Sharing jobs not finished yet (a job of reviews a newer load replaced just finishes: it changes nothing). */
const pending = new Set<Job>();

class Job {
  private readonly values = new SharedValues();
  private next = 0;
  /** The pending start (a timeout) or next step (an immediate); each is cleared with its own function. */
  private timer: { delay: NodeJS.Timeout } | { step: NodeJS.Immediate } | null = null;
  private waiting = false;
  private readonly done: Promise<number>;
  private finish!: (reached: number) => void;

  constructor(private readonly reviews: Review[]) {
    this.done = new Promise<number>((resolve) => (this.finish = resolve));
    this.timer = { delay: setTimeout(() => this.step(), SHARE_START_DELAY_MS).unref() };
  }

  /** Resolves with the number of reviews reached once every one has been shared; keeps the process alive until then. */
  settled(): Promise<number> {
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
    // Each review is changed in place, and only to an equal value: a review replaced meanwhile is simply not the one held.
    for (; this.next < stop; this.next++) this.values.share(this.reviews[this.next] as Review);
    if (this.next >= this.reviews.length) return this.end();
    const next = setImmediate(() => this.step());
    if (!this.waiting) next.unref();
    this.timer = { step: next };
  }

  private end(): void {
    this.timer = null;
    pending.delete(this);
    this.finish(this.next);
  }
}

/**
 * Lets the loaded reviews share equal texts (`SharedValues`) in small background steps after the load, so the
 * store opens at about the cost of reading and parsing its files and the memory saving follows a few seconds
 * later. The reviews are changed in place, to values equal to what they held: answers never differ.
 */
export function shareInBackground(reviews: Review[]): void {
  if (reviews.length > 0) pending.add(new Job(reviews));
}

/**
 * Resolves when every load's background sharing is done (benches measure memory after it; tests wait for it),
 * with the number of reviews those loads' steps reached.
 */
export async function valuesShared(): Promise<number> {
  const reached = await Promise.all([...pending.values()].map((job) => job.settled()));
  return reached.reduce((a, b) => a + b, 0);
}

/**
 * Does what is left of every load's background sharing at once: the benches measure memory after it, without
 * waiting the start delay (during which the search index build would start too and blur the figure).
 */
export function shareRemainingNow(): void {
  for (const job of [...pending]) job.finishNow();
}
