/** Small integer codes for repeated strings (source ids, location ids, languages). */
export class Interner {
  private readonly codes = new Map<string, number>();
  readonly names: string[] = [];
  // Reviews arrive grouped per location, so the same name usually comes many times in a row.
  private lastName: string | undefined;
  private lastCode = -1;

  code(name: string): number {
    if (name === this.lastName) return this.lastCode;
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.codes.set(name, code);
      this.names.push(name);
    }
    this.lastName = name;
    this.lastCode = code;
    return code;
  }

  /** The code of `name`, or -1 when it never came. */
  find(name: string): number {
    return this.codes.get(name) ?? -1;
  }

  /** Per code: 1 when its name passes `keep`. */
  mask(keep: (name: string) => boolean): Uint8Array {
    return Uint8Array.from(this.names, (n) => (keep(n) ? 1 : 0));
  }
}
