import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../shared/demo/generate';
import { createRng, type Rng } from '../../shared/demo/random';
import { Workspace, shardKey } from '../../electron/core/workspace';
import { ReviewStatus, type Rating, type Review } from '../../shared/domain/review';
import { defaultSettings } from '../../shared/domain/settings';
import { isoMs } from '../../shared/reviews/iso-time';
import { replyPolicy } from '../../shared/reviews/reply-targets';
import { searchableText } from '../../shared/reviews/review-filter';
import { queryReviews } from '../oracle/query-reviews';
import { ReviewQuery, type ReviewQueryInput } from '../../shared/reviews/query-schema';
import { ReviewIndex } from '../../shared/reviews/review-index';
import { foldText, tokensOf } from '../../shared/reviews/text-match';
import { Vocabulary } from '../../shared/reviews/vocabulary';
import { WordScanner } from '../../shared/reviews/word-scanner';
import { makeReview } from './helpers';

const LABELS = ['parking', 'staff', 'price', 'Staff', 'wifi'];
const LANGUAGES = ['nl', 'nl-BE', 'EN', 'en-GB', 'de', null];
/** Texts that exercise the folding and word splitting: marks, Greek sigma, astral characters, odd separators. */
const TRICKY = [
  'Café crème, CAFÉ! cafe\u0301 naïef',
  'ΟΔΟΣ.Α and ΟΔΟΣ ΑΣ·Β Σ',
  'Straße STRASSE İstanbul ǅemal Ⅻ ①②',
  'e-mail: info@bakkerij.nl — 06-12345678 “quoted” don’t',
  'Beste 😍🥐 ever 𝒜𝒷𝒸 \ud83d lone \udc00 surrogates',
  '΅a ̈b \u200dzwj\u00adsoft hyphen',
  'ＦＵＬＬ ｗｉｄｔｈ ﬁne ﬂour',
];

/** A few thousand demo reviews with labels, statuses, languages and tricky texts mixed in. */
function corpus(rng: Rng, n: number): Review[] {
  const demo = generateDemoWorkspace({ now: new Date('2026-06-01T00:00:00Z'), seed: 7, locationCount: 6, reviewCount: n });
  return demo.reviews.map((r, i) => mutate(rng, { ...r, source: i % 9 === 0 ? 'play' : r.source, id: i % 9 === 0 ? `play:${r.locationId}:${r.externalId}` : r.id }));
}

function mutate(rng: Rng, r: Review): Review {
  const out: Review = { ...r };
  if (rng.chance(0.5)) out.labels = rng.sample(LABELS, rng.int(0, 2));
  if (rng.chance(0.3)) out.status = rng.pick(ReviewStatus.options);
  if (rng.chance(0.2)) out.language = rng.pick(LANGUAGES);
  if (rng.chance(0.1)) out.rating = rng.chance(0.3) ? null : (rng.int(1, 5) as Rating);
  if (rng.chance(0.08)) out.text = rng.pick(TRICKY);
  if (rng.chance(0.05)) out.reply = rng.chance(0.5) ? null : { text: rng.pick(TRICKY), updatedAt: r.updatedAt, state: 'published' };
  if (rng.chance(0.05)) out.createdAt = new Date(isoMs(r.createdAt) + rng.int(-5, 5) * 86_400_000).toISOString();
  if (rng.chance(0.03)) out.createdAt = out.createdAt.replace(/\.\d{3}Z$/, '+00:00'); // same instant, other form
  return out;
}

/** A search word: part of a real word (with case and accents changed), a tricky one, or two words. */
function searchText(rng: Rng, reviews: readonly Review[]): string {
  const words = searchableText(rng.pick(reviews)).split(/\s+/).filter(Boolean);
  const word = words.length > 0 ? rng.pick(words) : 'koffie';
  const start = rng.int(0, Math.max(0, word.length - 2));
  let part = word.slice(start, start + rng.int(1, 8));
  if (rng.chance(0.3)) part = part.toUpperCase();
  if (rng.chance(0.1)) part = part.replace(/e/g, 'é');
  const pool = [part, `${part} ${rng.pick(['de', 'en', 'croissant', 'ok', 'ΟΔΟΣ'])}`, rng.pick(TRICKY.join(' ').split(' ')), 'zzzq', 'σ', '!', 'don’t'];
  return rng.pick(pool);
}

