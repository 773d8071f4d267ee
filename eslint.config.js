import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/** The source folders (electron/core/sources/<name>/): each kind of review site is one; registry.ts lists them. */
const sourceFolders = readdirSync(new URL('./electron/core/sources/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => d.name);
const anySource = sourceFolders.join('|');
const electronOnlyInShell = { group: ['electron', 'electron/*'], message: 'Only the Electron shell files import electron; core stays plain Node.' };

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'events', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'dist-cli/', 'dist-cli-*/', 'dist-web/', 'release/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/ is pure TypeScript used by every side: no Node, no Electron, no DOM, no app folders.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'shared/ must stay pure: no Node APIs.' },
          { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
          { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'react-dom/*'], message: 'shared/ imports nothing from electron/ or renderer/.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'shared/ must not use the DOM.' },
        { name: 'document', message: 'shared/ must not use the DOM.' },
        { name: 'process', message: 'shared/ must not use Node globals.' },
        { name: 'Buffer', message: 'shared/ must not use Node globals.' },
        { name: 'require', message: 'shared/ must not use Node globals.' },
      ],
    },
  },
  {
    // The renderer runs in a sandboxed page: no Electron, no Node.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'renderer/ must not import Node APIs.' },
          { group: ['electron', 'electron/*', '**/electron/**'], message: 'renderer/ talks to the core only through api.ts.' },
        ],
      }],
      'no-restricted-syntax': ['error', {
        selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
        message: 'Review text is untrusted: never render HTML.',
      }],
    },
  },
  {
    // Tests may assert presence with `!`; Playwright fixtures require an object pattern, even an empty one.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-empty-pattern': 'off' },
  },
  {
    // Tests, their reference query (tests/oracle/) and fakes are never part of the app. (A rule of its own, so
    // the folder rules above and below keep their own no-restricted-imports lists.)
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'bin/**/*.{js,mjs,ts}', 'scripts/**/*.{js,mjs,ts}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/tests/**', 'tests/**'], message: 'Production code never imports tests/ (the reference query and the fakes live there).' }],
      }],
    },
  },
  {
    // Only the thin shell may import electron; the core stays plain Node.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/window.ts', 'electron/security.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/settings-electron.ts', 'electron/safe-storage-vault.ts', 'electron/keychain-file.ts', 'electron/background-shell.ts', 'electron/app-menu.ts', 'electron/desktop-shell.ts', 'electron/desktop-wiring.ts', 'electron/window-state.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnlyInShell] }],
    },
  },
  // One folder per source: a source folder never reaches into another (what they share lives outside every source
  // folder: google-api/, outbox/backoff.ts, store/), so a source can be added or removed as one folder.
  ...sourceFolders.map((name) => {
    const others = sourceFolders.filter((n) => n !== name).join('|');
    return {
      files: [`electron/core/sources/${name}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [electronOnlyInShell, ...(others ? [{
            regex: `^(\\.\\./)+((sources/)?(${others}))(/|$)`,
            message: `A source folder never imports another source folder (sources/${name}/ → another source); move what they share out of both (e.g. google-api/, outbox/backoff.ts).`,
          }] : [])],
        }],
      },
    };
  }),
  {
    // The generic outbox and the source-neutral files in sources/ know no source: publishers come through the
    // SourcePublisher port (outbox/source-publisher.ts), services and calls through the registry (the one file that lists sources).
    files: ['electron/core/outbox/**/*.ts', 'electron/core/sources/*.ts'],
    ignores: ['electron/core/sources/registry.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [electronOnlyInShell, {
          regex: `^(\\.\\./)+(sources/(${anySource})|google-api)(/|$)|^\\./(${anySource})(/|$)`,
          message: 'The outbox and the source-neutral files import no source folder (nor google-api/): use the SourcePublisher port, and list sources only in sources/registry.ts.',
        }],
      }],
    },
  },
);
