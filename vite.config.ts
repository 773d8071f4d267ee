import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Development only (npm run dev, npm run dev:web): Vite's hot reload injects an inline script (React Refresh) and
 * inline <style> tags, which the page's strict CSP refuses. The built app keeps the strict CSP.
 */
const devCsp: Plugin = {
  name: 'kalm-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      // npm run dev (Electron): the page is app://kalm, its hot-reload socket is Vite's on 127.0.0.1.
      .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:*"),
};

/** Builds the renderer once; the same files are loaded by Electron and served by the web host. */
export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [react(), devCsp],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
});
