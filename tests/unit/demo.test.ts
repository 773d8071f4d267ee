import { describe, it, expect } from 'vitest';
import { Location, Review, Source, REVIEW_SCHEMA_VERSION, reviewId } from '../../shared/domain';
import { generateDemoWorkspace, HOSTILE_MARKUP, type DemoWorkspace } from '../../shared/demo/generate';
import { createRng, mulberry32 } from '../../shared/demo/random';
import { TEXTS_NL } from '../../shared/demo/texts-nl';
import { TEXTS_EN } from '../../shared/demo/texts-en';

const now = new Date('2026-11-24T10:00:00.000Z');
const nowMs = now.getTime();
const ws = generateDemoWorkspace({ now });

let bigRun: { ws: DemoWorkspace } | undefined;
function big(): { ws: DemoWorkspace } {
  bigRun ??= { ws: generateDemoWorkspace({ now, locationCount: 200, reviewCount: 100_000 }) };
  return bigRun;
}

const share = (reviews: readonly Review[], pred: (r: Review) => boolean): number =>
  reviews.filter(pred).length / reviews.length;

describe('seeded random', () => {
  it('mulberry32 is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('int, pick and weighted stay in range', () => {
    const rng = createRng(7);
    for (let i = 0; i < 500; i++) {
      const n = rng.int(2, 4);
      expect(n === 2 || n === 3 || n === 4).toBe(true);
      expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
      expect(rng.weighted([['x', 1], ['y', 0]] as const)).toBe('x');
    }
  });
});

describe('generateDemoWorkspace: determinism', () => {
  it('gives deep-equal output for the same seed and now', () => {
    expect(generateDemoWorkspace({ now })).toEqual(ws);
    expect(generateDemoWorkspace({ now: new Date(nowMs), seed: 20261124 })).toEqual(ws);
  });

  it('differs for another seed', () => {
    const other = generateDemoWorkspace({ now, seed: 1 });
    expect(other.reviews.map((r) => r.text)).not.toEqual(ws.reviews.map((r) => r.text));
    expect(other.reviews.map((r) => r.createdAt)).not.toEqual(ws.reviews.map((r) => r.createdAt));
  });

  it('rejects an invalid date', () => {
    expect(() => generateDemoWorkspace({ now: new Date('nope') })).toThrow(RangeError);
  });
});

describe('generateDemoWorkspace: shape', () => {
  it('has one Google source in demo state, synced now', () => {
    expect(ws.sources).toEqual([{ id: 'google', kind: 'google-business', name: 'Google', state: 'demo', lastSyncAt: now.toISOString() }]);
    for (const s of ws.sources) expect(() => Source.parse(s)).not.toThrow();
  });

  it('has three valid locations with store codes, addresses and https links', () => {
    expect(ws.locations.map((l) => l.id)).toEqual(['utrecht', 'gent', 'amsterdam']);
    for (const l of ws.locations) {
      expect(Location.parse(l)).toEqual(l);
      expect(l.source).toBe('google');
      expect(l.name).toMatch(/^Bakkerij Zonnig /);
      expect(l.storeCode).toMatch(/^ZON-[A-Z]{3}-\d\d$/);
      expect(l.address).toMatch(/\d/);
      expect(l.mapsUrl).toMatch(/^https:\/\/maps\.google\.com\/\?cid=\d{19}$/);
      expect(new URL(l.newReviewUrl ?? '').protocol).toBe('https:');
    }
  });

  it('every review passes the zod schema unchanged', () => {
    for (const r of ws.reviews) expect(Review.parse(r)).toEqual(r);
  });

  it('has 260 reviews spread over the locations, with consistent ids', () => {
    expect(ws.reviews).toHaveLength(260);
    const ids = new Set(ws.locations.map((l) => l.id));
    for (const l of ws.locations) expect(ws.reviews.filter((r) => r.locationId === l.id).length).toBeGreaterThan(40);
    for (const r of ws.reviews) {
      expect(ids.has(r.locationId)).toBe(true);
      expect(r.source).toBe('google');
      expect(r.id).toBe(reviewId('google', r.locationId, r.externalId));
      expect(r.schemaVersion).toBe(REVIEW_SCHEMA_VERSION);
      expect(r.labels).toEqual([]);
      expect(r.assignee).toBeNull();
      expect(r.note).toBeNull();
      expect(r.url === null || new URL(r.url).protocol === 'https:').toBe(true);
    }
    expect(new Set(ws.reviews.map((r) => r.id)).size).toBe(260);
  });

  it('honours reviewCount and locationCount', () => {
    const small = generateDemoWorkspace({ now, locationCount: 5, reviewCount: 17 });
    expect(small.locations).toHaveLength(5);
    expect(small.reviews).toHaveLength(17);
    for (const l of small.locations) expect(small.reviews.some((r) => r.locationId === l.id)).toBe(true);
    expect(generateDemoWorkspace({ now, reviewCount: 0 }).reviews).toEqual([]);
  });
});

