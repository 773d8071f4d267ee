import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-kalm';

/**
 * docs/ARCHITECTURE.md stays true: every project path it names exists, every folder of the core and every source
 * folder is on the page, and every boundary it states names a test or lint rule that exists.
 */
const page = readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
const ROOTS = ['electron/', 'shared/', 'renderer/', 'tests/', 'bench/', 'scripts/', 'docs/', 'eslint.config.js'];

/** The `code spans` on the page that name a project path (placeholders like <name> and globs left out). */
function namedPaths(): string[] {
  const spans = [...page.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  return [...new Set(spans.filter((s) => ROOTS.some((r) => s.startsWith(r)) && !/[<>*…]/.test(s)).map((s) => s.replace(/[.,;:]$/, '')))];
}

const dirsIn = (dir: string): string[] => readdirSync(path.join(ROOT, dir)).filter((d) => statSync(path.join(ROOT, dir, d)).isDirectory());

describe('docs/ARCHITECTURE.md', () => {
  it('names only paths that exist', () => {
    const paths = namedPaths();
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  it('places every folder of the core and every source folder', () => {
    const missing = [
      ...dirsIn('electron/core').filter((d) => d !== 'sources').map((d) => `electron/core/${d}/`),
      ...dirsIn('electron/core/sources').map((d) => `electron/core/sources/${d}/`),
      ...dirsIn('shared').map((d) => `shared/${d}/`),
    ].filter((p) => !page.includes(p) && !page.includes(`\`${p.split('/').at(-2) ?? ''}/\``));
    expect(missing).toEqual([]);
  });

  it('keeps each boundary with a rule or test that exists', () => {
    const table = page.slice(page.indexOf('## The folders'), page.indexOf('## The core'));
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) {
      const keptBy = row.split('|').at(-2)?.trim() ?? '';
      if (row.startsWith('| `bench/`')) continue; // measures, states no boundary
      expect(keptBy, row).toMatch(/ESLint|tests\/unit\//);
      for (const [, file] of keptBy.matchAll(/`(tests\/unit\/[^`*]+)`/g)) expect(existsSync(path.join(ROOT, file ?? '')), file).toBe(true);
    }
  });
});
