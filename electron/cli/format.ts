import type { Location } from '../../shared/domain/location';
import type { Review } from '../../shared/domain/review';
import type { StatsSummary } from '../../shared/reviews/stats-schema';

/** The stable `kalm reviews --json` item shape (scripts depend on it). */
export const reviewJson = (r: Review, locationName: string) => ({
  id: r.id,
  source: r.source,
  externalId: r.externalId,
  locationId: r.locationId,
  locationName,
  rating: r.rating,
  author: r.author,
  anonymous: r.anonymous,
  text: r.text,
  translatedText: r.translatedText,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  reply: r.reply ? { text: r.reply.text, updatedAt: r.reply.updatedAt, state: r.reply.state } : null,
});

/** The stable `kalm stats --json` shape. */
export const statsJson = (s: StatsSummary) => ({
  overall: { average: s.overall.average, count: s.overall.count, unanswered: s.overall.unanswered },
  locations: s.locations.map((l) => ({ locationId: l.locationId, locationName: l.locationName, average: l.average, count: l.count, unanswered: l.unanswered })),
});

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
// eslint-disable-next-line no-control-regex -- stripping terminal control characters from untrusted review text is the point
const stripControl = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const pad = (s: string, n: number): string => cut(s, n).padEnd(n);

export const stars = (rating: number | null): string => (rating === null ? '—    ' : '★'.repeat(rating) + '☆'.repeat(5 - rating));

/** A readable table; review text is untrusted, so control characters are stripped before it reaches the terminal. */
export function reviewsTable(reviews: Review[], locations: Location[], width = 120): string {
  if (reviews.length === 0) return 'No reviews match.';
  const names = new Map(locations.map((l) => [l.id, l.name]));
  const textWidth = Math.max(20, width - 5 - 2 - 10 - 2 - 16 - 2 - 18 - 2);
  const header = `${pad('Stars', 5)}  ${pad('Date', 10)}  ${pad('Location', 16)}  ${pad('Author', 18)}  Text`;
  const rows = reviews.map((r) => {
    const text = r.text === null ? '(rating only)' : oneLine(stripControl(r.text));
    const author = r.anonymous ? 'Anonymous' : stripControl(r.author);
    return `${stars(r.rating)}  ${r.createdAt.slice(0, 10)}  ${pad(stripControl(names.get(r.locationId) ?? r.locationId), 16)}  ${pad(author, 18)}  ${cut(text, textWidth)}`;
  });
  return [header, ...rows, '', `${reviews.length} review${reviews.length === 1 ? '' : 's'}`].join('\n');
}

export function statsTable(s: StatsSummary): string {
  const fmt = (a: number | null) => (a === null ? '—' : a.toFixed(2));
  const line = (name: string, avg: number | null, count: number, unanswered: number) =>
    `${pad(stripControl(name), 28)}  ${fmt(avg).padStart(7)}  ${String(count).padStart(7)}  ${String(unanswered).padStart(10)}`;
  return [
    `${pad('Location', 28)}  ${'Average'.padStart(7)}  ${'Reviews'.padStart(7)}  ${'Unanswered'.padStart(10)}`,
    ...s.locations.map((l) => line(l.locationName, l.average, l.count, l.unanswered)),
    line('All locations', s.overall.average, s.overall.count, s.overall.unanswered),
  ].join('\n');
}
