import { z } from 'zod';
import { KalmError } from '../../../shared/domain/errors';
import { teamRequest, type TeamRequest } from './team-http';
import { DEFAULT_TLS, errorCodeOf, tlsFailure, type TeamTls } from './tls';

/** Where a team workspace lives: a CouchDB 3 server (or a service speaking its protocol) and one database. */
export interface TeamServer {
  server: string;
  db: string;
  user: string;
}

const SessionAnswer = z.object({ ok: z.boolean().optional(), userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }).optional() });

const base = (server: string) => server.replace(/\/+$/, '');

/** A request that got no answer (no route, refused, timed out, a TLS failure) in one plain sentence. */
export function unreachable(server: string, err: unknown): KalmError {
  const tls = tlsFailure(server, err);
  if (tls) return tls;
  const cause = errorCodeOf(err);
  return new KalmError('storage', `The team server ${base(server)} cannot be reached${cause ? ` (${cause})` : ''}. Your work is kept on this computer and syncs when it is back.`);
}

async function call(server: string, path: string, init: TeamRequest, tls: TeamTls): Promise<Response> {
  try {
    return await teamRequest(`${base(server)}${path}`, init, tls);
  } catch (err) {
    throw unreachable(server, err);
  }
}

/** Exchanges the member's password for a `_session` cookie (the password itself is sent only here). */
export async function signIn(server: string, user: string, password: string, tls: TeamTls = DEFAULT_TLS): Promise<string> {
  const res = await call(server, '/_session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name: user, password }),
  }, tls);
  if (res.status === 401) throw new KalmError('forbidden', `The team server did not accept the password of "${user}". Check the user name and password.`);
  if (!res.ok) throw new KalmError('storage', `The team server answered ${res.status} to the sign-in of "${user}".`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.startsWith('AuthSession=')) throw new KalmError('storage', `The team server signed "${user}" in but sent no session cookie.`);
  return cookie;
}

/**
 * Checks that the signed-in member may use the database. The session is asked first, so "not signed in"
 * and "signed in but not a member" are told apart: with a live session CouchDB 3 says 404 for a database that
 * does not exist and 403 for one whose `_security` leaves the member out (express-pouchdb, the tests' stand-in,
 * 401 for the latter); tested against both (team-access, team-couchdb3-answers).
 */
export async function checkAccess(t: TeamServer, cookie: string, tls: TeamTls = DEFAULT_TLS): Promise<void> {
  const session = await call(t.server, '/_session', { headers: { cookie, accept: 'application/json' } }, tls);
  const who = SessionAnswer.safeParse(await session.json().catch(() => null));
  if (!session.ok || !who.success || who.data.userCtx?.name !== t.user) {
    throw new KalmError('forbidden', `The team server no longer accepts the sign-in of "${t.user}". Sign in again with your password.`);
  }
  const res = await call(t.server, `/${encodeURIComponent(t.db)}`, { headers: { cookie, accept: 'application/json' } }, tls);
  if (res.status === 401 || res.status === 403) {
    throw new KalmError('forbidden', `"${t.user}" is not a member of the team workspace "${t.db}". Ask the team's admin to add you to its members.`);
  }
  if (res.status === 404) throw new KalmError('not_found', `The team server has no workspace "${t.db}". Check the name, or ask the team's admin to create it.`);
  if (!res.ok) throw new KalmError('storage', `The team server answered ${res.status} for the workspace "${t.db}".`);
}
