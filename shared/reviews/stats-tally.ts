import type { Review } from '../domain/review';
import { isAnswered, isUnanswered, responseRateOf } from './figures';
import { isoMs } from './iso-time';
import { emptyRatingCounts } from './review-filter';
import type { StatsFigures } from './stats-schema';

const HOUR_MS = 3_600_000;
export const round2 = (n: number): number => Math.round(n * 100) / 100;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  const value = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return round2(value);
}

/** Hours from the review to its reply; a reply stamped before the review (clock skew, imports) counts as immediate. */
export const replyHours = (r: Review, createdMs: number): number | null =>
  r.reply === null ? null : Math.max(0, isoMs(r.reply.updatedAt) - createdMs) / HOUR_MS;

/** Running figures over reviews that are not deleted (unanswered, answered, response rate: figures.ts). */
export class Tally {
  count = 0;
  rated = 0;
  sum = 0;
  replied = 0;
  answered = 0;
  unanswered = 0;
  inTime = 0;
  overdue = 0;
  readonly distribution = emptyRatingCounts();
  readonly replyHours: number[] = [];

  /** `hours`: the reply time (null without a reply); `inTime`: the reply came within the source's target. */
  add(r: Review, hours: number | null, inTime: boolean, overdue: boolean): void {
    this.count++;
    if (r.rating === null) this.distribution.none++;
    else {
      this.distribution[r.rating]++;
      this.rated++;
      this.sum += r.rating;
    }
    if (isAnswered(r.status)) this.answered++;
    if (isUnanswered(r.status)) this.unanswered++;
    if (hours !== null) {
      this.replied++;
      this.replyHours.push(hours);
      if (inTime) this.inTime++;
    }
    if (overdue) this.overdue++;
  }

  get average(): number | null {
    return this.rated > 0 ? round2(this.sum / this.rated) : null;
  }

  figures(): StatsFigures {
    return {
      average: this.average,
      count: this.count,
      rated: this.rated,
      unanswered: this.unanswered,
      responseRate: responseRateOf(this.answered, this.count),
      medianReplyHours: median(this.replyHours),
      withinTarget: this.replied > 0 ? round2(this.inTime / this.replied) : null,
      overdue: this.overdue,
      distribution: this.distribution,
    };
  }
}

/** Only a rating sum, for the previous period's averages. */
export class RatingSum {
  rated = 0;
  sum = 0;
  add(r: Review): void {
    if (r.rating === null) return;
    this.rated++;
    this.sum += r.rating;
  }
  get average(): number | null {
    return this.rated > 0 ? round2(this.sum / this.rated) : null;
  }
}

export const entryOf = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
};
