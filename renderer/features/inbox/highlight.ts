import { foldText, searchWords } from '../../../shared/reviews/text-match';

/** A piece of text to show, marked when it matched the search. */
export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * Splits `text` into plain and matching parts for the search `query`, the way
 * the core matches: case- and diacritics-insensitive, every word anywhere.
 * Pure string work: the parts are shown as React text, never as HTML.
 */
export function highlightParts(text: string, query: string): TextPart[] {
  const words = searchWords(query);
  if (words.length === 0 || text === '') return [{ text, match: false }];
  // Fold per code point, remembering where each folded character came from.
  let folded = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldText(text.slice(i, i + width));
    for (let k = 0; k < f.length; k++) from.push(i);
    folded += f;
    i += width;
  }
  from.push(text.length);
  const marked = new Uint8Array(text.length);
  for (const word of words) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      const start = from[at] ?? 0;
      let end = from[at + word.length] ?? text.length;
      if (end <= start) end = start + 1;
      // Combining marks after the last matched letter belong to it.
      while (end < text.length && foldText(text[end] ?? '') === '') end++;
      marked.fill(1, start, end);
    }
  }
  const parts: TextPart[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      parts.push({ text: text.slice(start, i), match: marked[start] === 1 });
      start = i;
    }
  }
  return parts;
}