function randomQuery(rng: Rng, reviews: readonly Review[], withText: boolean): ReviewQueryInput {
  const q: ReviewQueryInput = {};
  const locations = [...new Set(reviews.map((r) => r.locationId))];
  if (rng.chance(0.8)) q.status = rng.pick([...ReviewStatus.options, 'all'] as const);
  if (rng.chance(0.4)) q.ratings = rng.sample([1, 2, 3, 4, 5] as const, rng.int(0, 3));
  if (rng.chance(0.15)) q.source = rng.pick(['google', 'play', 'nowhere']);
  if (rng.chance(0.15)) q.sources = rng.sample(['google', 'play', 'nowhere'], rng.int(0, 2));
  if (rng.chance(0.15)) q.locationId = rng.pick(locations);
  if (rng.chance(0.2)) q.locationIds = rng.sample(locations, rng.int(0, 3));
  if (rng.chance(0.2)) q.labels = rng.sample(LABELS, rng.int(0, 2));
  if (rng.chance(0.15)) q.language = rng.pick(['nl', 'NL-be', 'en', 'de', 'fr']);
  if (withText && rng.chance(0.4)) q.text = searchText(rng, reviews);
  if (rng.chance(0.2)) {
    const a = isoMs(rng.pick(reviews).createdAt), b = isoMs(rng.pick(reviews).createdAt);
    if (rng.chance(0.7)) q.from = new Date(Math.min(a, b)).toISOString();
    if (rng.chance(0.7)) q.to = new Date(Math.max(a, b)).toISOString();
  }
  if (rng.chance(0.3)) q.view = rng.pick(['unanswered', 'drafts', 'outbox', 'answered', 'all'] as const);
  if (rng.chance(0.2)) q.overdue = true;
  if (rng.chance(0.5)) q.now = new Date(isoMs(rng.pick(reviews).createdAt) + rng.int(0, 96) * 3_600_000).toISOString();
  q.sort = rng.pick(['priority', 'newest', 'oldest', 'highest'] as const);
  q.offset = rng.chance(0.5) ? 0 : rng.int(0, 400);
  q.limit = rng.int(1, 120);
  return q;
}

const summary = (page: ReturnType<typeof queryReviews>) => ({ ...page, items: page.items.map((r) => r.id) });

