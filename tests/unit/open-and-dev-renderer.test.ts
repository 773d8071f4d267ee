import { describe, expect, it, vi } from 'vitest';
import { createDevRendererHandler, devRendererUrl } from '../../electron/dev-renderer';
import { openFolder, openInBrowser } from '../../electron/web-host/open-browser';

describe('opening URLs with the open package (web host and CLI)', () => {
  it('hands Google’s consent URL to the opener whole, & and all', async () => {
    const consent = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=1234-abc.apps.googleusercontent.com&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000&response_type=code&scope=x&state=y';
    const opener = vi.fn(() => Promise.resolve());
    const display = process.env.DISPLAY;
    process.env.DISPLAY = ':0';
    try {
      openInBrowser(consent, opener);
      expect(opener).toHaveBeenCalledWith(consent);
      expect(await openFolder('/tmp/kalm/logs', opener)).toBe('');
      expect(await openFolder('/tmp/kalm/logs', () => Promise.reject(new Error('xdg-open is not installed')))).toBe('xdg-open is not installed');
    } finally {
      if (display === undefined) delete process.env.DISPLAY;
      else process.env.DISPLAY = display;
    }
  });

  it('never fails the host when the opener does', () => {
    expect(() => openInBrowser('https://example.org/', () => Promise.reject(new Error('no browser')))).not.toThrow();
  });
});

describe('npm run dev: app://kalm/ through to Vite', () => {
  it('accepts only a loopback dev server, and never inside an installed app', () => {
    expect(devRendererUrl({ KALM_DEV_RENDERER_URL: 'http://127.0.0.1:5173/' }, 'file:///repo/dist-electron/main.mjs')?.href).toBe('http://127.0.0.1:5173/');
    expect(devRendererUrl({ KALM_DEV_RENDERER_URL: 'http://127.0.0.1:5173/' }, 'file:///opt/Kalm/resources/app.asar/dist-electron/main.mjs')).toBeNull();
    expect(devRendererUrl({ KALM_DEV_RENDERER_URL: 'http://evil.example.org:5173/' }, 'file:///repo/main.mjs')).toBeNull();
    expect(devRendererUrl({ KALM_DEV_RENDERER_URL: 'not a url' }, 'file:///repo/main.mjs')).toBeNull();
    expect(devRendererUrl({}, 'file:///repo/main.mjs')).toBeNull();
  });

  it('passes app://kalm/<path> to the dev server and refuses other hosts', async () => {
    const fetchFn = vi.fn((url: URL | RequestInfo) => Promise.resolve(new Response(`from ${String(url)}`))) as unknown as typeof fetch;
    const handle = createDevRendererHandler(new URL('http://127.0.0.1:5173/'), fetchFn);
    expect(await (await handle(new Request('app://kalm/src/main.tsx?t=1'))).text()).toBe('from http://127.0.0.1:5173/src/main.tsx?t=1');
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
  });
});
