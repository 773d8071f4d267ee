import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Why a request is refused, or null when it may go on. */
export type Refusal = { status: 403; reason: string } | null;

/** Only the loopback names on our own port: a DNS-rebinding page arrives with its own host name. */
export function checkHost(req: IncomingMessage, port: number): Refusal {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? null : { status: 403, reason: 'bad host' };
}

/** A browser sends Origin on cross-site requests; only our own page may call the API. */
export function checkOrigin(req: IncomingMessage, port: number): Refusal {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
    return { status: 403, reason: 'foreign origin' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, reason: 'cross-site request' };
  return null;
}

/** The per-launch token, sent as `Authorization: Bearer <token>`; compared in constant time. */
export function checkToken(req: IncomingMessage, token: string): Refusal {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '', 'utf8');
  const want = Buffer.from(token, 'utf8');
  return given.length === want.length && timingSafeEqual(given, want) ? null : { status: 403, reason: 'missing or wrong token' };
}
