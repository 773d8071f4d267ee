import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../shared/import/seen-ids';

describe('SeenIds (the duplicate check of an import)', () => {
  it('gives the first row of every repeated id, also after the table grew', () => {
    const seen = new SeenIds();
    for (let i = 0; i < 5000; i++) expect(seen.firstRow(`tp-${i}`, i + 2)).toBeUndefined();
    for (let i = 0; i < 5000; i++) expect(seen.firstRow(`tp-${i}`, 9999)).toBe(i + 2);
    expect(seen.firstRow('tp-5000', 7)).toBeUndefined();
  });

  it('agrees with a Map over many short ids with repeats', () => {
    let x = 12345;
    const next = () => ((x = Math.imul(x, 1103515245) + 12345) >>> 8) % 4000;
    const seen = new SeenIds();
    const map = new Map<string, number>();
    for (let row = 0; row < 20000; row++) {
      const id = `r${next()}`;
      expect(seen.firstRow(id, row)).toBe(map.get(id));
      if (!map.has(id)) map.set(id, row);
    }
  });
});
