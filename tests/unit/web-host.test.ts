import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { startWebHost, type WebHost } from '../../electron/web-host/server';
import { tempDataDir } from './helpers';

interface Reply {
  status: number;
  body: string;
}

/** A raw HTTP request, so the test controls the Host and Origin headers exactly. */
function send(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'POST', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('web host over real HTTP on loopback', () => {
  let kalm: KalmCore;
  let host: WebHost;
  let calls = 0;
  let good: Record<string, string>;

  beforeEach(async () => {
    const dataDir = await tempDataDir();
    const rendererDir = join(dataDir, 'renderer');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Kalm</title>');
    kalm = await createKalm({ dataDir: join(dataDir, 'data'), host: 'test' });
    const realCall = kalm.call.bind(kalm);
    calls = 0;
    kalm.call = ((name, input) => {
      calls++;
      return realCall(name, input);
    }) as KalmCore['call'];
    host = await startWebHost({ kalm, rendererDir, port: 0, log: () => undefined });
    good = { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
  });
  afterEach(async () => {
    await host.close();
  });

  it('listens on 127.0.0.1 and prints a URL with the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves a valid request', async () => {
    const res = await send(host.port, '/api/app.info', { headers: good, body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Kalm', host: 'test' } });
    expect(calls).toBe(1);
  });

  it('accepts localhost as host name and our own Origin', async () => {
    const res = await send(host.port, '/api/app.info', {
      headers: { ...good, Host: `localhost:${host.port}`, Origin: `http://localhost:${host.port}` },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['a missing token', (h: Record<string, string>) => ({ Host: h.Host!, 'Content-Type': 'application/json' })],
    ['a wrong token', (h: Record<string, string>) => ({ ...h, Authorization: 'Bearer not-the-token' })],
    ['a token of the wrong length', (h: Record<string, string>) => ({ ...h, Authorization: `Bearer ${h.Authorization!.slice(7)}x` })],
    ['a foreign Origin', (h: Record<string, string>) => ({ ...h, Origin: 'http://evil.example' })],
    ['a cross-site fetch', (h: Record<string, string>) => ({ ...h, 'Sec-Fetch-Site': 'cross-site' })],
    ['a rebinding Host', (h: Record<string, string>) => ({ ...h, Host: `evil.example:${h.Host!.split(':')[1]}` })],
    ['a Host on another port', (h: Record<string, string>) => ({ ...h, Host: '127.0.0.1:1' })],
  ])('refuses %s with 403 and touches nothing', async (_what, headers) => {
    const res = await send(host.port, '/api/workspace.loadDemo', { headers: headers(good), body: '{}' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toBe(0);
    expect((await kalm.call('workspace.get', {})).reviewCount).toBe(0);
  });

  it('refuses the page itself to a rebinding Host', async () => {
    expect((await send(host.port, '/', { method: 'GET', headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await send(host.port, '/', { method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(200);
  });

  it('answers invalid JSON and invalid input with typed 400 errors', async () => {
    const bad = await send(host.port, '/api/reviews.query', { headers: good, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const invalid = await send(host.port, '/api/reviews.query', { headers: good, body: '{"limit":-1}' });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.issues[0].path).toBe('limit');
    const unknown = await send(host.port, '/api/nope.call', { headers: good, body: '{}' });
    expect(unknown.status).toBe(404);
    const huge = await send(host.port, '/api/reviews.query', { headers: good, body: `{"text":"${'x'.repeat(1024 * 1024)}"}` });
    expect(huge.status).toBe(400);
    expect(JSON.parse(huge.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request is too large.' } });
    expect(calls).toBe(1); // only the invalid input reached the core
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await send(host.port, '/..%2f..%2fdata%2fsettings.json', { method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(404);
  });

  it('streams contract events to a client with the token', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', method: 'GET', headers: good }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          buf += c;
          if (buf.includes('event: reviews.changed')) {
            resolve(buf);
            req.destroy();
          }
        });
        void send(host.port, '/api/workspace.loadDemo', { headers: good, body: '{}' });
      });
      req.on('error', reject);
      req.end();
    });
    expect(await received).toMatch(/event: reviews\.changed\ndata: \{"reason":"demo","count":\d+\}/);
  });
});
