import { APP_HOST } from './security';

/**
 * `npm run dev` (scripts/dev.mjs): the renderer comes from Vite's dev server with hot reload, but the window
 * still loads app://kalm/ (same origin, same IPC checks, same CSP); this handler passes each app:// request
 * through to Vite. Only for a loopback dev server, and never inside an installed app (code in app.asar).
 */
export function devRendererUrl(env: NodeJS.ProcessEnv, moduleUrl: string): URL | null {
  const raw = env.KALM_DEV_RENDERER_URL;
  if (!raw || moduleUrl.includes('app.asar')) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.pathname === '/' ? url : null;
  } catch {
    return null;
  }
}

export function createDevRendererHandler(devUrl: URL, fetchFn: typeof fetch = fetch): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    return fetchFn(new URL(`${url.pathname}${url.search}`, devUrl), { method: request.method === 'HEAD' ? 'HEAD' : 'GET' });
  };
}
