/**
 * A plain-fetch GoogleHttp with a fixed bearer token, for tests that drive Kalm's Google code against the emulator
 * without the OAuth client. Like the real seam: non-2xx → GoogleHttpError (status, envelope, Retry-After), no answer →
 * status 0; a body that is not JSON comes back as its raw text (as gaxios does), for the caller's validation to catch.
 */
import { sendWithBearer } from '../../electron/core/google-api/bearer-fetch';
import type { GoogleHttp, GoogleHttpRequest, GoogleHttpResponse } from '../../electron/core/google-api/http';

export function fetchHttp(accessToken: string): GoogleHttp {
  return {
    request: <T = unknown>(req: GoogleHttpRequest): Promise<GoogleHttpResponse<T>> => sendWithBearer<T>(req, accessToken),
  };
}
