import type { ReviewFacets } from './query-schema';
import type { IndexLayout } from './index-layout';

/** Labels and languages in use in the index (deleted reviews included), most used first, then by name. */
export function indexFacets(ix: IndexLayout): ReviewFacets {
  const byCount = <T extends { count: number }>(key: (x: T) => string) => (a: T, b: T) => b.count - a.count || (key(a) < key(b) ? -1 : 1);
  const labels = [...ix.labels].map(([name, list]) => ({ name, count: list.length })).filter((l) => l.count > 0);
  const perLanguage = new Int32Array(ix.languages.names.length);
  for (let slot = 0; slot < ix.reviews.length; slot++) {
    if (!ix.reviews[slot]) continue;
    const code = ix.language[slot] ?? 0;
    perLanguage[code] = (perLanguage[code] ?? 0) + 1;
  }
  const languages = ix.languages.names.map((tag, code) => ({ tag, count: perLanguage[code] ?? 0 })).filter((l) => l.tag !== '' && l.count > 0);
  return { labels: labels.sort(byCount((l) => l.name)), languages: languages.sort(byCount((l) => l.tag)) };
}
