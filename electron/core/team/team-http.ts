import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TeamTls } from './tls';

export interface TeamRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

const NO_BODY = new Set([101, 204, 205, 304]);

const toHeaders = (raw: IncomingHttpHeaders): Headers => {
  const h = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) h.append(name, v);
    else if (value !== undefined) h.set(name, value);
  }
  return h;
};

/**
 * One request to the team server (sign-in, membership), through Node's http/https so the team's CA (TeamTls) is
 * used the same way as by replication. Rejects with Node's error (its `code` says why: ECONNREFUSED, a TLS code,
 * ETIMEDOUT after `timeoutMs`).
 */
export function teamRequest(url: string, init: TeamRequest, tls: TeamTls, timeoutMs = 15_000): Promise<Response> {
  const u = new URL(url);
  const https = u.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(u, {
      method: init.method ?? 'GET',
      headers: { ...(init.headers ?? {}), ...(init.body !== undefined ? { 'content-length': String(Buffer.byteLength(init.body)) } : {}) },
      ...(https && tls.agent ? { agent: tls.agent } : {}),
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 500;
        resolve(new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), { status, headers: toHeaders(res.headers) }));
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(init.body);
  });
}
