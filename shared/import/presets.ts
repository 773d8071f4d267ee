import type { ColumnMapping, DateOrder, ImportField, PresetName } from './options';

/**
 * Known export formats, from what each site really gives its users (/work/shared/IMPORT-FORMATS.md;
 * README "Importing reviews"). Each field lists the header names (or flattened JSON fields, "user.username")
 * seen in that site's exports, matched without regard to case, spaces or punctuation; the first one present
 * in the file wins. A file with other headers still imports through the generic mapping screen.
 */
export interface Preset {
  name: PresetName;
  label: string;
  scale: 'stars-5' | 'score-10' | 'recommend';
  dateOrder: Exclude<DateOrder, 'auto'>;
  columns: Partial<Record<ImportField, readonly string[]>>;
  /** A 1–5 star column read when the rating column is empty on a row (Facebook's pre-2018 `rating`). */
  starsFallback?: readonly string[];
}

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  // Trustpilot Business "Service reviews" export (CSV or XLSX); the title is kept (title, blank line, content).
  trustpilot: {
    name: 'trustpilot', label: 'Trustpilot', scale: 'stars-5', dateOrder: 'dmy',
    columns: {
      id: ['Review Id', 'Review ID', 'id'],
      rating: ['Review Stars', 'Stars', 'Rating'],
      title: ['Review Title', 'Title'],
      text: ['Review Content', 'Review Text', 'Content', 'Text'],
      author: ['Review Username', 'Review Consumer Name', 'Consumer Name', 'Reviewer Name', 'consumer.displayName', 'Name'],
      date: ['Review Created (UTC)', 'Review Date', 'Date', 'createdAt'],
      url: ['Review Url', 'Review URL', 'Link', 'URL'],
      reply: ['Company Response', 'Company Reply', 'Reply Content', 'companyReply.text'],
      replyDate: ['Company Reply Date (UTC)', 'Business Reply Date (UTC)', 'Reply Date', 'companyReply.createdAt'],
      language: ['Review Language', 'Language'],
      location: ['Location Name'],
    },
  },
  // Tripadvisor Content API reviews JSON ({"data": [...]}), or a CSV with the same names.
  tripadvisor: {
    name: 'tripadvisor', label: 'Tripadvisor', scale: 'stars-5', dateOrder: 'mdy',
    columns: {
      id: ['id', 'Review ID', 'Review Id'],
      rating: ['rating', 'Bubble Rating', 'Review Rating'],
      title: ['title', 'Review Title'],
      text: ['text', 'Review Text', 'Review'],
      author: ['user.username', 'Reviewer', 'Reviewer Name', 'Username', 'User'],
      date: ['published_date', 'Review Date', 'Published Date', 'Date', 'publishedDate'],
      url: ['url', 'Review URL', 'Link'],
      reply: ['owner_response.text', 'Management Response', 'Owner Response', 'Response'],
      replyDate: ['owner_response.published_date', 'Management Response Date', 'Response Date'],
      location: ['Property', 'Location', 'Property Name'],
      language: ['lang', 'Language'],
    },
  },
  // Facebook Graph API `/{page-id}/ratings`: recommendations (positive → 5, negative → 1), the legacy
  // 1–5 `rating` when there is no recommendation, anonymous without `reviewer`.
  facebook: {
    name: 'facebook', label: 'Facebook', scale: 'recommend', dateOrder: 'mdy',
    columns: {
      id: ['open_graph_story.id', 'Review ID', 'id'],
      rating: ['recommendation_type', 'Recommendation', 'Recommends'],
      text: ['review_text', 'Review', 'Review Text', 'Text'],
      author: ['reviewer.name', 'Reviewer', 'Name'],
      date: ['created_time', 'Date', 'Created'],
      url: ['url', 'Link', 'permalink_url'],
      reply: ['page_reply', 'Reply', 'Page Reply'],
    },
    starsFallback: ['rating'],
  },
  // Kiyoh/Klantenvertellen publication feed (JSON): 1–10 score, text in reviewContent DEFAULT_OPINION.
  kiyoh: {
    name: 'kiyoh', label: 'Kiyoh', scale: 'score-10', dateOrder: 'dmy',
    columns: {
      id: ['reviewId', 'Review ID', 'ID', 'Id'],
      rating: ['rating', 'Totaalscore', 'Totaal score', 'Score', 'Cijfer', 'Total score'],
      title: ['oneliner', 'Titel', 'Kop', 'Title', 'One-liner'],
      text: ['opinion', 'Review', 'Beoordeling', 'Toelichting', 'Opmerking', 'Text'],
      author: ['reviewAuthor', 'Naam', 'Name', 'Author'],
      date: ['dateSince', 'Datum', 'Date', 'Review datum'],
      reply: ['reviewComments', 'Reactie', 'Reactie bedrijf', 'Response'],
      location: ['Locatie', 'Location', 'locationName'],
      language: ['reviewLanguage', 'Taal', 'Language'],
      url: ['URL', 'Link'],
    },
  },
};

/** Header names compared loosely: "Review Created (UTC)" ~ "review_created_utc". */
export const headerKey = (h: string): string => h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Generic guesses for a file without a preset (English and Dutch headers). */
const GENERIC: Partial<Record<ImportField, readonly string[]>> = {
  id: ['id', 'review id', 'reviewid', 'external id', 'kenmerk'],
  rating: ['rating', 'stars', 'star rating', 'score', 'cijfer', 'sterren', 'beoordeling score', 'waardering'],
  title: ['title', 'titel', 'kop', 'subject'],
  text: ['text', 'review', 'review text', 'comment', 'content', 'body', 'tekst', 'opmerking', 'toelichting'],
  author: ['author', 'name', 'reviewer', 'reviewer name', 'naam', 'auteur', 'klant'],
  date: ['date', 'created', 'created at', 'review date', 'datum', 'time', 'timestamp'],
  url: ['url', 'link', 'review url'],
  reply: ['reply', 'response', 'answer', 'reactie', 'antwoord'],
  replyDate: ['reply date', 'response date', 'reactiedatum'],
  location: ['location', 'locatie', 'vestiging', 'store', 'filiaal'],
  language: ['language', 'lang', 'taal'],
};

/** The mapping for `columns`: the preset's (or generic) guesses, then `overrides` field by field. */
export function resolveMapping(columns: readonly string[], preset: PresetName | undefined, overrides: ColumnMapping = {}): ColumnMapping {
  const byKey = new Map(columns.map((c) => [headerKey(c), c]));
  const candidates = preset ? PRESETS[preset].columns : GENERIC;
  const mapping: ColumnMapping = {};
  for (const [field, names] of Object.entries(candidates) as [ImportField, readonly string[]][]) {
    const hit = names.map((n) => byKey.get(headerKey(n))).find((c) => c !== undefined);
    if (hit !== undefined) mapping[field] = hit;
  }
  const overridden = Object.entries(overrides) as [ImportField, string | undefined][];
  for (const [field, column] of overridden) if (column !== undefined) mapping[field] = column;
  // An empty choice means "no column" for that field.
  return Object.fromEntries(Object.entries(mapping).filter(([, column]) => column !== '')) as ColumnMapping;
}
