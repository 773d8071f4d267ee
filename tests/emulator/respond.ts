/** HTTP plumbing shared by the emulator's handlers: JSON answers, Google's error envelope, bodies, params. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type GoogleStatus =
  | 'INVALID_ARGUMENT' | 'UNAUTHENTICATED' | 'PERMISSION_DENIED' | 'NOT_FOUND'
  | 'RESOURCE_EXHAUSTED' | 'INTERNAL' | 'UNAVAILABLE' | 'UNKNOWN' | 'FAILED_PRECONDITION' | 'DEADLINE_EXCEEDED';

export interface ErrorEnvelope {
  error: { code: number; message: string; status: GoogleStatus; details?: unknown[] };
}

/** Thrown by handlers; the server turns it into Google's envelope. */
export class ApiError extends Error {
  constructor(readonly code: number, readonly status: GoogleStatus, message: string, readonly details?: unknown[],
    readonly headers: Record<string, string> = {}) {
    super(message);
  }

  envelope(): ErrorEnvelope {
    return { error: { code: this.code, message: this.message, status: this.status, ...(this.details ? { details: this.details } : {}) } };
  }
}

export const invalidArgument = (message = 'Request contains an invalid argument.', field?: string, description?: string): ApiError =>
  new ApiError(400, 'INVALID_ARGUMENT', message, field
    ? [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field, description: description ?? message }] }]
    : undefined);

export const notFound = (): ApiError => new ApiError(404, 'NOT_FOUND', 'Requested entity was not found.');

export const permissionDenied = (): ApiError => new ApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');

/** The usual envelope for a bare status (faults without a body). */
export function statusError(code: number): ApiError {
  switch (code) {
    case 400: return invalidArgument();
    case 401: return new ApiError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
    case 403: return permissionDenied();
    case 404: return notFound();
    case 429: return new ApiError(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).');
    case 500: return new ApiError(500, 'INTERNAL', 'Internal error encountered.');
    case 503: return new ApiError(503, 'UNAVAILABLE', 'The service is currently unavailable.');
    case 504: return new ApiError(504, 'DEADLINE_EXCEEDED', 'The request timed out.');
    default: return new ApiError(code, 'UNKNOWN', 'Unknown error.');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'private, no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.code, err.envelope(), err.headers);
}

const MAX_BODY = 4 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY) throw new ApiError(413, 'INVALID_ARGUMENT', 'Request payload too large.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON object body; an empty body is `{}`. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidArgument(`Invalid JSON payload received. Unexpected token.\n${text.slice(0, 40)}\n^`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidArgument('Invalid JSON payload received. Expected an object.');
  }
  return parsed as Record<string, unknown>;
}

/** An int32 query/body parameter; undefined when absent, 400 when not a non-negative integer. */
export function intParam(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(String(value));
  if (!Number.isInteger(n) || n < 0 || n > 2_147_483_647) {
    throw invalidArgument(`Invalid value at '${field}' (TYPE_INT32), "${String(value)}"`, field);
  }
  return n;
}