describe('generateDemoWorkspace: content', () => {
  it('has a believable, skewed rating distribution', () => {
    const check = (reviews: readonly Review[], slack: number): void => {
      const expected: Record<number, number> = { 5: 0.45, 4: 0.22, 3: 0.1, 2: 0.08, 1: 0.15 };
      for (const [stars, p] of Object.entries(expected)) {
        const got = share(reviews, (r) => r.rating === Number(stars));
        expect(got, `${stars} stars`).toBeGreaterThan(p - slack);
        expect(got, `${stars} stars`).toBeLessThan(p + slack);
      }
    };
    check(ws.reviews, 0.07);
    check(big().ws.reviews, 0.015);
    expect(ws.reviews.every((r) => r.rating !== null)).toBe(true);
  });

  it('mixes rating-only, anonymous, translated, Dutch and English reviews', () => {
    const { reviews } = big().ws;
    const between = (pred: (r: Review) => boolean, lo: number, hi: number): void => {
      const got = share(reviews, pred);
      expect(got).toBeGreaterThan(lo);
      expect(got).toBeLessThan(hi);
    };
    between((r) => r.text === null, 0.08, 0.12);
    between((r) => r.anonymous, 0.06, 0.1);
    between((r) => r.translatedText !== null, 0.045, 0.08);
    between((r) => r.language === 'nl', 0.5, 0.75);
    between((r) => r.language === 'en' && r.translatedText === null, 0.12, 0.28);
    for (const pred of [(r: Review) => r.text === null, (r: Review) => r.anonymous, (r: Review) => r.translatedText !== null]) {
      expect(ws.reviews.some(pred)).toBe(true);
    }
  });

  it('keeps rating-only, anonymous and translated reviews consistent', () => {
    const bad = big().ws.reviews.filter(
      (r) =>
        (r.text === null && (r.translatedText !== null || r.language !== null)) ||
        (r.anonymous ? r.author !== 'A Google user' : !/^\p{Lu}[\p{L}-]+ \S/u.test(r.author)) ||
        (r.translatedText !== null && (r.text === r.translatedText || !['de', 'fr', 'en'].includes(r.language ?? ''))),
    );
    expect(bad).toEqual([]);
  });

  it('matches text sentiment to the rating', () => {
    const negative = [...Object.values(TEXTS_NL.neg), ...Object.values(TEXTS_EN.neg)].flat();
    const positive = [...Object.values(TEXTS_NL.pos), ...Object.values(TEXTS_EN.pos)].flat();
    for (const r of big().ws.reviews.slice(0, 20_000)) {
      if (r.text === null || r.translatedText !== null) continue;
      if (r.rating === 5) expect(negative.some((s) => r.text?.includes(s))).toBe(false);
      if (r.rating !== null && r.rating <= 2) expect(positive.some((s) => r.text?.includes(s))).toBe(false);
    }
  });

  it('plants the hostile markup review (low rating, unanswered) and an emoji review', () => {
    const hostile = ws.reviews.filter((r) => r.text === HOSTILE_MARKUP);
    expect(HOSTILE_MARKUP).toBe('<img src=x onerror=alert(1)>');
    expect(hostile).toHaveLength(1);
    expect(hostile[0]?.rating).toBeLessThanOrEqual(2);
    expect(hostile[0]?.status).toBe('unanswered');
    expect(hostile[0]?.reply).toBeNull();
    expect(ws.reviews.some((r) => r.text !== null && /\p{Extended_Pictographic}/u.test(r.text))).toBe(true);
  });
});

