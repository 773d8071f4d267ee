import { GoogleHttpError, type GoogleHttpRequest, type GoogleHttpResponse } from './http';
import { redactSecrets } from './redact';

/**
 * One Google API request with a bearer token over plain fetch (the Play service account's client, and the tests'
 * emulator client). Like the OAuth client's seam: non-2xx → GoogleHttpError (status, envelope, Retry-After), no
 * answer → status 0; a body that is not JSON comes back as its raw text, for the caller's validation to refuse.
 */
export async function sendWithBearer<T>(req: GoogleHttpRequest, bearer: string, opts: { timeoutMs?: number } = {}): Promise<GoogleHttpResponse<T>> {
  const url = new URL(req.url);
  for (const [k, v] of Object.entries(req.params ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  let res: Response;
  try {
    res = await fetch(url, {
      method: req.method ?? 'GET',
      headers: { authorization: `Bearer ${bearer}`, ...(req.data === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(req.data === undefined ? {} : { body: JSON.stringify(req.data) }),
      ...(opts.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(opts.timeoutMs) }),
    });
  } catch (err) {
    throw new GoogleHttpError(`Kalm could not reach Google: ${redactSecrets(err instanceof Error ? err.message : String(err), [bearer]).slice(0, 200)}`, 0, null, null);
  }
  const text = await res.text();
  let data: unknown = text;
  try {
    data = text === '' ? '' : JSON.parse(text);
  } catch {
    // keep the raw text for the caller's validation to refuse
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => (headers[key] = value));
  if (!res.ok) {
    const retry = res.headers.get('retry-after');
    throw new GoogleHttpError(`Google answered ${res.status}`, res.status, data, retry !== null && /^\d+$/.test(retry.trim()) ? Number(retry) : null);
  }
  return { status: res.status, data: data as T, headers };
}
