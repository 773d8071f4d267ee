import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { toReviewQuery } from '../../renderer/features/inbox/filters';
import { PAGE } from '../../renderer/features/inbox/inbox-store';
import { DEFAULT_FILTERS } from '../../renderer/lib/route';
import { KalmError } from '../../shared/domain/errors';
import { toKalmError } from '../../renderer/transport/errors';
import { wrapPreloadApi } from '../../renderer/transport/preload';
import { createSseParser, type SseMessage } from '../../renderer/transport/sse';
import { captureToken, TOKEN_KEY } from '../../renderer/transport/token';
import { createHttpApi } from '../../renderer/transport/web-host';
import type { KalmApi } from '../../shared/contract';

const workspace = { demo: false, sources: [], locations: [], reviewCount: 0 };
const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('token from the address', () => {
  it('moves the token to storage and removes it from the hash, keeping other hash state', () => {
    const storage = memoryStorage();
    const replaceState = vi.fn();
    const token = captureToken({
      location: { hash: '#view=inbox&token=abc%2F123&x=1', pathname: '/', search: '?a=b' },
      history: { replaceState, state: null },
      storage,
    });
    expect(token).toBe('abc/123');
    expect(storage.getItem(TOKEN_KEY)).toBe('abc/123');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?a=b#view=inbox&x=1');
  });

  it('drops the hash entirely when the token was all of it, and reuses the stored token on reload', () => {
    const storage = memoryStorage();
    const replaceState = vi.fn();
    captureToken({ location: { hash: '#token=XYZ', pathname: '/', search: '' }, history: { replaceState, state: null }, storage });
    expect(replaceState).toHaveBeenCalledWith(null, '', '/');
    const again = captureToken({ location: { hash: '', pathname: '/', search: '' }, history: { replaceState, state: null }, storage });
    expect(again).toBe('XYZ');
    expect(replaceState).toHaveBeenCalledTimes(1);
  });
});

