/** Fault injection: scripted error answers, delays, malformed bodies, Google's quota-0 / SERVICE_DISABLED envelopes, and "down". */
import type { ServerResponse } from 'node:http';
import { ApiError, sendError, statusError } from './respond';
import type { FaultSpec, FaultSwitches } from './types';

interface Armed { spec: FaultSpec; left: number }

/** The Google service (and its console title) that a path belongs to, for realistic error details. */
export function serviceOf(path: string): { service: string; title: string } {
  if (path.startsWith('/v4/')) return { service: 'mybusiness.googleapis.com', title: 'Google My Business API' };
  if (path.startsWith('/androidpublisher/')) return { service: 'androidpublisher.googleapis.com', title: 'Google Play Android Developer API' };
  if (/^\/v1\/accounts\/[^/]+\/locations/.test(path)) {
    return { service: 'mybusinessbusinessinformation.googleapis.com', title: 'My Business Business Information API' };
  }
  return { service: 'mybusinessaccountmanagement.googleapis.com', title: 'My Business Account Management API' };
}

const CONSUMER = 'projects/123456789012';

/** error-429-quota-zero.json: an unapproved Business Profile project has a quota of 0. */
export function quotaZero(path: string, status = 429): ApiError {
  const { service } = serviceOf(path);
  return new ApiError(status, 'RESOURCE_EXHAUSTED',
    `Quota exceeded for quota metric 'Requests per minute' of service '${service}' for consumer 'project_number:123456789012'.`,
    [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com',
      metadata: { service, consumer: CONSUMER, quota_limit_value: '0' } }]);
}

/** error-403-service-disabled.json: the API is not enabled in the Cloud project. */
export function serviceDisabled(path: string, status = 403): ApiError {
  const { service, title } = serviceOf(path);
  return new ApiError(status, 'PERMISSION_DENIED',
    `${title} has not been used in project 123456789012 before or it is disabled. Enable it by visiting the Cloud Console, then retry.`,
    [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED', domain: 'googleapis.com',
      metadata: { service, consumer: CONSUMER } }]);
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

export class Faults implements FaultSwitches {
  private armed: Armed[] = [];
  private isDown = false;

  constructor(private readonly onDown: () => void) {}

  get pending(): number {
    return this.armed.length;
  }

  /** True while `down(true)` is in force. */
  get isOff(): boolean {
    return this.isDown;
  }

  add(spec: FaultSpec): void {
    if (spec.status === undefined && !spec.malformed && !spec.body && spec.delayMs === undefined && spec.answerDelayMs === undefined) {
      throw new Error('A fault needs a status, malformed, body, delayMs or answerDelayMs');
    }
    this.armed.push({ spec, left: spec.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  down(on: boolean): void {
    this.isDown = on;
    if (on) this.onDown();
  }

  /** The first armed fault matching this request (its count goes down by one). */
  take(method: string, path: string): FaultSpec | undefined {
    const hit = this.armed.find(({ spec }) =>
      (spec.method === undefined || spec.method.toUpperCase() === method) &&
      (typeof spec.match === 'string' ? path.includes(spec.match) : spec.match.test(path)));
    if (!hit) return undefined;
    hit.left -= 1;
    if (hit.left <= 0) this.armed = this.armed.filter((a) => a !== hit);
    return hit.spec;
  }

  /** Applies a fault; true when it answered the request (false: delay only, serve normally). */
  async apply(spec: FaultSpec, path: string, res: ServerResponse): Promise<boolean> {
    if (spec.delayMs) await sleep(spec.delayMs);
    const headers: Record<string, string> = spec.retryAfterSeconds !== undefined ? { 'Retry-After': String(spec.retryAfterSeconds) } : {};
    if (spec.malformed) {
      const broken = '{"reviews": [{"name": "accounts/1/locations/1/reviews/x", "starRating": "FI';
      res.writeHead(spec.status ?? 200, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
      res.end(broken);
      return true;
    }
    let err: ApiError | undefined;
    if (spec.body === 'quota-zero') err = quotaZero(path, spec.status);
    else if (spec.body === 'service-disabled') err = serviceDisabled(path, spec.status);
    else if (spec.status !== undefined) err = statusError(spec.status);
    if (!err) return false;
    sendError(res, new ApiError(err.code, err.status, err.message, err.details, headers));
    return true;
  }
}