describe('ReviewIndex', () => {
  it('answers random queries exactly like the reference, through random upserts and removals', () => {
    const rng = createRng(Number(process.env.KALM_PROPERTY_SEED ?? 20261124));
    const all = corpus(rng, 3000);
    const truth = new Map(all.map((r) => [r.id, r]));
    const index = new ReviewIndex(all);
    index.prepareSearch(1200); // part of the word index now; the rest when the first text query comes (after round 100)
    const NOW = Date.parse('2026-05-20T00:00:00Z');
    let marks = { drafts: new Set<string>(), outbox: new Set<string>() };
    const check = (round: number) => {
      if (rng.chance(0.05)) {
        // Drafts and outbox items come and go (also for ids the index does not hold).
        marks = { drafts: new Set(rng.sample(all, rng.int(0, 40)).map((r) => r.id).concat('nobody')), outbox: new Set(rng.sample(all, rng.int(0, 40)).map((r) => r.id)) };
        index.setMarks(marks);
      }
      const input = randomQuery(rng, all, round >= 100);
      const q = ReviewQuery.parse(input);
      const expected = summary(queryReviews([...truth.values()], q, undefined, { marks, now: NOW }));
      expect(summary(index.query(q, NOW)), `round ${round}: ${JSON.stringify(input)}`).toEqual(expected);
    };
    for (let round = 0; round < 800; round++) {
      if (rng.chance(0.03)) {
        // A sync-sized batch, merged into the orders in one pass; some reviews twice, some new.
        const batch = Array.from({ length: rng.int(64, 150) }, (_, i) => {
          const base = truth.get(rng.pick(all).id) ?? rng.pick(all);
          return rng.chance(0.2) ? mutate(rng, { ...base, id: `${base.id}-b${round}-${i}`, externalId: `b${round}-${i}` }) : mutate(rng, base);
        });
        index.upsertMany(batch);
        for (const r of batch) truth.set(r.id, r);
      }
      for (let u = rng.int(0, 3); u > 0; u--) {
        const existing = rng.pick(all);
        const roll = rng.next();
        if (roll < 0.05) {
          index.remove(existing.id);
          truth.delete(existing.id);
        } else if (roll < 0.15) {
          const fresh = mutate(rng, { ...existing, id: `${existing.id}-n${round}-${u}`, externalId: `n${round}-${u}` });
          index.upsert(fresh);
          truth.set(fresh.id, fresh);
        } else {
          const next = mutate(rng, truth.get(existing.id) ?? existing);
          index.upsert(next);
          truth.set(next.id, next);
        }
      }
      check(round);
    }
    expect(index.size).toBe(truth.size);
  });

  it("judges overdue with the owner's targets and business hours exactly like the reference", () => {
    const rng = createRng(Number(process.env.KALM_PROPERTY_SEED ?? 20261125));
    const all = corpus(rng, 2000);
    const index = new ReviewIndex(all);
    const base = defaultSettings();
    const NOW = Date.parse('2026-05-20T00:00:00Z');
    for (let round = 0; round < 150; round++) {
      const open = { open: '08:30', close: rng.pick(['12:00', '17:00', '21:45']) };
      const policy = replyPolicy({
        replyTargetHours: { google: rng.pick([2, 24, 40]), play: rng.pick([1, 48]), import: 72 },
        businessHours: { enabled: rng.chance(0.8), timeZone: rng.pick(['Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo']), days: base.businessHours.days.map((d) => (d === null ? null : rng.chance(0.8) ? open : null)) },
      });
      const input = { ...randomQuery(rng, all, false), ...(rng.chance(0.5) ? { overdue: true } : {}) };
      const q = ReviewQuery.parse(input);
      const expected = summary(queryReviews(all, q, undefined, { now: NOW, policy }));
      expect(summary(index.query(q, NOW, policy)), `round ${round}: ${JSON.stringify(input)}`).toEqual(expected);
    }
  });

  it('keeps the reviews of each source location and moves a review when its sort keys change', () => {
    const a = makeReview({ externalId: 'a', rating: 5, createdAt: '2026-01-01T00:00:00.000Z' });
    const b = makeReview({ externalId: 'b', rating: 4, createdAt: '2026-01-02T00:00:00.000Z', locationId: 'gent' });
    const index = new ReviewIndex([a, b, { ...a, rating: 3 }]);
    expect(index.size).toBe(2);
    expect(index.get(a.id)?.rating).toBe(3);
    expect(index.places()).toEqual([{ source: 'google', locationId: 'utrecht' }, { source: 'google', locationId: 'gent' }]);
    const ids = (q: ReviewQueryInput) => index.query(ReviewQuery.parse(q)).items.map((r) => r.externalId);
    expect(ids({})).toEqual(['a', 'b']);
    index.upsert({ ...a, rating: 5 });
    expect(ids({})).toEqual(['b', 'a']);
    index.upsert({ ...b, createdAt: '2025-12-01T00:00:00.000Z', status: 'answered' });
    expect(ids({ status: 'all', sort: 'oldest' })).toEqual(['b', 'a']);
    expect(ids({})).toEqual(['a']);
    expect(index.remove(a.id)?.externalId).toBe('a');
    expect(index.remove(a.id)).toBeUndefined();
    expect(index.reviewsAt('google', 'utrecht')).toEqual([]);
    expect(index.reviewsAt('google', 'gent').map((r) => r.externalId)).toEqual(['b']);
    expect(index.reviewsAt('nowhere', 'gent')).toEqual([]);
  });

  it('finds new words after an upsert and forgets replaced ones', () => {
    const a = makeReview({ externalId: 'a', text: 'Heerlijke appeltaart' });
    const index = new ReviewIndex([a]);
    const hits = (text: string) => index.query(ReviewQuery.parse({ text })).total;
    expect(hits('taart')).toBe(1);
    index.upsert({ ...a, text: 'Koude koffie' });
    expect([hits('taart'), hits('KOFFIE'), hits('koude koff')]).toEqual([0, 1, 1]);
    index.upsert({ ...a, text: 'Koude koffie', labels: ['x'], reply: { text: 'Sorry, José', updatedAt: a.createdAt, state: 'published' } });
    expect([hits('jose'), hits('sorry,'), hits('sorry;')]).toEqual([1, 1, 0]);
  });
});

