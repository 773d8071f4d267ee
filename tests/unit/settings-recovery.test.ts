import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { runKalm } from './run-kalm';
import { tempDataDir } from './helpers';

const BROKEN: [string, string][] = [
  ['truncated', '{"preferences": {"formality": "je", "signat'],
  ['emptied', ''],
  ['filled with garbage', '\u0000\u0001garbage\u00ff'],
  ['not an object', '[1, 2, 3]'],
];

describe('a broken settings.json', () => {
  it.each(BROKEN)('%s: is moved to quarantine/, reported by name, and Kalm starts with the defaults and can save again', async (_what, text) => {
    const dir = await tempDataDir();
    await writeFile(join(dir, 'settings.json'), text);
    const kalm = await createKalm({ dataDir: dir, host: 'web' });
    try {
      const problem = kalm.problems.find((p) => p.file === 'settings.json');
      expect(problem?.kind).toBe('quarantined');
      expect(problem?.reason).toMatch(/^Your settings in settings\.json (is not valid JSON|does not have the expected format).*moved to quarantine\/settings\.json\.\d{4}-.*Kalm uses the default settings/);
      const moved = await readdir(join(dir, 'quarantine'));
      expect(moved).toHaveLength(1);
      expect(await readFile(join(dir, 'quarantine', moved[0]!), 'utf8')).toBe(text); // nothing thrown away
      const { problems } = await kalm.call('app.storeProblems', {});
      expect(problems.map((p) => p.file)).toContain('settings.json');
      await kalm.call('settings.update', { formality: 'je' });
      expect((await kalm.call('settings.get', {})).formality).toBe('je');
    } finally {
      await kalm.close();
    }
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ preferences: { formality: 'je' } });
  });

  it('kalm doctor names it and exits 1 before and after Kalm moved it; the CLI still writes', async () => {
    const dir = await tempDataDir();
    await writeFile(join(dir, 'settings.json'), '{"preferences": {');
    const before = await runKalm(['doctor', '--json'], { KALM_DATA_DIR: dir });
    expect(before.code).toBe(1);
    const report = JSON.parse(before.stdout) as { ok: boolean; problems: { file: string; kind: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining({ file: 'settings.json', kind: 'quarantined' }));
    expect(existsSync(join(dir, 'settings.json'))).toBe(true); // doctor changes nothing

    const demo = await runKalm(['demo'], { KALM_DATA_DIR: dir });
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stderr).toContain('settings.json');

    const after = await runKalm(['doctor'], { KALM_DATA_DIR: dir });
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('quarantine/settings.json.');
  });

  it('a value that does not validate is reported, the valid ones kept', async () => {
    const dir = await tempDataDir();
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ preferences: { formality: 'je', syncIntervalMinutes: 'often' } }));
    const kalm = await createKalm({ dataDir: dir, host: 'cli' });
    try {
      expect(kalm.problems.find((p) => p.file === 'settings.json')?.reason).toContain('syncIntervalMinutes');
      expect((await kalm.call('settings.get', {})).formality).toBe('je');
    } finally {
      await kalm.close();
    }
  });
});
