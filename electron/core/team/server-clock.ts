import { teamRequest } from './team-http';
import { DEFAULT_TLS, type TeamTls } from './tls';

/**
 * The team server's clock, read from its HTTP `Date` header. Claims and the sync lease are written and judged in
 * this one time, so a desktop whose own clock is wrong neither blocks the others for ever nor takes over too early.
 * When the server cannot be reached the desktop's own clock is used (claims and leases then fail anyway).
 */
export async function serverNow(server: string, cookie: string, fallback: () => Date, tls: TeamTls = DEFAULT_TLS): Promise<Date> {
  try {
    // Through the team's TLS (its own CA, team/tls.ts) like sign-in and replication.
    const res = await teamRequest(`${server.replace(/\/+$/, '')}/`, { headers: { cookie, accept: 'application/json' } }, tls, 10_000);
    const at = Date.parse(res.headers.get('date') ?? '');
    return Number.isFinite(at) ? new Date(at) : fallback();
  } catch {
    return fallback();
  }
}
