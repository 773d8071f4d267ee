import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallResult, ErrorCode, KalmErrorPayload } from '../../shared/domain/errors';
import type { Kalm } from '../core/kalm';
import { checkHost, checkOrigin, checkToken, type Refusal } from './guard';
import { SECURITY_HEADERS, serveStatic } from './static-files';

export const DEFAULT_PORT = 4870;
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebHostOptions {
  kalm: Kalm;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** Preferred port; when taken, a free one is used. 0 = any free port. */
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
  log?: (msg: string) => void;
  /**
   * Development (npm run dev:web): serves the renderer's requests instead of the built files, e.g. Vite's
   * dev-server middlewares with hot reload. Called for every non-API request; the guard runs first.
   */
  devRenderer?: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  /** Receives the HTTP server before it listens (Vite attaches its hot-reload WebSocket to it). */
  onServer?: (server: Server) => void;
}

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The address to open, token in the fragment so it never reaches a server log. */
  readonly url: string;
  close(): Promise<void>;
}

const sendJson = (res: ServerResponse, status: number, body: CallResult): void => {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

const refuse = (res: ServerResponse, refusal: NonNullable<Refusal>): void =>
  sendJson(res, refusal.status, { ok: false, error: { code: 'forbidden', message: `Forbidden: ${refusal.reason}` } });

/**
 * The contract (and zod with it) loads at the first call, not before the host listens: the page and its
 * script are served first (cold start). Loading starts as soon as the host listens (see `startWebHost`).
 */
const calls = (): Promise<[typeof import('../core/dispatch'), typeof import('../../shared/contract')]> => Promise.all([import('../core/dispatch'), import('../../shared/contract')]);

/** A request body Kalm will not read. */
class BadBody extends Error {}

const STATUS_BY_CODE: Record<ErrorCode, number> = { invalid_input: 400, unknown_call: 404, not_found: 404, forbidden: 403, locked: 409, storage: 507, internal: 500 };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadBody('The request is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleCall(kalm: Kalm, name: string, req: IncomingMessage, res: ServerResponse, log: (m: string) => void): Promise<void> {
  let input: unknown;
  try {
    const text = await readBody(req);
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch (err) {
    const error: KalmErrorPayload = { code: 'invalid_input', message: err instanceof BadBody ? err.message : 'The request body is not valid JSON.' };
    return sendJson(res, 400, { ok: false, error });
  }
  const [{ dispatch }] = await calls();
  const result = await dispatch(kalm, name, input, log);
  sendJson(res, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 500), result);
}

async function openEventStream(kalm: Kalm, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const [, { eventNames }] = await calls();
  if (req.destroyed || res.destroyed) return; // the page left while the contract loaded
  const offs = eventNames.map((name) => kalm.on(name, (payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)));
  const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(ping);
    offs.forEach((off) => off());
  });
}

async function listen(server: Server, port: number): Promise<number> {
  const attempt = (p: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => reject(err);
      server.once('error', onError);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', onError);
        resolve((server.address() as AddressInfo).port);
      });
    });
  try {
    return await attempt(port);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw err;
    return attempt(0);
  }
}

/** Serves the renderer and the contract on 127.0.0.1 only. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const { kalm, rendererDir } = opts;
  const log = opts.log ?? ((m: string) => (kalm.log ? kalm.log.error(m) : process.stderr.write(`${m}\n`)));
  const token = opts.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  const sockets = new Set<import('node:net').Socket>();

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const hostRefusal = checkHost(req, port);
      if (hostRefusal) return refuse(res, hostRefusal);
      if (url.pathname.startsWith('/api/')) {
        const refusal = checkOrigin(req, port) ?? checkToken(req, token);
        if (refusal) return refuse(res, refusal);
        const name = url.pathname.slice('/api/'.length);
        if (name === 'events' && req.method === 'GET') return openEventStream(kalm, req, res);
        if (req.method !== 'POST') {
          res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'POST' });
          return res.end();
        }
        return handleCall(kalm, name, req, res, log);
      }
      if (opts.devRenderer) {
        const dev = opts.devRenderer;
        const handled = await new Promise<boolean>((resolve) => {
          res.once('finish', () => resolve(true));
          dev(req, res, () => resolve(false));
        });
        if (handled || res.headersSent) return;
      } else if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(rendererDir, url.pathname, res)) return;
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    })().catch((err: unknown) => {
      log(`kalm web host: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong inside Kalm.' } });
      else res.end();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  opts.onServer?.(server);
  port = await listen(server, opts.port ?? DEFAULT_PORT);
  void calls().catch(() => undefined);
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        sockets.forEach((s) => s.destroy());
      }),
  };
}
