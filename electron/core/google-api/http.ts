/**
 * The one way Kalm's Google code makes an authorised request. The real implementation wraps
 * google-auth-library's OAuth2Client.request (which refreshes tokens); tests may use a plain
 * fetch with a bearer token against the emulator. Both must return the parsed JSON body.
 */
export interface GoogleHttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  params?: Record<string, string | number | boolean | undefined>;
  data?: unknown;
}

export interface GoogleHttpResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

/** A non-2xx answer or a transport failure; never carries a token. */
export class GoogleHttpError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no response arrived (offline, refused, timed out). */
    readonly status: number,
    /** Google's error envelope body when there was one (unknown: validate before use). */
    readonly body: unknown,
    /** Seconds from a Retry-After header, when given. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
    this.name = 'GoogleHttpError';
  }
}

export interface GoogleHttp {
  request<T = unknown>(req: GoogleHttpRequest): Promise<GoogleHttpResponse<T>>;
}
