import type { Rating, RatingScale } from '../domain/review';

export type RatingResult = { ok: true; rating: Rating | null; original: string | null } | { ok: false; message: string };

const YES = new Set(['positive', 'yes', 'ja', 'true', 'recommends', 'recommended', 'aanbevolen', 'recommend', '1']);
const NO = new Set(['negative', 'no', 'nee', 'false', "doesn't recommend", 'does not recommend', 'not recommended', 'niet aanbevolen', '0']);

/**
 * A rating on the file's scale mapped to Kalm's 1–5, keeping what the file said:
 * stars 1–5 (halves round up: Tripadvisor's "4.5"), a 1–10 score (Kiyoh: 1–2 → 1 … 9–10 → 5),
 * or recommend yes/no (Facebook: positive → 5, negative → 1). An empty cell is "no rating".
 */
export function mapRating(raw: string, scale: RatingScale): RatingResult {
  const v = raw.trim();
  if (v === '') return { ok: true, rating: null, original: null };
  if (scale === 'recommend') {
    const k = v.toLowerCase();
    if (YES.has(k)) return { ok: true, rating: 5, original: v };
    if (NO.has(k)) return { ok: true, rating: 1, original: v };
    return { ok: false, message: `the recommendation "${v.slice(0, 30)}" is neither positive nor negative` };
  }
  const n = Number(v.replace(',', '.').replace(/\s*(\/\s*(5|10)|stars?|sterren)$/i, ''));
  const max = scale === 'score-10' ? 10 : 5;
  if (!Number.isFinite(n)) return { ok: false, message: `the rating "${v.slice(0, 30)}" is not a number` };
  if (n < 1 || n > max) return { ok: false, message: `the rating ${v.slice(0, 30)} is outside 1–${max}` };
  const stars = scale === 'score-10' ? Math.ceil(n / 2) : Math.ceil(n - 1e-9);
  return { ok: true, rating: Math.min(5, Math.max(1, stars)) as Rating, original: v };
}
