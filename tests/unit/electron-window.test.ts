import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from './helpers';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  class FakeContents {
    listeners = new Map<string, Listener[]>();
    openHandler: ((details: { url: string }) => { action: string }) | undefined;
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      this.openHandler = fn;
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
  }
  class FakeWindow {
    static created: FakeWindow[] = [];
    readonly webContents = new FakeContents();
    readonly onceListeners = new Map<string, Listener>();
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      FakeWindow.created.push(this);
    }
    once(event: string, fn: Listener) {
      this.onceListeners.set(event, fn);
      return this;
    }
  }
  return {
    FakeContents,
    FakeWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
  };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow, protocol: fake.protocol, shell: fake.shell, nativeTheme: { shouldUseDarkColors: false } }));

import { builtPaths, createAppProtocolHandler, createMainWindow, registerAppScheme, serveRenderer } from '../../electron/window';
import { mimeType } from '../../electron/core/renderer-files';
import { CLIPBOARD_WRITE, hardenContents, restrictPermissions, isAppUrl, isSafeExternalUrl, secureWebPreferences } from '../../electron/security';

type FakeContents = InstanceType<typeof fake.FakeContents>;

function navEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

beforeEach(() => {
  fake.FakeWindow.created.length = 0;
  vi.clearAllMocks();
});

