import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Auth, google } from 'googleapis';
import {
  FIXTURE_ACCOUNT, FIXTURE_AMERSFOORT, FIXTURE_UTRECHT, PLAY_SCOPE, fetchHttp, s256, seedCustom, startGoogleEmulator,
  type GoogleEmulator, type Review,
} from '../emulator';

const REDIRECT = 'http://127.0.0.1:47123';
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const PIETER = `${FIXTURE_UTRECHT}/reviews/AbFvOqkEXAMPLE3pieterEdited`;
const SANNE = `${FIXTURE_UTRECHT}/reviews/AbFvOqkEXAMPLE1sanneOneStar`;

let emu: GoogleEmulator;
beforeEach(async () => { emu = await startGoogleEmulator(); });
afterEach(async () => { await emu.close(); });

/** Walks the consent redirect; returns the redirect target's query. */
async function authorize(over: Record<string, string> = {}): Promise<{ status: number; q: URLSearchParams; verifier: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(emu.authUrl);
  const params = { client_id: emu.clientId, redirect_uri: REDIRECT, response_type: 'code', scope: 'https://www.googleapis.com/auth/business.manage',
    state: 'st-1', code_challenge: s256(verifier), code_challenge_method: 'S256', access_type: 'offline', prompt: 'consent', ...over };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  return { status: res.status, q: location ? new URL(location).searchParams : new URLSearchParams(), verifier };
}

