import type { PresetName } from './options';
import { headerKey } from './presets';

/**
 * What a site's JSON keeps in nested lists, lifted into plain cells before the columns are mapped
 * (IMPORT-FORMATS.md):
 * - Kiyoh/Klantenvertellen: `reviewContent: [{questionGroup, rating}]` → `opinion` (DEFAULT_OPINION, the text),
 *   `oneliner` (DEFAULT_ONELINER, a title) and `recommend` (DEFAULT_RECOMMEND).
 * - Facebook: the page's reply `open_graph_story.comments.data[].message` → `page_reply` (the first comment).
 * The cells the file has are kept as they are.
 */
const KIYOH_GROUPS: Readonly<Record<string, string>> = { DEFAULT_OPINION: 'opinion', DEFAULT_ONELINER: 'oneliner', DEFAULT_RECOMMEND: 'recommend' };

export function liftNested(cells: Record<string, string>): Record<string, string> {
  for (let i = 0; cells[`reviewContent.${i}.questionGroup`] !== undefined; i++) {
    const target = KIYOH_GROUPS[cells[`reviewContent.${i}.questionGroup`] ?? ''];
    const value = cells[`reviewContent.${i}.rating`];
    if (target !== undefined && value !== undefined && cells[target] === undefined) cells[target] = value;
  }
  const fbReply = cells['open_graph_story.comments.data.0.message'];
  if (fbReply !== undefined && cells['page_reply'] === undefined) cells['page_reply'] = fbReply;
  return cells;
}

/** Columns (or JSON fields) that only one site's export has: its preset is picked without asking. */
const SIGNS: readonly (readonly [PresetName, readonly (readonly string[])[]])[] = [
  ['trustpilot', [['Review Stars', 'Review Created (UTC)'], ['Review Username', 'Review Content']]],
  ['kiyoh', [['reviewContent.0.questionGroup'], ['reviewAuthor', 'dateSince']]],
  ['facebook', [['recommendation_type'], ['created_time', 'has_rating'], ['created_time', 'reviewer.name', 'review_text']]],
  ['tripadvisor', [['published_date', 'rating', 'location_id'], ['owner_response.text'], ['published_date', 'user.username']]],
];

/** The preset whose export these columns come from, when exactly one fits (else undefined: the generic mapping). */
export function detectPreset(columns: readonly string[]): PresetName | undefined {
  const keys = new Set(columns.map(headerKey));
  const fits = SIGNS.filter(([, groups]) => groups.some((g) => g.every((c) => keys.has(headerKey(c))))).map(([name]) => name);
  return fits.length === 1 ? fits[0] : undefined;
}
