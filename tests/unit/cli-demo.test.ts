import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from './helpers';
import { runKalm as kalm } from './run-kalm';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name).slice(dir.length + 1));
  return out;
}

describe('kalm demo --remove', () => {
  it('an import keeps the demo and says how to remove it; kalm demo --remove removes it with the owner’s work on it and leaves no orphan file', async () => {
    const dir = await tempDataDir();
    const env = { KALM_DATA_DIR: dir };
    expect((await kalm(['demo'], env)).code).toBe(0);
    const demo = JSON.parse((await kalm(['reviews', '--json', '--unanswered', '--source', 'google'], env)).stdout) as { id: string }[];
    const [a, b] = demo;
    if (!a || !b) throw new Error('the demo has unanswered reviews');
    expect((await kalm(['reply', a.id, '--text', 'Dank je wel voor je review!'], env)).code).toBe(0);
    expect((await kalm(['reply', b.id, '--text', 'Fijn dat je langs kwam.'], env)).code).toBe(0);
    expect((await kalm(['publish'], env)).code).toBe(0); // demo replies are answered locally: sent items and history
    expect((await kalm(['reply', a.id, '--text', 'Een tweede reactie, nog in de wachtrij.'], env)).code).toBe(0);
    const demoCount = (JSON.parse((await kalm(['reviews', '--json'], env)).stdout) as unknown[]).length;

    const imported = await kalm(['import', join(FIX, 'kiyoh.csv'), '--preset', 'kiyoh', '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: 3 }); // stdout stays pure JSON
    expect(imported.stderr).toMatch(/The demo is kept beside your reviews \(\d+ reviews, 0 drafts, 3 replies, \d+ labels?, \d+ notes?, 0 hand-offs\)\. Remove it with: kalm demo --remove/);
    const after = JSON.parse((await kalm(['reviews', '--json'], env)).stdout) as { id: string; source: string }[];
    expect(after.filter((r) => r.source === 'google')).toHaveLength(demoCount);
    expect(after.some((r) => r.id === a.id)).toBe(true);
    expect(after.filter((r) => r.source === 'kiyoh')).toHaveLength(3);
    expect((await filesUnder(dir)).some((f) => f.startsWith('outbox/'))).toBe(true);

    // Connecting Google would replace the demo (same source id): the CLI cannot ask, so it refuses and changes nothing.
    const google = await kalm(['connect', 'google', '--no-open'], env);
    expect(google.code).toBe(1);
    expect(google.stderr).toContain('Nothing was changed. Remove it with `kalm demo --remove`, then connect again.');
    expect((JSON.parse((await kalm(['reviews', '--json'], env)).stdout) as unknown[]).length).toBe(after.length);

    expect((await kalm(['demo', '--json'], env)).code).toBe(2);
    const removed = await kalm(['demo', '--remove', '--json'], env);
    expect(removed.code, removed.stderr).toBe(0);
    const body = JSON.parse(removed.stdout) as { removed: { reviews: number; replies: number; drafts: number } };
    expect(body.removed).toMatchObject({ reviews: demoCount, replies: 3, drafts: 0 });

    const left = JSON.parse((await kalm(['reviews', '--json'], env)).stdout) as { source: string }[];
    expect(left.map((r) => r.source)).toEqual(['kiyoh', 'kiyoh', 'kiyoh']);
    const files = await filesUnder(dir);
    expect(files.filter((f) => /^(drafts|outbox|history|handoffs)\//.test(f) || f.startsWith('reviews/google'))).toEqual([]);
    for (const f of files.filter((x) => x.endsWith('.json') && !x.startsWith('backups'))) expect(await readFile(join(dir, f), 'utf8')).not.toContain(a.id);

    const again = await kalm(['demo', '--remove'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is no demo to remove.');
  }, 90_000);
});
