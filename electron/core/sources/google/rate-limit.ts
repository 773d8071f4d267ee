/**
 * A client-side limit on Google calls: a token bucket that keeps every 60-second window under the
 * per-minute budget (Google's default for the Business Profile APIs is 300 requests a minute).
 * Callers wait their turn in order.
 */

export interface LimiterClock {
  /** Milliseconds (any origin, never going back). */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateLimiterOptions {
  /** At most this many requests in any 60 s (default 290, a margin under Google's 300). */
  perMinute?: number;
  /** Requests that may go at once after a quiet spell (default 10); part of `perMinute`, not added to it. */
  burst?: number;
  clock?: LimiterClock;
}

const MINUTE_MS = 60_000;

export class RateLimiter {
  private readonly rate: number; // tokens per millisecond
  private readonly burst: number;
  private readonly clock: LimiterClock;
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(opts: RateLimiterOptions = {}) {
    const perMinute = opts.perMinute ?? 290;
    this.burst = Math.max(1, Math.min(opts.burst ?? 10, perMinute - 1));
    if (!(perMinute > this.burst)) throw new RangeError('perMinute must be more than 1');
    // burst + rate × 60 s = perMinute: the most any 60-second window can hold.
    this.rate = (perMinute - this.burst) / MINUTE_MS;
    this.clock = opts.clock ?? systemClock;
    this.tokens = this.burst;
    this.last = this.clock.now();
  }

  /** Resolves when one more request may go. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.rate);
    this.last = now;
  }

  private async take(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(Math.max(1, Math.ceil((1 - this.tokens) / this.rate)));
    }
  }
}