describe('Workspace', () => {
  const a = makeReview({ externalId: 'a', rating: 1 });
  const b = makeReview({ externalId: 'b', rating: 2, locationId: 'gent' });
  const c = makeReview({ externalId: 'c', rating: 3, source: 'play', locationId: 'app' });

  it('answers queries from its index and says which shards an update touches', () => {
    const ws = new Workspace();
    ws.replace([], [], [a, b]);
    expect(ws.size).toBe(2);
    expect(ws.upsert({ ...a, status: 'answered' })).toEqual([shardKey('google', 'utrecht')]);
    expect(ws.query(ReviewQuery.parse({})).items.map((r) => r.externalId)).toEqual(['b']);
    expect(ws.upsertMany([{ ...a, note: 'x' }, c, { ...c, rating: 5 }])).toEqual([shardKey('google', 'utrecht'), shardKey('play', 'app')]);
    expect(ws.get(c.id)?.rating).toBe(5);
    expect(ws.query(ReviewQuery.parse({ status: 'all', text: 'prima' })).total).toBe(3);
    expect([...ws.shards().keys()]).toEqual([shardKey('google', 'utrecht'), shardKey('google', 'gent'), shardKey('play', 'app')]);
    expect(ws.shard(shardKey('play', 'app')).reviews.map((r) => r.rating)).toEqual([5]);
    expect(ws.remove(b.id)).toEqual([shardKey('google', 'gent')]);
    expect(ws.remove(b.id)).toEqual([]);
    expect(ws.shard(shardKey('google', 'gent'))).toEqual({ source: 'google', locationId: 'gent', reviews: [] });
    expect(ws.shards().has(shardKey('google', 'gent'))).toBe(false);
    expect(ws.stats({}).overall.count).toBe(2);
  });
});

describe('word scanning', () => {
  it('finds the same words as folding the whole text and splitting it', () => {
    const vocabulary = new Vocabulary();
    const scanner = new WordScanner(vocabulary);
    for (const text of [...TRICKY, TRICKY.join('\n'), '', 'ΑΣ.Α', 'a\u0301\u0323b']) {
      for (let pass = 0; pass < 2; pass++) {
        const words: string[] = [];
        scanner.scan(text, (id) => words.push(vocabulary.words[id] ?? '?'));
        // Each word at least once: a text that needs the plain path is scanned again from the start.
        expect(new Set(words), text).toEqual(new Set(tokensOf(foldText(text))));
      }
    }
  });

  it('looks up words inside vocabulary words, also with a large vocabulary', () => {
    const v = new Vocabulary();
    for (const w of ['croissant', 'croissants', 'roomboter', 'de', 'ode', 'boterham']) v.id(w);
    const words = (needle: string) => v.containing(needle).map((id) => v.words[id]);
    expect(words('croissant')).toEqual(['croissant', 'croissants']);
    expect(words('boter')).toEqual(['roomboter', 'boterham']);
    expect(words('de')).toEqual(['de', 'ode']);
    expect(words('xyz')).toEqual([]);
  });
});

describe('isoMs', () => {
  it('equals Date.parse', () => {
    const rng = createRng(3);
    for (let i = 0; i < 2000; i++) {
      const iso = new Date(rng.int(-2e12, 4e12)).toISOString();
      expect(isoMs(iso)).toBe(Date.parse(iso));
      expect(isoMs(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(Date.parse(iso.replace(/\.\d{3}Z$/, 'Z')));
    }
    for (const s of ['2026-02-29T00:00:00.000Z', '2024-02-29T23:59:59.999Z', '2026-03-01T09:30:00+02:00', '2026-13-01T00:00:00.000Z', 'x']) {
      expect(isoMs(s)).toEqual(Date.parse(s));
    }
  });
});
