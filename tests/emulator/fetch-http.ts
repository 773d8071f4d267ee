/**
 * A plain-fetch GoogleHttp with a fixed bearer token, for tests that drive Kalm's Google code against the emulator
 * without the OAuth client. Like the real seam: non-2xx → GoogleHttpError (status, envelope, Retry-After), no answer →
 * status 0; a body that is not JSON comes back as its raw text (as gaxios does), for the caller's validation to catch.
 */
import { GoogleHttpError, type GoogleHttp, type GoogleHttpRequest, type GoogleHttpResponse } from '../../electron/core/google/http';

export function fetchHttp(accessToken: string): GoogleHttp {
  return {
    async request<T = unknown>(req: GoogleHttpRequest): Promise<GoogleHttpResponse<T>> {
      const url = new URL(req.url);
      for (const [k, v] of Object.entries(req.params ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
      let res: Response;
      try {
        res = await fetch(url, {
          method: req.method ?? 'GET',
          headers: { authorization: `Bearer ${accessToken}`, ...(req.data === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(req.data === undefined ? {} : { body: JSON.stringify(req.data) }),
        });
      } catch (err) {
        throw new GoogleHttpError(`Could not reach Google: ${err instanceof Error ? err.message : String(err)}`, 0, null, null);
      }
      const text = await res.text();
      let data: unknown = text;
      try {
        data = text === '' ? '' : JSON.parse(text);
      } catch {
        // keep the raw text
      }
      const headers: Record<string, string> = {};
      res.headers.forEach((value, key) => { headers[key] = value; });
      if (!res.ok) {
        const retry = Number(res.headers.get('retry-after'));
        const message = typeof data === 'object' && data !== null && 'error' in data
          ? String((data as { error: { message?: unknown } }).error.message ?? res.statusText) : res.statusText;
        throw new GoogleHttpError(message, res.status, data, Number.isFinite(retry) && res.headers.has('retry-after') ? retry : null);
      }
      return { status: res.status, data: data as T, headers };
    },
  };
}
