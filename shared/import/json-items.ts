/**
 * Streams the items of a JSON review export without holding the file: a top-level array
 * (`[{…}, {…}]`), the first array inside a top-level object (`{"data": [{…}]}` as the Facebook
 * Graph API and Kiyoh feeds write it), or JSON Lines (one object per line). Feed text chunks to
 * `push`, then call `end`; each item arrives as its own JSON text with its 1-based number.
 */
export class JsonItemSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth at which items sit (1 for a top-level array, 2 inside an object); null until known. */
  private itemDepth: number | null = null;
  private mode: 'unknown' | 'array' | 'lines' = 'unknown';
  private item: string[] = [];
  private itemStart = false;
  private count = 0;
  private done = false;

  constructor(private readonly onItem: (text: string, n: number) => void) {}

  /** Text held back until the layout is known (a JSON Lines file and a pretty-printed object both start with "{"). */
  private pending = '';

  push(chunk: string): void {
    if (this.mode === 'unknown') {
      this.pending += chunk;
      const first = /\S/.exec(this.pending);
      if (!first) return;
      if (this.pending.charAt(first.index) === '{') {
        // JSON Lines: the first line is a whole object and more follows it.
        const nl = this.pending.indexOf('\n', first.index);
        const big = this.pending.length >= 1_000_000;
        if (nl < 0 && !big) return;
        const isObject = nl >= 0 && this.looksLikeLines(this.pending.slice(first.index, nl));
        if (isObject && !/\S/.test(this.pending.slice(nl)) && !big) return;
        this.mode = isObject ? 'lines' : 'array';
      } else {
        this.mode = 'array';
      }
      chunk = this.pending;
      this.pending = '';
    }
    if (this.mode === 'lines') return this.pushLines(chunk);
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === '[' || c === '{') {
        this.depth++;
        if (this.itemDepth === null && c === '[' && this.depth <= 2 && !this.done) this.itemDepth = this.depth;
        else if (this.itemDepth !== null && this.depth === this.itemDepth + 1 && !this.itemStart && !this.done) {
          this.itemStart = true;
          from = i;
        }
      } else if (c === ']' || c === '}') {
        if (this.itemStart && this.itemDepth !== null && this.depth === this.itemDepth + 1) {
          this.item.push(chunk.slice(from, i + 1));
          this.emit();
        } else if (this.itemDepth !== null && this.depth === this.itemDepth && c === ']') {
          this.done = true;
        }
        this.depth--;
      } else if (this.itemDepth !== null && this.depth === this.itemDepth && !this.itemStart && !this.done && /[^\s,]/.test(c)) {
        // A scalar item (a number or a literal) in the list: pass it on so the row gets its message.
        let j = i;
        while (j < chunk.length && /[^\s,\]]/.test(chunk.charAt(j))) j++;
        this.count++;
        this.onItem(chunk.slice(i, j), this.count);
        i = j - 1;
      }
    }
    if (this.itemStart) this.item.push(chunk.slice(from));
  }

  /** Throws when the text ended inside an item or no list of items was found. */
  end(): number {
    if (this.mode === 'unknown') {
      const rest = this.pending;
      this.pending = '';
      // A single object (on one line or many) is read for the first list inside it.
      this.mode = 'array';
      if (rest) this.push(rest);
    }
    if (this.mode === 'lines') {
      if (this.item.join('').trim() !== '') this.emitLine(this.item.join(''));
      return this.count;
    }
    if (this.itemStart || this.inString) throw new Error('the file ends in the middle of a review (is it cut off?)');
    if (this.itemDepth === null) throw new Error('the file has no list of reviews (expected [ {…}, … ] or {"data": [ … ]})');
    return this.count;
  }

  private emit(): void {
    this.count++;
    const text = this.item.join('');
    this.item = [];
    this.itemStart = false;
    this.onItem(text, this.count);
  }

  private looksLikeLines(line: string): boolean {
    try {
      const v: unknown = JSON.parse(line);
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    } catch {
      return false;
    }
  }

  private pushLines(chunk: string): void {
    const parts = (this.item.join('') + chunk).split('\n');
    this.item = [parts.pop() ?? ''];
    for (const line of parts) if (line.trim() !== '') this.emitLine(line);
  }

  private emitLine(line: string): void {
    this.count++;
    this.onItem(line, this.count);
  }
}

/** An item's fields as text cells, nested objects flattened with dots ("reviewer.name"). */
export function flattenItem(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value === null || value === undefined) {
    if (prefix) out[prefix] = '';
  } else if (Array.isArray(value)) {
    // Kiyoh's feed keeps answers in [{questionGroup, rating}]; lists of scalars join with a comma.
    if (value.every((v) => typeof v !== 'object' || v === null)) out[prefix] = value.map(String).join(', ');
    else value.forEach((v, i) => flattenItem(v, `${prefix}.${i}`, out));
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flattenItem(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = String(value);
  }
  return out;
}
