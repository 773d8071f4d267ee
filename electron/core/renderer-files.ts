import { extname, resolve, sep } from 'node:path';

/** Content types for the built renderer's files (served by the web host and Electron's app: protocol). */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeType(file: string): string {
  return MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an encoded URL path (`/assets/x.js`) to a file inside `root`, or null when it is
 * malformed or would leave the folder (`..`, encoded slashes, NUL bytes). `/` is index.html.
 */
export function resolveRendererFile(root: string, encodedPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(encodedPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  if (rel === '' || rel === '/') rel = '/index.html';
  const rootAbs = resolve(root);
  const full = resolve(rootAbs, `.${rel.startsWith('/') ? rel : `/${rel}`}`);
  return full.startsWith(rootAbs + sep) ? full : null;
}
