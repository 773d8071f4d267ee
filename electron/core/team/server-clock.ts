/**
 * The team server's clock, read from its HTTP `Date` header. Claims and the sync lease are written and judged in
 * this one time, so a desktop whose own clock is wrong neither blocks the others for ever nor takes over too early.
 * When the server cannot be reached the desktop's own clock is used (claims and leases then fail anyway).
 */
export async function serverNow(server: string, cookie: string, fallback: () => Date): Promise<Date> {
  try {
    const res = await fetch(`${server.replace(/\/+$/, '')}/`, { headers: { cookie, accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    await res.body?.cancel();
    const at = Date.parse(res.headers.get('date') ?? '');
    return Number.isFinite(at) ? new Date(at) : fallback();
  } catch {
    return fallback();
  }
}
