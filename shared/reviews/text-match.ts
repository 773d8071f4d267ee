/** Lower-case and strip diacritics, so "Café" and "cafe" compare equal. */
export const foldText = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** Every folded needle (whitespace-separated words) occurs in the folded haystack. */
export const matchesAllWords = (haystackFolded: string, query: string): boolean => {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  return words.every((w) => haystackFolded.includes(w));
};