async function exchange(code: string, verifier: string, over: Record<string, string> = {}) {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT,
    client_id: emu.clientId, client_secret: emu.clientSecret, ...over });
  const res = await fetch(emu.tokenUrl, { method: 'POST', headers: form, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function refresh(refreshToken: string) {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: emu.clientId, client_secret: emu.clientSecret });
  const res = await fetch(emu.tokenUrl, { method: 'POST', headers: form, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function api<T = Record<string, unknown>>(path: string, token?: string, init: RequestInit = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${emu.origin}${path}`, { ...init, headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

const bearer = (): string => emu.tokens.issueFor().access_token;
const listPath = (loc: string, qs = ''): string => `/v4/${loc}/reviews${qs}`;

describe('OAuth', () => {
  it('runs the PKCE dance: state echoed, token like Google, code single-use', async () => {
    const { status, q, verifier } = await authorize();
    expect(status).toBe(302);
    expect(q.get('state')).toBe('st-1');
    const code = q.get('code')!;
    const ok = await exchange(code, verifier);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ expires_in: 3599, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/business.manage' });
    expect(typeof ok.body.access_token).toBe('string');
    expect(typeof ok.body.refresh_token).toBe('string');
    expect((await api('/v1/accounts', String(ok.body.access_token))).status).toBe(200);
    expect(await exchange(code, verifier)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a wrong verifier, a changed redirect_uri and a wrong secret', async () => {
    const a = await authorize();
    expect(await exchange(a.q.get('code')!, 'x'.repeat(43))).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const b = await authorize();
    expect((await exchange(b.q.get('code')!, b.verifier, { redirect_uri: 'http://127.0.0.1:1' })).body.error).toBe('redirect_uri_mismatch');
    const c = await authorize();
    expect(await exchange(c.q.get('code')!, c.verifier, { client_secret: 'nope' })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('refuses bad authorize requests and honours consent deny', async () => {
    expect((await authorize({ client_id: 'other' })).status).toBe(401);
    expect((await authorize({ redirect_uri: 'https://evil.example/cb' })).status).toBe(400);
    expect((await authorize({ redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' })).status).toBe(400);
    expect((await authorize({ code_challenge_method: 'plain' })).status).toBe(400);
    expect((await authorize({ redirect_uri: 'http://localhost:5000' })).status).toBe(302);
    emu.setConsent('deny');
    const denied = await authorize();
    expect([denied.q.get('error'), denied.q.get('state'), denied.q.get('code')]).toEqual(['access_denied', 'st-1', null]);
  });

  it('refreshes without a new refresh token; revoked → invalid_grant exactly like Google', async () => {
    const { refresh_token, access_token } = emu.tokens.issueFor();
    const r = await refresh(refresh_token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ expires_in: 3599, token_type: 'Bearer' });
    expect(r.body).not.toHaveProperty('refresh_token');
    emu.tokens.revokeAll();
    expect(await refresh(refresh_token)).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } });
    expect((await refresh('1//unknown')).status).toBe(400);
    expect((await api('/v1/accounts', access_token)).status).toBe(401);
  });

  it('works with google-auth-library and the generated v1 clients', async () => {
    const client = new Auth.OAuth2Client({ clientId: emu.clientId, clientSecret: emu.clientSecret,
      endpoints: { oauth2AuthBaseUrl: emu.authUrl, oauth2TokenUrl: emu.tokenUrl } });
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const url = client.generateAuthUrl({ access_type: 'offline', prompt: 'consent', scope: ['https://www.googleapis.com/auth/business.manage', PLAY_SCOPE],
      state: 's', redirect_uri: REDIRECT, code_challenge: codeChallenge, code_challenge_method: Auth.CodeChallengeMethod.S256 });
    const code = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code')!;
    client.setCredentials((await client.getToken({ code, codeVerifier, redirect_uri: REDIRECT })).tokens);
    const info = google.mybusinessbusinessinformation({ version: 'v1', auth: client, rootUrl: `${emu.origin}/` });
    const res = await info.accounts.locations.list({ parent: FIXTURE_ACCOUNT, readMask: 'name,title' });
    expect(res.data.locations?.map((l) => Object.keys(l))).toEqual([['name', 'title'], ['name', 'title']]);
  });
});

describe('API auth', () => {
  it('answers 401 without or with an expired token, 403 for foreign locations or a missing scope', async () => {
    const none = await api('/v1/accounts');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
    const token = bearer();
    emu.tokens.expireAll();
    expect((await api(listPath(FIXTURE_UTRECHT), token)).body).toEqual({ error: { code: 401, status: 'UNAUTHENTICATED',
      message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.' } });
    const fresh = bearer();
    expect((await api(listPath('accounts/999/locations/1'), fresh)).body).toMatchObject({ error: { code: 403, status: 'PERMISSION_DENIED' } });
    expect((await api(`/v1/accounts/999/locations?readMask=name`, fresh)).status).toBe(403);
    const playOnly = emu.tokens.issueFor(PLAY_SCOPE).access_token;
    expect((await api('/v1/accounts', playOnly)).status).toBe(403);
    expect(JSON.stringify(emu.requests)).not.toContain(fresh);
    expect(emu.requests.filter((r) => r.authorized).length).toBe(3);
  });
});

describe('v1 accounts and locations', () => {
  it('lists accounts personal first and locations by readMask (required)', async () => {
    const t = bearer();
    const accounts = await api<{ accounts: { type: string; name: string }[] }>('/v1/accounts', t);
    expect(accounts.body.accounts.map((a) => a.type)).toEqual(['PERSONAL', 'LOCATION_GROUP']);
    const missing = await api(`/v1/${FIXTURE_ACCOUNT}/locations`, t);
    expect(missing.body).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
    const mask = 'name,title,storeCode,storefrontAddress,metadata';
    const full = await api<{ locations: Record<string, unknown>[] }>(`/v1/${FIXTURE_ACCOUNT}/locations?readMask=${mask}`, t);
    expect(full.body.locations[0]).toMatchObject({ name: 'locations/4452901837465529101', storeCode: 'ZB-UTR-01',
      metadata: { placeId: 'ChIJEXAMPLE_zonnebloem_utr' }, storefrontAddress: { locality: 'Utrecht' } });
    const paged = await api<{ locations: unknown[]; nextPageToken?: string }>(`/v1/${FIXTURE_ACCOUNT}/locations?readMask=title&pageSize=1`, t);
    expect(paged.body.locations).toEqual([{ title: 'Bakkerij De Zonnebloem – Oudegracht' }]);
    expect(paged.body.nextPageToken).toBeTruthy();
    expect(await api(`/v1/${accounts.body.accounts[0]!.name}/locations?readMask=name`, t)).toMatchObject({ status: 200, body: {} });
  });
});

describe('v4 reviews', () => {
  it('serves the fixtures: string stars, rating-only without comment, anonymous without photo, both layouts', async () => {
    const res = await api<{ reviews: Review[]; averageRating: number; totalReviewCount: number; nextPageToken?: string }>(listPath(FIXTURE_UTRECHT), bearer());
    const { reviews, averageRating, totalReviewCount } = res.body;
    expect([averageRating, totalReviewCount, res.body.nextPageToken]).toEqual([4, 9, undefined]);
    expect(reviews[0]!.name).toBe(PIETER);
    expect(reviews.every((r) => ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'].includes(r.starRating))).toBe(true);
    expect(reviews.find((r) => r.reviewId.includes('RatingOnly'))).not.toHaveProperty('comment');
    expect(reviews.find((r) => r.reviewer.isAnonymous)!.reviewer).toEqual({ isAnonymous: true });
    expect(reviews.some((r) => r.comment?.startsWith('(Translated by Google) '))).toBe(true);
    expect(reviews.some((r) => r.comment?.includes('\n\n(Translated by Google)\n'))).toBe(true);
    const encoded = await api<Review>(`/v4/${encodeURIComponent(PIETER)}`, bearer());
    expect(encoded.body.reviewReply?.updateTime).toBe('2026-08-03T08:15:00Z');
  });

  it('pages 183 reviews by 50 with nextPageToken absent on the last page', async () => {
    await emu.close();
    emu = await startGoogleEmulator({ seed: seedCustom({ accounts: 1, locationsPerAccount: 1, reviewsPerLocation: 183 }) });
    const loc = emu.data.locations()[0]!.v4Name;
    const t = bearer();
    const seen: Review[] = [];
    const pages: number[] = [];
    let token: string | undefined;
    do {
      const res = await api<{ reviews: Review[]; totalReviewCount: number; nextPageToken?: string }>(
        listPath(loc, `?pageSize=50${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`), t);
      expect(res.body.totalReviewCount).toBe(183);
      seen.push(...res.body.reviews);
      pages.push(res.body.reviews.length);
      token = res.body.nextPageToken;
      if (pages.length === 4) expect(res.body).not.toHaveProperty('nextPageToken');
    } while (token);
    expect(pages).toEqual([50, 50, 50, 33]);
    expect(new Set(seen.map((r) => r.name)).size).toBe(183);
    expect(seen.map((r) => r.name)).toEqual(emu.data.reviews(loc).map((r) => r.name));
    expect((await api(listPath(loc, '?pageSize=51'), t)).status).toBe(400);
    expect((await api(listPath(loc, '?pageToken=garbage'), t)).status).toBe(400);
  });

  it('orders by rating and rating desc', async () => {
    const stars = async (o: string) =>
      (await api<{ reviews: Review[] }>(listPath(FIXTURE_UTRECHT, `?orderBy=${encodeURIComponent(o)}`), bearer())).body.reviews.map((r) => r.starRating);
    expect((await stars('rating')).slice(0, 3)).toEqual(['ONE', 'TWO', 'THREE']);
    expect((await stars('rating desc'))[8]).toBe('ONE');
    expect((await stars('update_time desc'))[1]).toBe('ONE');
  });

  it('gives 404 for a deleted review and drops it from the list', async () => {
    expect(emu.data.deleteReview(SANNE)).toBe(true);
    const t = bearer();
    const gone = await api(`/v4/${SANNE}`, t);
    expect(gone).toMatchObject({ status: 404, body: { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } } });
    const list = await api<{ reviews: Review[]; totalReviewCount: number }>(listPath(FIXTURE_UTRECHT), t);
    expect(list.body.totalReviewCount).toBe(8);
    expect(list.body.reviews.some((r) => r.name === SANNE)).toBe(false);
  });

  it('puts replies up to 4096 UTF-8 bytes, overwrites and deletes them', async () => {
    const t = bearer();
    const put = (comment: string) => api<Record<string, unknown>>(`/v4/${SANNE}/reply`, t, { method: 'PUT', body: JSON.stringify({ comment }) });
    expect((await put('é'.repeat(2048))).status).toBe(200);
    expect((await put(`${'é'.repeat(2048)}a`)).body).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
    expect((await put(`${'😀'.repeat(1024)}x`)).status).toBe(400);
    const ok = await put('Sorry Sanne, kom gerust langs.');
    expect(Object.keys(ok.body)).toEqual(['comment', 'updateTime']);
    expect(emu.data.replyOf(SANNE)?.comment).toBe('Sorry Sanne, kom gerust langs.');
    expect((await api(`/v4/${SANNE}/reply`, t, { method: 'DELETE' })).body).toEqual({});
    expect(emu.data.replyOf(SANNE)).toBeUndefined();
    expect((await api(`/v4/${FIXTURE_UTRECHT}/reviews/nope/reply`, t, { method: 'PUT', body: '{"comment":"x"}' })).status).toBe(404);
  });

  it('applies data mutations: add, edit (stale reply), set reply', async () => {
    const added = emu.data.addReview(FIXTURE_UTRECHT, { starRating: 'TWO', comment: null });
    expect(added).not.toHaveProperty('comment');
    const edited = emu.data.editReview(PIETER, { comment: 'Weer goed!', starRating: 'FOUR' });
    expect(edited.updateTime > added.updateTime).toBe(true);
    expect(edited.updateTime > edited.reviewReply!.updateTime).toBe(true);
    emu.data.setReply(added.name, 'Dank!');
    const list = await api<{ reviews: Review[]; totalReviewCount: number }>(listPath(FIXTURE_UTRECHT), bearer());
    expect(list.body.reviews.slice(0, 2).map((r) => r.name)).toEqual([PIETER, added.name]);
    expect(list.body.reviews[1]!.reviewReply?.comment).toBe('Dank!');
    expect(list.body.totalReviewCount).toBe(10);
  });
});

describe('batchGetReviews', () => {
  const batch = (body: unknown, t: string) =>
    api<{ locationReviews: { name: string; review: Review }[]; nextPageToken?: string }>(
      `/v4/${FIXTURE_ACCOUNT}/locations:batchGetReviews`, t, { method: 'POST', body: JSON.stringify(body) });

  it('merges locations newest first, pages, skips rating-only on request, checks names', async () => {
    const t = bearer();
    const names = [FIXTURE_UTRECHT, FIXTURE_AMERSFOORT];
    const first = await batch({ locationNames: names, pageSize: 4 }, t);
    expect(first.body.locationReviews.map((x) => x.review.reviewId)).toEqual(['AbFvOqkEXAMPLE3pieterEdited', 'AbFvOqkEXAMPLE1sanneOneStar',
      'AbFvOqkEXAMPLEamf1lotteFour', 'AbFvOqkEXAMPLE7emilyLayoutB']);
    expect(first.body.locationReviews[2]!.name).toBe(FIXTURE_AMERSFOORT);
    let all = first.body.locationReviews.length;
    let token = first.body.nextPageToken;
    while (token) {
      const next = await batch({ locationNames: names, pageSize: 4, pageToken: token }, t);
      all += next.body.locationReviews.length;
      token = next.body.nextPageToken;
    }
    expect(all).toBe(11);
    const textOnly = await batch({ locationNames: names, ignoreRatingOnlyReviews: true }, t);
    expect(textOnly.body.locationReviews.length).toBe(9);
    expect(textOnly.body).not.toHaveProperty('nextPageToken');
    expect((await batch({ locationNames: Array.from({ length: 201 }, () => FIXTURE_UTRECHT) }, t)).status).toBe(400);
    expect((await batch({ locationNames: ['accounts/999/locations/1'] }, t)).status).toBe(403);
  });
});

describe('faults', () => {
  it('answers scripted statuses with Retry-After, then recovers', async () => {
    const t = bearer();
    emu.faults.add({ match: '/reviews', status: 503, times: 2 });
    emu.faults.add({ match: /^\/v1\/accounts$/, method: 'GET', status: 429, retryAfterSeconds: 7 });
    expect((await api(listPath(FIXTURE_UTRECHT), t)).body).toMatchObject({ error: { code: 503, status: 'UNAVAILABLE' } });
    expect((await api(listPath(FIXTURE_UTRECHT), t)).status).toBe(503);
    expect((await api(listPath(FIXTURE_UTRECHT), t)).status).toBe(200);
    const limited = await api('/v1/accounts', t);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    emu.faults.add({ match: '/v1', status: 500, times: Infinity });
    expect((await api('/v1/accounts', t)).status).toBe(500);
    emu.faults.clear();
    expect((await api('/v1/accounts', t)).status).toBe(200);
  });

  it('serves Google quota-zero and SERVICE_DISABLED envelopes', async () => {
    const t = bearer();
    emu.faults.add({ match: '/v1/accounts', body: 'quota-zero' });
    emu.faults.add({ match: '/v1/accounts', body: 'service-disabled' });
    expect((await api('/v1/accounts', t)).body).toMatchObject({ error: { code: 429, status: 'RESOURCE_EXHAUSTED',
      details: [{ reason: 'RATE_LIMIT_EXCEEDED', metadata: { quota_limit_value: '0' } }] } });
    expect((await api('/v1/accounts', t)).body).toMatchObject({ error: { code: 403, status: 'PERMISSION_DENIED', details: [{ reason: 'SERVICE_DISABLED' }] } });
  });

  it('sends malformed JSON, delays, and goes down', async () => {
    const t = bearer();
    emu.faults.add({ match: '/reviews', malformed: true });
    const res = await fetch(`${emu.origin}${listPath(FIXTURE_UTRECHT)}`, { headers: { authorization: `Bearer ${t}` } });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    emu.faults.add({ match: '/v1', delayMs: 150 });
    const started = Date.now();
    expect((await api('/v1/accounts', t)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    emu.faults.down(true);
    await expect(fetch(`${emu.origin}/v1/accounts`, { headers: { authorization: `Bearer ${t}` } })).rejects.toThrow();
    emu.faults.down(false);
    expect((await api('/v1/accounts', t)).status).toBe(200);
  });

  it('surfaces through fetchHttp as GoogleHttpError (status, envelope, Retry-After; 0 when down)', async () => {
    const http = fetchHttp(bearer());
    const url = `${emu.origin}${listPath(FIXTURE_UTRECHT)}`;
    expect((await http.request<{ totalReviewCount: number }>({ url, params: { pageSize: 5 } })).data.totalReviewCount).toBe(9);
    emu.faults.add({ match: '/reviews', status: 429, retryAfterSeconds: 3 });
    await expect(http.request({ url })).rejects.toMatchObject({ status: 429, retryAfterSeconds: 3, body: { error: { status: 'RESOURCE_EXHAUSTED' } } });
    emu.faults.down(true);
    await expect(http.request({ url })).rejects.toMatchObject({ status: 0 });
  });
});