describe('generateDemoWorkspace: dates and replies', () => {
  it('places dates in the 18 months before now, createdAt ≤ updatedAt ≤ now', () => {
    const earliest = new Date(now);
    earliest.setUTCMonth(earliest.getUTCMonth() - 18);
    const bad = big().ws.reviews.filter((r) => {
      const created = Date.parse(r.createdAt);
      const updated = Date.parse(r.updatedAt);
      const replied = r.reply === null ? null : Date.parse(r.reply.updatedAt);
      return (
        !r.createdAt.endsWith('Z') ||
        !r.updatedAt.endsWith('Z') ||
        created < earliest.getTime() ||
        created > updated ||
        updated > nowMs ||
        (replied !== null && (replied <= created || replied > nowMs || replied - created > 8 * 86_400_000))
      );
    });
    expect(bad).toEqual([]);
    const recent = share(big().ws.reviews, (r) => nowMs - Date.parse(r.createdAt) < 180 * 86_400_000);
    expect(recent).toBeGreaterThan(0.4); // the last third of the span is denser than average
  });

  it('answers about 55%, older and higher-rated reviews more often', () => {
    const { reviews } = big().ws;
    const answered = (r: Review): boolean => r.reply !== null;
    expect(share(ws.reviews, answered)).toBeGreaterThan(0.45);
    expect(share(ws.reviews, answered)).toBeLessThan(0.65);
    expect(share(reviews, answered)).toBeGreaterThan(0.5);
    expect(share(reviews, answered)).toBeLessThan(0.6);
    const old = reviews.filter((r) => nowMs - Date.parse(r.createdAt) > 120 * 86_400_000);
    const fresh = reviews.filter((r) => nowMs - Date.parse(r.createdAt) < 7 * 86_400_000);
    expect(share(old, answered)).toBeGreaterThan(share(fresh, answered) + 0.2);
    expect(share(reviews.filter((r) => r.rating === 1), answered)).toBeLessThan(share(reviews.filter((r) => r.rating === 5), answered) - 0.15);
    const inconsistent = reviews.filter(
      (r) => r.status !== (r.reply === null ? 'unanswered' : 'answered') || (r.reply !== null && r.reply.state !== 'published'),
    );
    expect(inconsistent).toEqual([]);
  });

  it('writes replies per the webcare rules: name, one apology, a private channel, a signature', () => {
    const problems: string[] = [];
    for (const r of big().ws.reviews.slice(0, 30_000)) {
      if (r.reply === null) continue;
      const text = r.reply.text;
      const lines = text.split('\n');
      const firstName = r.anonymous ? null : (r.author.split(' ')[0] ?? '');
      const fail = (why: string): void => void problems.push(`${why}: ${JSON.stringify(text)}`);
      if (firstName !== null && !(lines[0] ?? '').includes(firstName)) fail('greeting without the name');
      if ((text.match(/\b(sorry|spijt)\b/gi) ?? []).length > 1) fail('more than one apology');
      if (!/^\^[A-Z]{2,3}$|\b[A-Z][a-z]+(-[A-Z][a-z]+)?\b/.test(lines[lines.length - 1] ?? '')) fail('no signature');
      if (r.rating !== null && r.rating <= 2) {
        if (!/@bakkerijzonnig\.(nl|be)|\b0\d{1,3} \d/.test(text)) fail('no private channel');
        if (!/sorry|spijt/i.test(text)) fail('no apology');
      }
      if (r.language === 'nl' && /\b(u|uw)\b|Thank/.test(text)) fail('formal "u" or English in a Dutch reply');
      if (r.language === 'en' && /Dank je|Bedankt/.test(text)) fail('Dutch in an English reply');
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });
});

describe('generateDemoWorkspace: benchmark size', () => {
  // How fast it builds is not a unit test's business (timed tests fail on a loaded machine); the benches use it at this size.
  it('builds 100,000 reviews over 200 locations with unique ids', () => {
    const { ws: b } = big();
    expect(b.locations).toHaveLength(200);
    expect(new Set(b.locations.map((l) => l.id)).size).toBe(200);
    expect(b.reviews).toHaveLength(100_000);
    expect(new Set(b.reviews.map((r) => r.id)).size).toBe(100_000);
    for (const l of b.locations) expect(b.reviews.some((r) => r.locationId === l.id)).toBe(true);
    for (let i = 0; i < b.reviews.length; i += 997) expect(() => Review.parse(b.reviews[i])).not.toThrow();
    for (const l of b.locations.slice(-5)) expect(() => Location.parse(l)).not.toThrow();
  });
});