describe('URL checks', () => {
  it('recognises only the app origin as the app', () => {
    expect(isAppUrl('app://kalm/index.html')).toBe(true);
    expect(isAppUrl('app://kalm/')).toBe(true);
    for (const url of ['app://evil/index.html', 'app://kalm.evil/index.html', 'app://user@kalm/', 'https://kalm/', 'file:///index.html', 'kalm', '', null, undefined]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('lets only plain http(s) links out', () => {
    expect(isSafeExternalUrl('https://www.google.com/maps/place/x')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'vbscript:x', 'app://kalm/', 'ms-settings:', 'smb://host/share', 'https://user:pw@example.com/', 'not a url', '']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('createMainWindow', () => {
  it('uses the secure webPreferences and loads the app page', () => {
    const win = createMainWindow({ preload: '/built/preload.cjs' });
    const created = fake.FakeWindow.created[0];
    expect(created).toBeDefined();
    expect(created?.options).toMatchObject({ title: 'Kalm', width: 1280, height: 820, show: false });
    expect(created?.options['minWidth']).toBeTypeOf('number');
    expect(created?.options['backgroundColor']).toBe('#f4f3f0');
    expect(created?.options['webPreferences']).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: '/built/preload.cjs',
    });
    expect(created?.loadURL).toHaveBeenCalledWith('app://kalm/index.html');
    expect(created?.show).not.toHaveBeenCalled();
    created?.onceListeners.get('ready-to-show')?.();
    expect(created?.show).toHaveBeenCalledOnce();
    expect(win).toBe(created);
  });

  it('finds preload and renderer next to the built main file', () => {
    const main = path.resolve('/opt/kalm/dist-electron/main.mjs');
    const paths = builtPaths(pathToFileURL(main).href);
    expect(paths.preload).toBe(path.resolve('/opt/kalm/dist-electron/preload.cjs'));
    expect(paths.rendererDir).toBe(path.resolve('/opt/kalm/dist/renderer'));
    expect(secureWebPreferences('x').preload).toBe('x');
  });
});

describe('hardened webContents', () => {
  function hardened(): FakeContents {
    createMainWindow({ preload: '/p.cjs' });
    const contents = fake.FakeWindow.created[0]?.webContents;
    if (!contents) throw new Error('no window');
    return contents;
  }

  it('blocks navigation and redirects away from the app', () => {
    const contents = hardened();
    for (const event of ['will-navigate', 'will-redirect']) {
      const foreign = navEvent('https://evil.example/phish');
      contents.emit(event, foreign, foreign.url);
      expect(foreign.preventDefault, event).toHaveBeenCalled();
      const own = navEvent('app://kalm/index.html#/inbox');
      contents.emit(event, own, own.url);
      expect(own.preventDefault, event).not.toHaveBeenCalled();
    }
  });

  it('denies every new window and opens only safe links externally', () => {
    const contents = hardened();
    expect(contents.openHandler?.({ url: 'https://www.google.com/maps' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://www.google.com/maps');
    fake.shell.openExternal.mockClear();
    for (const url of ['javascript:alert(document.cookie)', 'file:///etc/passwd', 'data:text/html,x', 'app://kalm/index.html']) {
      expect(contents.openHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const contents = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('hardening twice does not add listeners twice', () => {
    const contents = hardened();
    hardenContents(contents as unknown as WebContents, fake.shell);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
  });

  type Details = { requestingUrl?: string; isMainFrame?: boolean };
  function permissionHandlers() {
    let request: ((wc: unknown, permission: string, cb: (ok: boolean) => void, details: Details) => void) | undefined;
    let check: ((wc: unknown, permission: string, origin: string, details: Details) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    };
    restrictPermissions(session as unknown as Session);
    const asked = (permission: string, details: Details): boolean => {
      const cb = vi.fn();
      request?.({}, permission, cb, details);
      expect(cb).toHaveBeenCalledOnce();
      return cb.mock.calls[0]?.[0] as boolean;
    };
    const checked = (permission: string, origin: string, details: Details): boolean => check?.({}, permission, origin, details) ?? true;
    return { asked, checked };
  }

  it('denies every permission request and check but the clipboard write', () => {
    const { asked, checked } = permissionHandlers();
    const app = { requestingUrl: 'app://kalm/index.html', isMainFrame: true };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(asked(permission, app), permission).toBe(false);
      expect(checked(permission, 'app://kalm', app), permission).toBe(false);
    }
  });

  it('allows clipboard-sanitized-write for the app’s own main frame only', () => {
    const { asked, checked } = permissionHandlers();
    expect(CLIPBOARD_WRITE).toBe('clipboard-sanitized-write');
    expect(asked(CLIPBOARD_WRITE, { requestingUrl: 'app://kalm/index.html#/inbox', isMainFrame: true })).toBe(true);
    expect(checked(CLIPBOARD_WRITE, 'app://kalm', { requestingUrl: 'app://kalm/index.html', isMainFrame: true })).toBe(true);
    expect(checked(CLIPBOARD_WRITE, 'app://kalm', { isMainFrame: true })).toBe(true);
    // A sub-frame of the app, another origin, a look-alike host, or no frame information: refused.
    expect(asked(CLIPBOARD_WRITE, { requestingUrl: 'app://kalm/index.html', isMainFrame: false })).toBe(false);
    expect(asked(CLIPBOARD_WRITE, { requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(asked(CLIPBOARD_WRITE, { requestingUrl: 'app://kalm.evil/index.html', isMainFrame: true })).toBe(false);
    expect(asked(CLIPBOARD_WRITE, { requestingUrl: 'app://kalm/index.html' })).toBe(false);
    expect(checked(CLIPBOARD_WRITE, 'https://evil.example', { requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(checked(CLIPBOARD_WRITE, 'app://kalm', { requestingUrl: 'app://kalm/x', isMainFrame: false })).toBe(false);
  });
});

describe('app:// protocol', () => {
  async function rendererFixture() {
    const base = await tempDataDir();
    const root = path.join(base, 'dist', 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Kalm</title>');
    await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
    await writeFile(path.join(base, 'secret.txt'), 'TOP SECRET');
    await writeFile(path.join(base, 'dist', 'secret.txt'), 'TOP SECRET');
    return createAppProtocolHandler(root);
  }

  it('registers app: as a privileged scheme and serves it', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    serveRenderer('/somewhere');
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves index.html and assets with the right MIME types', async () => {
    const handle = await rendererFixture();
    const index = await handle(new Request('app://kalm/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>Kalm</title>');
    expect((await handle(new Request('app://kalm/'))).status).toBe(200);
    const js = await handle(new Request('app://kalm/assets/index-abc.js'));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await handle(new Request('app://kalm/assets/index-abc.css'))).headers.get('content-type')).toMatch(/^text\/css/);
    expect(mimeType('font.woff2')).toBe('font/woff2');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });

  it('refuses path traversal and other hosts', async () => {
    const handle = await rendererFixture();
    const attempts = [
      'app://kalm/../../etc/passwd',
      'app://kalm/../secret.txt',
      'app://kalm/..%2f..%2fsecret.txt',
      'app://kalm/..%2fsecret.txt',
      'app://kalm/%2e%2e/%2e%2e/secret.txt',
      'app://kalm/assets/..%2f..%2f..%2fsecret.txt',
      'app://kalm/..%5c..%5csecret.txt',
      'app://kalm/%2fetc%2fpasswd',
      'app://kalm/index.html%00.png',
      'app://kalm/%E0%A4%A',
      'app://evil/index.html',
    ];
    for (const url of attempts) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      const body = await res.text();
      expect(body, url).not.toContain('TOP SECRET');
      expect(body, url).not.toContain('root:');
    }
    expect((await handle(new Request('app://kalm/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://kalm/assets'))).status).toBe(404);
    expect((await handle(new Request('app://kalm/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
