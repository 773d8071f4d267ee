/**
 * Google writes its machine translation into the review (or reply) comment; there is no language field.
 * Two undocumented layouts are known:
 *   A  "(Translated by Google) <translation>\n\n(Original)\n<original>"
 *   B  "<original>\n\n(Translated by Google)\n<translation>"
 * Only the separators Google adds are removed; the parts are otherwise kept byte for byte.
 */

export const TRANSLATED_MARK = '(Translated by Google)';
export const ORIGINAL_MARK = '(Original)';

export interface SplitComment {
  /** The author's own words. */
  original: string;
  /** Google's translation, or null when the comment carries none. */
  translated: string | null;
  layout: 'A' | 'B' | null;
}

/** Removes one line break (`\n` or `\r\n`) at the start. */
const dropLeadingBreak = (s: string): string => (s.startsWith('\r\n') ? s.slice(2) : s.startsWith('\n') ? s.slice(1) : s);

/** Removes up to two line breaks at the end (Google's blank-line separator). */
const dropTrailingBreaks = (s: string): string => s.replace(/(?:\r?\n){1,2}$/, '');

/** Splits a comment into its original part and Google's translation (see the layouts above). */
export function splitTranslation(comment: string): SplitComment {
  if (comment.startsWith(TRANSLATED_MARK)) {
    // Layout A: the "(Original)" marker starts a line of its own.
    const at = comment.indexOf(`\n${ORIGINAL_MARK}`, TRANSLATED_MARK.length);
    if (at >= 0) {
      let translated = comment.slice(TRANSLATED_MARK.length, at + 1);
      translated = dropTrailingBreaks(translated.startsWith(' ') ? translated.slice(1) : dropLeadingBreak(translated));
      const original = dropLeadingBreak(comment.slice(at + 1 + ORIGINAL_MARK.length));
      return { original, translated, layout: 'A' };
    }
  }
  // Layout B: the marker starts a line after the original.
  const at = comment.indexOf(`\n${TRANSLATED_MARK}`);
  if (at >= 0) {
    const original = dropTrailingBreaks(comment.slice(0, at + 1));
    const rest = comment.slice(at + 1 + TRANSLATED_MARK.length);
    const translated = dropLeadingBreak(rest.startsWith(' ') ? rest.slice(1) : rest);
    return { original, translated, layout: 'B' };
  }
  return { original: comment, translated: null, layout: null };
}
