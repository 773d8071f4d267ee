import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, nativeTheme, protocol, shell } from 'electron';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, hardenContents, secureWebPreferences } from './security';
import { mimeType, resolveRendererFile } from './core/renderer-files';
import { createDevRendererHandler, devRendererUrl } from './dev-renderer';
import { MIN_HEIGHT, MIN_WIDTH, type SavedWindow } from './window-state';

/** File names scripts/build-electron.mjs writes into dist-electron/ (package.json "main" points at MAIN_FILE). */
export const MAIN_FILE = 'main.mjs';
export const PRELOAD_FILE = 'preload.cjs';

/**
 * Where the built pieces are, relative to the built main file:
 * dist-electron/main.mjs, dist-electron/preload.cjs and dist/renderer/.
 */
export function builtPaths(mainFileUrl: string = import.meta.url): { preload: string; rendererDir: string } {
  const dir = path.dirname(fileURLToPath(mainFileUrl));
  return { preload: path.join(dir, PRELOAD_FILE), rendererDir: path.join(dir, '..', 'dist', 'renderer') };
}

/**
 * Maps an `app://kalm/...` URL to a file inside `rootDir`, or null when the URL
 * is not the app's, is malformed, or would leave the folder (`..`, encoded
 * slashes, backslashes, NUL bytes).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  return resolveRendererFile(rootDir, url.pathname);
}

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });

/** The `app:` protocol handler: serves files from the built renderer folder and nothing else. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppPath(rootDir, request.url);
    if (file === null) return plain(403, 'Forbidden');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = new Uint8Array(await readFile(file));
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { 'content-type': mimeType(file), 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' },
    });
  };
}

/** Must run before the app's `ready` event: makes `app:` a standard, secure origin that supports fetch. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** After `ready`: serve the renderer on `app://kalm/` for the default session. */
export function serveRenderer(rendererDir: string = builtPaths().rendererDir): void {
  // npm run dev: app://kalm/ passes through to Vite's dev server (hot reload), so the page keeps its origin and IPC.
  const dev = devRendererUrl(process.env, import.meta.url);
  protocol.handle(APP_SCHEME, dev ? createDevRendererHandler(dev) : createAppProtocolHandler(rendererDir));
}

/**
 * The main window: secure preferences, hardened contents, shown once the first paint is ready; at the
 * size and place it had last time when `bounds` says so (see window-state.ts).
 */
export function createMainWindow(opts: { preload?: string; bounds?: SavedWindow | null; onLoadError?: (message: string) => void } = {}): BrowserWindow {
  const preload = opts.preload ?? builtPaths().preload;
  const b = opts.bounds ?? null;
  const win = new BrowserWindow({
    title: 'Kalm',
    width: b?.width ?? 1280,
    height: b?.height ?? 820,
    ...(b ? { x: b.x, y: b.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    // The renderer's --bg (renderer/styles.css), so there is no flash before the first paint.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#121715' : '#f4f3f0',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload),
  });
  hardenContents(win.webContents, shell);
  win.once('ready-to-show', () => {
    if (b?.maximized) win.maximize();
    win.show();
  });
  const onLoadError = opts.onLoadError ?? ((m: string) => process.stderr.write(`${m}\n`));
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => onLoadError(`kalm: could not load ${APP_ENTRY_URL}: ${err instanceof Error ? err.message : String(err)}`));
  return win;
}
