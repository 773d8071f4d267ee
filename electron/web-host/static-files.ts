import { readFile, stat } from 'node:fs/promises';
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

/** Serves one file of the built renderer; false when there is none to serve. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<boolean> {
  const file = resolveRendererFile(root, urlPath);
  if (!file) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
    const body = await readFile(file);
    const type = mimeType(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'public, max-age=3600',
    });
    res.end(body);
    return true;
  } catch {
    return false;
  }
}