describe('web host client', () => {
  it("uses the boot script's early request once, for the same call and body, and falls back when it failed", async () => {
    const body = JSON.stringify(toReviewQuery(DEFAULT_FILTERS, 0, PAGE));
    // renderer/public/boot-first-page.js sends exactly the inbox's first request.
    expect(readFileSync('renderer/public/boot-first-page.js', 'utf8')).toContain(`'${body}'`);
    const page = { items: [], total: 0, countsByRating: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, none: 0 }, countsByStatus: { all: 0, unanswered: 0, drafted: 0, queued: 0, answered: 0, conflict: 0, deleted: 0, done: 0 }, countsByView: { unanswered: 0, drafts: 0, outbox: 0, answered: 0, all: 0, overdue: 0 } };
    const fetch = vi.fn(async () => json({ ok: true, value: { ...page, total: 2 } }));
    const early = { name: 'reviews.query', body, response: Promise.resolve(json({ ok: true, value: { ...page, total: 1 } })) };
    const api = createHttpApi({ fetch, token: () => 'T', early });
    await expect(api.call('reviews.query', { view: 'unanswered', sort: 'priority', offset: 0, limit: 10 })).resolves.toMatchObject({ total: 2 });
    await expect(api.call('reviews.query', JSON.parse(body) as never)).resolves.toMatchObject({ total: 1 });
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(api.call('reviews.query', JSON.parse(body) as never)).resolves.toMatchObject({ total: 2 }); // used once
    const failed = createHttpApi({ fetch, token: () => 'T', early: { ...early, response: Promise.reject(new Error('offline')) } });
    await expect(failed.call('reviews.query', JSON.parse(body) as never)).resolves.toMatchObject({ total: 2 });
    const refused = createHttpApi({ fetch, token: () => 'T', early: { ...early, response: Promise.resolve(json({ ok: false, error: { code: 'forbidden', message: 'x' } }, 403)) } });
    await expect(refused.call('reviews.query', JSON.parse(body) as never)).resolves.toMatchObject({ total: 2 });
  });

  it('POSTs to /api/<name> with the bearer token and validates the result', async () => {
    const fetch = vi.fn(async () => json({ ok: true, value: workspace }));
    const api = createHttpApi({ fetch, token: () => 'T0K' });
    await expect(api.call('workspace.get', {})).resolves.toEqual(workspace);
    expect(fetch).toHaveBeenCalledWith('/api/workspace.get', {
      method: 'POST',
      headers: { Authorization: 'Bearer T0K', 'Content-Type': 'application/json' },
      body: '{}',
    });
  });

  it('throws KalmError from an error envelope (e.g. 403)', async () => {
    const fetch = vi.fn(async () => json({ ok: false, error: { code: 'forbidden', message: 'Wrong token' } }, 403));
    const api = createHttpApi({ fetch, token: () => 'bad' });
    const err = await api.call('workspace.get', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KalmError);
    expect(err).toMatchObject({ code: 'forbidden', message: 'Wrong token' });
  });

  it('turns network failures and bad results into internal KalmErrors', async () => {
    const down = createHttpApi({ fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))), token: () => null });
    await expect(down.call('workspace.get', {})).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('Could not reach Kalm') });
    const odd = createHttpApi({ fetch: vi.fn(async () => json({ ok: true, value: { demo: 'yes' } })), token: () => null });
    await expect(odd.call('workspace.get', {})).rejects.toMatchObject({ code: 'internal' });
    const html = createHttpApi({ fetch: vi.fn(async () => new Response('<html>', { status: 502 })), token: () => null });
    await expect(html.call('workspace.get', {})).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('502') });
  });

  it('streams events with the token in a header, and re-queries after a reconnect', async () => {
    const encoder = new TextEncoder();
    const seen: RequestInit[] = [];
    let connection = 0;
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      seen.push(init ?? {});
      connection++;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (connection === 1) {
            controller.enqueue(encoder.encode(': hello\n\nevent: reviews.changed\ndata: {"reason":"sy'));
            controller.enqueue(encoder.encode('nc","count":3}\n\nevent: nonsense\ndata: {}\n\n'));
            controller.close(); // the stream drops; the client reconnects
          }
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    });
    const api = createHttpApi({ fetch, token: () => 'T', eventDelayMs: { initial: 1, max: 5 } });
    const payloads: unknown[] = [];
    const off = api.on('reviews.changed', (p) => payloads.push(p));
    await vi.waitFor(() => expect(payloads).toHaveLength(2));
    off();
    expect(payloads[0]).toEqual({ reason: 'sync', count: 3 });
    expect(payloads[1]).toEqual({ reason: 'update', count: 0 });
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/events');
    expect(seen[0]?.headers).toMatchObject({ Authorization: 'Bearer T', Accept: 'text/event-stream' });
  });
});

describe('SSE parser', () => {
  it('handles split chunks, CRLF, comments and multi-line data', () => {
    const out: SseMessage[] = [];
    const parser = createSseParser((m) => out.push(m));
    parser.push('event: a\r');
    parser.push('\ndata: 1\r\ndata: 2\r\n\r\n: ping\n\ndata: x\n');
    parser.push('\n');
    expect(out).toEqual([
      { event: 'a', data: '1\n2' },
      { event: 'message', data: 'x' },
    ]);
  });
});

describe('Electron preload errors', () => {
  it('turns plain error objects from contextBridge back into KalmErrors', async () => {
    const bridged: KalmApi = {
      call: () => Promise.reject({ name: 'KalmError', code: 'not_found', message: 'gone', issues: [{ path: 'id', message: 'x' }] }),
      on: () => () => undefined,
    };
    const err = await wrapPreloadApi(bridged).call('reviews.get', { id: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KalmError);
    expect(err).toMatchObject({ code: 'not_found', message: 'gone', issues: [{ path: 'id', message: 'x' }] });
    expect(toKalmError(new Error('boom'))).toMatchObject({ code: 'internal', message: 'boom' });
    expect(toKalmError('weird')).toMatchObject({ code: 'internal' });
  });
});
