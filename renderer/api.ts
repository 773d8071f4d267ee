import type { KalmApi } from '../shared/contract';
import { createHttpApi, type EarlyCall } from './transport/web-host';
import { wrapPreloadApi } from './transport/preload';
import { captureToken, storedToken } from './transport/token';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in a browser. */
    kalm?: KalmApi;
    /** The inbox's first request, started by public/boot-first-page.js before this script loaded. */
    __kalmEarlyCall?: EarlyCall;
  }
}

const session = (): Storage | null => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
};

function createApi(): KalmApi {
  if (window.kalm) return wrapPreloadApi(window.kalm);
  // Runs at import time so the token leaves the address bar before anything renders.
  const captured = captureToken({ location: window.location, history: window.history, storage: session() });
  const early = window.__kalmEarlyCall ?? null;
  delete window.__kalmEarlyCall;
  return createHttpApi({
    fetch: (input, init) => window.fetch(input, init),
    token: () => captured ?? storedToken(session()),
    early,
  });
}

/** The one object the renderer talks to, whichever host it runs in. */
export const api: KalmApi = createApi();
