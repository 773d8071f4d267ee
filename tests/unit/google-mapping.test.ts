import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Location } from '../../shared/domain/location';
import { Review, type Review as ReviewT } from '../../shared/domain/review';
import { formatAddress, mapGoogleLocation } from '../../shared/google/map-location';
import { mapGoogleReview, mapStarRating } from '../../shared/google/map-review';
import { locationIdOf, parseReviewName, v4ParentOf } from '../../shared/google/names';
import { LocationDelta } from '../../shared/google/reconcile';
import {
  GbpAccountList, GbpBatchReviews, GbpEmpty, GbpLocationList, GbpReview, GbpReviewList, GbpReviewReply, GoogleErrorEnvelope,
  type GbpReview as GbpReviewT,
} from '../../shared/google/schemas';
import { compareTimes, EMPTY_HIGH_WATER, shiftSeconds, timeKey, toIso } from '../../shared/google/time';
import { splitTranslation } from '../../shared/google/translation';
import { toGoogleError } from '../../electron/core/google-api/errors';
import { GoogleHttpError } from '../../electron/core/google-api/http';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/google/${name}.json`, import.meta.url), 'utf8'));

const page1 = GbpReviewList.parse(fixture('gbp-v4-reviews-list'));
const page2 = GbpReviewList.parse(fixture('gbp-v4-reviews-list-last-page'));
const all = [...(page1.reviews ?? []), ...(page2.reviews ?? [])];
const raw = (suffix: string): GbpReviewT => {
  const r = all.find((x) => x.reviewId?.endsWith(suffix));
  if (!r) throw new Error(`no fixture review ${suffix}`);
  return r;
};
const mapped = (suffix: string, existing?: ReviewT) => mapGoogleReview(raw(suffix), existing);
const UTRECHT = '4452901837465529101';

describe('Google schemas', () => {
  it('accept every example response, unknown fields included', () => {
    expect(page1.reviews).toHaveLength(7);
    expect(page1.nextPageToken).toBeTruthy();
    expect(page2.nextPageToken).toBeUndefined();
    expect(GbpReview.parse(fixture('gbp-v4-review-get')).reviewId).toBe('AbFvOqkEXAMPLE3pieterEdited');
    expect(GbpBatchReviews.parse(fixture('gbp-v4-batch-get-reviews')).locationReviews).toHaveLength(4);
    expect(GbpReviewReply.parse(fixture('gbp-v4-reply-put-response')).updateTime).toBe('2026-11-23T07:41:18.512Z');
    expect(GbpEmpty.safeParse(fixture('gbp-v4-reply-delete-response')).success).toBe(true);
    expect(GbpAccountList.parse(fixture('gbp-v1-accounts-list')).accounts?.[0]?.type).toBe('PERSONAL');
    expect(GbpLocationList.parse(fixture('gbp-v1-locations-list')).locations).toHaveLength(2);
    for (const e of ['error-401-unauthenticated', 'error-403-service-disabled', 'error-404-review-not-found', 'error-429-quota-zero', 'error-503-unavailable']) {
      expect(GoogleErrorEnvelope.safeParse(fixture(e)).success, e).toBe(true);
    }
    const extra = { ...raw('OneStar'), reviewMediaItems: [{ x: 1 }], reviewReplyUrl: 'https://example.test' };
    expect(GbpReview.safeParse(extra).success).toBe(true);
  });

  it('reject what Kalm cannot use', () => {
    expect(GbpReview.safeParse({ ...raw('OneStar'), updateTime: 'yesterday' }).success).toBe(false);
    expect(GbpReview.safeParse({ ...raw('OneStar'), name: 'reviews/x' }).success).toBe(false);
    expect(GbpReviewList.safeParse({ reviews: 'nope' }).success).toBe(false);
    expect(GbpReviewList.safeParse('{"reviews": [{"name": "accounts/1').success).toBe(false);
  });
});

describe('mapping a v4 review', () => {
  it('gives a valid domain review with Kalm ids and ISO times', () => {
    for (const g of all) expect(Review.safeParse(mapGoogleReview(g).review).success, g.reviewId).toBe(true);
    const { review } = mapped('OneStar');
    expect(review).toMatchObject({
      id: `google:${UTRECHT}:AbFvOqkEXAMPLE1sanneOneStar`, source: 'google', locationId: UTRECHT,
      externalId: 'AbFvOqkEXAMPLE1sanneOneStar', rating: 1, author: 'Sanne Vermeulen', anonymous: false,
      createdAt: '2026-11-20T07:58:02.106Z', updatedAt: '2026-11-20T07:58:02.106Z', reply: null, status: 'unanswered',
      labels: [], assignee: null, note: null, language: 'nl', translatedText: null,
    });
    expect(review.text).toBe(raw('OneStar').comment);
    expect(mapped('LayoutA').review.createdAt).toBe('2026-11-09T16:47:10.734Z'); // 6 digits cut to 3
    expect(mapped('Replied').review.createdAt).toBe('2026-10-28T12:30:00.000Z');
  });

  it('maps starRating to 1–5 and unspecified or unknown to null', () => {
    expect(['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'].map(mapStarRating)).toEqual([1, 2, 3, 4, 5]);
    expect(mapStarRating('STAR_RATING_UNSPECIFIED')).toBeNull();
    expect(mapStarRating('SIX')).toBeNull();
    expect(mapStarRating(undefined)).toBeNull();
    expect(mapped('Edited').review.rating).toBe(2);
    expect(mapGoogleReview({ ...raw('OneStar'), starRating: 'STAR_RATING_UNSPECIFIED' }).review.rating).toBeNull();
  });

  it('splits translation layout A', () => {
    const { review } = mapped('LayoutA');
    expect(review.text).toBe('Heerlijk zuurdesembrood en vriendelijke bediening. We komen elke week terug.');
    expect(review.translatedText).toBe('Delicious sourdough bread and friendly service. We come back every week.');
    // Detected from the original, never from Google's translation.
    expect(review.language).toBe('nl');
  });

  it('splits translation layout B', () => {
    const { review } = mapped('LayoutB');
    expect(review.text).toBe('Best cinnamon buns in Utrecht, and the staff switched to English for us without blinking.');
    expect(review.translatedText).toBe('De beste kaneelbroodjes van Utrecht, en het personeel schakelde zonder aarzelen voor ons over op Engels.');
  });

  it('leaves a comment without a translation whole', () => {
    expect(splitTranslation('Lekker.\n\nEcht waar.')).toEqual({ original: 'Lekker.\n\nEcht waar.', translated: null, layout: null });
    const inline = 'I read "(Translated by Google)" on another review (Original) idea';
    expect(splitTranslation(inline)).toEqual({ original: inline, translated: null, layout: null });
    expect(splitTranslation('')).toEqual({ original: '', translated: null, layout: null });
  });

  it('marks anonymous reviewers', () => {
    expect(mapped('anonThreeStar').review).toMatchObject({ anonymous: true, author: '', rating: 3 });
    const named = mapGoogleReview({ ...raw('anonThreeStar'), reviewer: { isAnonymous: true, displayName: 'A Google User' } });
    expect(named.review).toMatchObject({ anonymous: true, author: 'A Google User' });
  });

  it('keeps rating-only reviews without text', () => {
    expect(mapped('RatingOnly').review).toMatchObject({ text: null, translatedText: null, rating: 5 });
  });

  it('answered reviews are answered; edited after the reply goes back to the inbox with the reply kept', () => {
    const ok = mapped('Replied');
    expect(ok.staleReply).toBe(false);
    expect(ok.review.status).toBe('answered');
    expect(ok.review.reply).toEqual({
      text: 'Thank you, Oliver! We are glad the stroopwafels made your walk even better. Hope to see you again.',
      updatedAt: '2026-10-28T15:02:41.120Z', state: 'published',
    });
    const stale = mapped('Edited');
    expect(stale.staleReply).toBe(true);
    expect(stale.review.status).toBe('unanswered');
    expect(stale.review.reply?.text).toBe('Dank je wel, Pieter! Fijn dat ons brood je zo goed smaakt.');
    expect(stale.review.updatedAt).toBe('2026-11-21T19:03:27.915Z');
  });

  it('keeps only the original part of a reply that Google translated', () => {
    const reply = { comment: 'Bedankt, Emily!\n\n(Translated by Google)\nThank you, Emily!', updateTime: '2026-11-19T08:00:00Z' };
    const { review } = mapGoogleReview({ ...raw('LayoutB'), reviewReply: reply });
    expect(review.reply?.text).toBe('Bedankt, Emily!');
    expect(review.status).toBe('answered');
  });

  it('stores hostile markup and emoji byte for byte', () => {
    const hostile = mapped('hostileMarkup').review;
    expect(hostile.text).toBe('Great cakes <img src=x onerror="alert(1)"> & <script>alert("review")</script> — tags must stay plain text.');
    expect(hostile.author).toBe('<b>Mr. Markup</b>');
    expect(mapped('Emoji').review.text).toBe(raw('Emoji').comment);
    const padded = mapGoogleReview({ ...raw('OneStar'), comment: '  spaces kept \n\n' }).review;
    expect(padded.text).toBe('  spaces kept \n\n');
  });

  it("keeps Kalm's own fields and local work from the existing review", () => {
    const base = mapped('OneStar').review;
    const local: ReviewT = { ...base, labels: ['taart'], assignee: 'Marieke', note: 'bellen', status: 'drafted', language: 'nl' };
    const again = mapped('OneStar', local).review;
    expect(again).toMatchObject({ labels: ['taart'], assignee: 'Marieke', note: 'bellen', status: 'drafted', language: 'nl' });
    for (const status of ['queued', 'conflict'] as const) expect(mapped('OneStar', { ...local, status }).review.status).toBe(status);
    // Google shows a current reply: answered wins over local work.
    expect(mapped('Replied', { ...mapped('Replied').review, status: 'queued' }).review.status).toBe('answered');
    // A stale reply does not count as answered: local work stays.
    expect(mapped('Edited', { ...mapped('Edited').review, status: 'drafted' }).review.status).toBe('drafted');
    // Reply removed elsewhere: back to unanswered.
    const noReply = { ...raw('Replied') };
    delete noReply.reviewReply;
    expect(mapGoogleReview(noReply, mapped('Replied').review).review).toMatchObject({ status: 'unanswered', reply: null });
    // A deleted review that comes back is live again.
    expect(mapped('OneStar', { ...base, status: 'deleted' }).review.status).toBe('unanswered');
    // A text change detects the language again (a local one belonged to the old text).
    expect(mapGoogleReview({ ...raw('OneStar'), comment: 'The bread was stale and nobody answered the phone.' }, { ...local, language: 'nl' }).review.language).toBe('en');
    // A rating without text has no language.
    expect(mapGoogleReview({ ...raw('OneStar'), comment: undefined }).review.language).toBeNull();
  });
});

describe('times', () => {
  it('compare at full precision whatever the number of digits', () => {
    expect(compareTimes('2026-11-09T16:47:10Z', '2026-11-09T16:47:10.5Z')).toBe(-1);
    expect(compareTimes('2026-11-09T16:47:10.500Z', '2026-11-09T16:47:10.5Z')).toBe(0);
    expect(compareTimes('2026-11-09T16:47:10.734012Z', '2026-11-09T16:47:10.734Z')).toBe(1);
    expect(timeKey('2026-11-09T18:47:10.1+02:00')).toBe('2026-11-09T16:47:10.100000000Z');
    expect(toIso('2026-11-09T16:47:10.734012345Z')).toBe('2026-11-09T16:47:10.734Z');
    expect(shiftSeconds('2026-01-01T00:02:00.123456Z', -300)).toBe('2025-12-31T23:57:00.123456000Z');
    expect(() => timeKey('nope')).toThrow();
  });
});

describe('locations and names', () => {
  it('maps a v1 location to a Kalm location', () => {
    const [utrecht] = GbpLocationList.parse(fixture('gbp-v1-locations-list')).locations ?? [];
    const loc = mapGoogleLocation(utrecht!);
    expect(Location.safeParse(loc).success).toBe(true);
    expect(loc).toEqual({
      id: UTRECHT, source: 'google', name: 'Bakkerij De Zonnebloem – Oudegracht', storeCode: 'ZB-UTR-01',
      address: 'Oudegracht 112, 3511 AZ Utrecht', mapsUrl: 'https://maps.google.com/maps?cid=1234567890123456781',
      newReviewUrl: 'https://search.google.com/local/writereview?placeid=ChIJEXAMPLE_zonnebloem_utr',
    });
    expect(mapGoogleLocation({ name: 'locations/9' })).toMatchObject({ id: '9', name: '', storeCode: null, address: null, mapsUrl: null });
    expect(formatAddress({ locality: 'Utrecht' })).toBe('Utrecht');
    expect(formatAddress({ addressLines: [] })).toBeNull();
  });

  it('turns v1 names into v4 parents and back', () => {
    expect(v4ParentOf('accounts/1', 'locations/2')).toBe('accounts/1/locations/2');
    expect(locationIdOf('locations/2')).toBe('2');
    expect(locationIdOf('accounts/1/locations/2')).toBe('2');
    expect(locationIdOf('accounts/1')).toBeNull();
    expect(parseReviewName('accounts/1/locations/2/reviews/3')).toEqual({ v4Parent: 'accounts/1/locations/2', locationId: '2', reviewId: '3' });
    expect(parseReviewName('accounts/1/locations/2')).toBeNull();
  });
});

describe('reconciling one location', () => {
  it('dedupes by review id, keeps the newer version, counts and flags', () => {
    const delta = new LocationDelta(UTRECHT, [], null);
    const older = { ...raw('OneStar'), comment: 'old', updateTime: '2026-11-01T00:00:00Z' };
    delta.add(raw('OneStar'));
    delta.add(older); // seen again on a later page, older version: ignored
    delta.add(raw('Edited'));
    const out = delta.finish(false);
    expect(out.counts).toEqual({ fetched: 2, new: 2, updated: 0, deleted: 0, flagged: 1 });
    expect(out.reviews.find((r) => r.externalId.endsWith('OneStar'))?.text).toBe(raw('OneStar').comment);
    expect(out.flagged).toEqual([`google:${UTRECHT}:AbFvOqkEXAMPLE3pieterEdited`]);
    expect(out.highWater).toBe('2026-11-21T19:03:27.915000000Z');
  });

  it('leaves unchanged reviews out and marks missing ones deleted only after a complete listing', () => {
    const local = all.map((g) => mapGoogleReview(g).review);
    const partial = new LocationDelta(UTRECHT, local, '2026-11-21T19:03:27.915Z');
    partial.add(raw('OneStar'));
    expect(partial.finish(false)).toMatchObject({ reviews: [], counts: { fetched: 1, new: 0, updated: 0, deleted: 0 } });

    const full = new LocationDelta(UTRECHT, local, null);
    for (const g of all) if (!g.reviewId?.endsWith('Emoji')) full.add(g);
    const out = full.finish(true);
    expect(out.counts.deleted).toBe(1);
    expect(out.reviews).toEqual([{ ...local.find((r) => r.externalId.endsWith('Emoji')), status: 'deleted' }]);

    const again = new LocationDelta(UTRECHT, out.reviews, null).finish(true);
    expect(again.reviews).toEqual([]); // already marked deleted
    expect(again.highWater).toBe(EMPTY_HIGH_WATER);
  });
});

describe("Google's errors as messages for the owner", () => {
  const err = (status: number, name: string | null, retryAfter: number | null = null) =>
    toGoogleError(new GoogleHttpError(`HTTP ${status}`, status, name ? fixture(name) : null, retryAfter), 'the reviews of Oudegracht');

  it('explains quota 0, disabled APIs, sign-in, permission, missing and outages', () => {
    const quota = err(429, 'error-429-quota-zero');
    expect(quota).toMatchObject({ code: 'forbidden', problem: 'quota_zero', retryable: false });
    expect(quota.message).toMatch(/has not approved Business Profile API access .*quota 0.*Basic API Access/);
    const disabled = err(403, 'error-403-service-disabled');
    expect(disabled).toMatchObject({ code: 'forbidden', problem: 'service_disabled' });
    expect(disabled.message).toContain('Enable the My Business Account Management API in Google Cloud');
    expect(err(401, 'error-401-unauthenticated')).toMatchObject({ problem: 'auth', message: expect.stringMatching(/Reconnect Google/) });
    expect(err(403, null)).toMatchObject({ code: 'forbidden', problem: 'permission', message: expect.stringMatching(/no permission for the reviews of Oudegracht/) });
    expect(err(404, 'error-404-review-not-found')).toMatchObject({ code: 'not_found', problem: 'not_found' });
    expect(err(503, 'error-503-unavailable')).toMatchObject({ problem: 'unavailable', retryable: true, message: expect.stringMatching(/Google is not answering right now; Kalm will try again/) });
    expect(err(0, null)).toMatchObject({ problem: 'unavailable', retryable: true });
    expect(err(400, null)).toMatchObject({ problem: 'rejected', code: 'internal' });
    const grant = toGoogleError(new GoogleHttpError('x', 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, null), 'x');
    expect(grant.problem).toBe('auth');
  });

  it('never repeats a token from Google into a message', () => {
    const body = { error: { code: 400, message: 'Bad token ya29.a0AfB_secretSECRETsecret and refresh 1//09abcdefSECRET', status: 'INVALID_ARGUMENT' } };
    const e = toGoogleError(new GoogleHttpError('x', 400, body, null), 'x');
    expect(e.message).not.toMatch(/SECRET/i);
  });
});
