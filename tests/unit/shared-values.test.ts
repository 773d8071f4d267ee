import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import type { Review } from '../../shared/domain/review';
import { ParseTimeSharing, SharedValues } from '../../electron/core/store/shared-values';
import { makeReview } from './helpers';

describe('SharedValues', () => {
  it('leaves every value of a loaded review as it was', () => {
    const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00Z'), seed: 5, locationCount: 3, reviewCount: 600 });
    const odd: Review[] = [
      makeReview({ externalId: 'x', text: null, translatedText: null, language: null, updatedAt: '2026-02-01T00:00:00.000Z' }),
      makeReview({ externalId: 'y', text: 'Top!', author: 'Top!', reply: { text: 'Top!', updatedAt: '2026-01-01T00:00:00.000Z', state: 'pending' } }),
      makeReview({ externalId: 'z', source: 'play', locationId: 'elsewhere', text: 'x'.repeat(500) }),
    ];
    const reviews = [...demo.reviews, ...odd];
    const before = structuredClone(reviews);
    const parsing = new ParseTimeSharing();
    const strings = new SharedValues();
    const shared = reviews.map((r) => {
      parsing.share(r, { source: 'google', locationId: r.locationId === 'elsewhere' ? 'utrecht' : r.locationId });
      return strings.share(r);
    });
    expect(shared).toEqual(before);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(before));
  });
});

describe('SharedValues: the shared empty label list', () => {
  it('cannot be changed in place (a change would reach every review)', () => {
    const r = makeReview({ externalId: 'l', labels: [] });
    new ParseTimeSharing().share(r, { source: 'google', locationId: 'utrecht' });
    expect(r.labels).toEqual([]);
    expect(() => r.labels.push('parking')).toThrow(TypeError);
    expect({ ...r, labels: [...r.labels, 'parking'] }.labels).toEqual(['parking']);
  });
});

describe('SharedValues: strings that look alike', () => {
  it('keeps strings that differ only where the pool does not look, and many of them', () => {
    const shared = new SharedValues();
    // 41 characters, different only at index 21, which the sampled hash skips (it reads every 5th and the last): one bucket.
    const texts = Array.from({ length: 40 }, (_, i) => `${'a'.repeat(21)}${String.fromCharCode(98 + i)}${'a'.repeat(19)}`);
    const out = texts.map((text, i) => shared.share(makeReview({ externalId: `t${i}`, text })).text);
    expect(out).toEqual(texts);
    expect(texts.map((text, i) => shared.share(makeReview({ externalId: `u${i}`, text })).text)).toEqual(texts);
  });
});

describe('ParseTimeSharing: author names', () => {
  it('keeps every name as it was, long ones and past the pool size too', () => {
    const parsing = new ParseTimeSharing();
    const names = ['Anna', 'Anna', 'Bram de Vries', 'B'.repeat(41), 'B'.repeat(41), ...Array.from({ length: 50_010 }, (_, i) => `Gast ${i}`)];
    const out = names.map((author, i) => {
      const r = makeReview({ externalId: `a${i}`, author });
      parsing.share(r, { source: 'google', locationId: 'utrecht' });
      return r.author;
    });
    expect(out).toEqual(names);
  });
});
