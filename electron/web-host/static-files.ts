import { readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { mimeType, resolveRendererFile } from '../core/renderer-files';

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

/** The renderer's files as last read, by path, with the size and time they had then. */
const cache = new Map<string, { size: number; mtimeMs: number; body: Buffer }>();

/**
 * The file's content, read from disk only when it changed since the last read; null when it is not a file. Synchronous
 * on purpose (small files, mostly cached): while the store loads at start the event loop turns rarely, and every
 * asynchronous step here would wait for a turn before the page's script could be sent (cold start, issue 24).
 */
function fileBody(file: string): Buffer | null {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st?.isFile()) return null;
  const hit = cache.get(file);
  if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.body;
  const body = readFileSync(file);
  cache.set(file, { size: st.size, mtimeMs: st.mtimeMs, body });
  return body;
}

/** Serves one file of the built renderer; false when there is none to serve. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): boolean {
  const file = resolveRendererFile(root, urlPath);
  if (!file) return false;
  let body: Buffer | null;
  try {
    body = fileBody(file);
  } catch {
    return false;
  }
  if (!body) return false;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mimeType(file),
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'public, max-age=3600',
  });
  res.end(body);
  return true;
}
