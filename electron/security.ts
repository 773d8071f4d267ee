import type { Session, Shell, WebContents, WebPreferences } from 'electron';

/**
 * Security helpers for the Electron shell. Pure functions plus small hooks that
 * take the Electron objects as arguments, so tests pass fakes instead of Electron.
 */

/** The app's own origin: the renderer is served from `app://kalm/` (see window.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kalm';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for pages of the app itself (`app://kalm/...`), never for look-alikes or other schemes. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** Links from untrusted text may open in the user's browser only when they are plain http(s) with a host. */
export function isSafeExternalUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  return u.hostname !== '' && u.username === '' && u.password === '';
}

/** The webPreferences every Kalm window uses: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preload: string) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
    preload,
  } as const satisfies WebPreferences;
}

const hardened = new WeakSet<object>();

/**
 * Locks down one webContents: it can only navigate inside the app, new windows
 * are never created (safe http(s) links go to the user's browser), and no
 * <webview> can be attached. Calling it twice on the same contents is a no-op.
 */
export function hardenContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // "Forward to department" opens the mail client with a mailto: link.
    if (/^mailto:[^\s]{1,8000}$/.test(event.url)) void Promise.resolve(shell.openExternal(event.url)).catch(() => undefined);
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);

  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      void Promise.resolve(shell.openExternal(url)).catch(() => undefined);
    }
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** The one permission Kalm's pages use: writing plain text to the clipboard (Copy reply, Copy and open, Forward). */
export const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/** Whether a permission may be used: only the clipboard write, only by the app's own page in its main frame. */
export function isPermissionAllowed(permission: string, requestingUrl: string | null | undefined, isMainFrame: boolean | undefined): boolean {
  return permission === CLIPBOARD_WRITE && isMainFrame === true && isAppUrl(requestingUrl);
}

/**
 * Kalm needs no camera, microphone, notifications, geolocation, …: every request and check is
 * refused, except the clipboard write of the app's own main frame (never a sub-frame or another origin).
 */
export function restrictPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, details.isMainFrame)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame),
  );
}
