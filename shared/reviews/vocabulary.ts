/**
 * The distinct folded words (runs of letters and digits) of all reviews, each
 * with a small integer id, and a trigram index over the words themselves, so
 * that "which words contain `croissant`?" stays cheap with a large vocabulary.
 */
export class Vocabulary {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Trigram → ids of the words containing it, ascending. */
  private readonly grams = new Map<string, number[]>();

  get size(): number {
    return this.words.length;
  }

  /** The id of `word`, added when new. */
  id(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    for (let i = 0; i + 3 <= word.length; i++) {
      const gram = word.slice(i, i + 3);
      const list = this.grams.get(gram);
      if (list === undefined) this.grams.set(gram, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
    return id;
  }

  /** Ids of the words that contain `needle` anywhere. */
  containing(needle: string): number[] {
    if (needle.length < 3) {
      const out: number[] = [];
      this.words.forEach((w, id) => {
        if (w.includes(needle)) out.push(id);
      });
      return out;
    }
    let rarest: number[] | undefined;
    for (let i = 0; i + 3 <= needle.length; i++) {
      const list = this.grams.get(needle.slice(i, i + 3));
      if (list === undefined) return [];
      if (rarest === undefined || list.length < rarest.length) rarest = list;
    }
    return (rarest ?? []).filter((id) => (this.words[id] ?? '').includes(needle));
  }
}
