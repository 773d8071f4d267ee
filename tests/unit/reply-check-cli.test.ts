import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from './helpers';
import { runKalm as kalm } from './run-kalm';

interface Out {
  bytes: number;
  limit: number | null;
  findings: { rule: string; severity: string; start: number; end: number; message: string; suggestions: string[] }[];
}

describe('kalm check-reply', () => {
  let dir: string;
  let env: Record<string, string>;
  const file = async (name: string, text: string): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  beforeEach(async () => {
    dir = await tempDataDir();
    env = { KALM_DATA_DIR: join(dir, 'data') };
  });

  it('prints findings with character offsets and English messages, and exits 0', async () => {
    const f = await file('r.txt', '😀 Hallo. Dat klopt niet!! Wij belden u op 06-12345678.\n');
    const r = await kalm(['check-reply', '--text-file', f, '--lang', 'nl', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.bytes).toBe(Buffer.byteLength('😀 Hallo. Dat klopt niet!! Wij belden u op 06-12345678.'));
    expect(out.limit).toBe(4096);
    const defensive = out.findings.find((x) => x.rule === 'defensive');
    // The emoji is one character (two UTF-16 units): "Dat" starts at character 9.
    // The whole sentence is marked: that is what its calm rewrite replaces.
    expect(defensive).toMatchObject({ severity: 'error', start: 9, end: 25 });
    expect(defensive?.suggestions.length).toBeGreaterThan(0);
    expect(defensive?.suggestions[0]).toMatch(/ u /);
    expect(defensive?.message).toMatch(/defensive/i);
    expect(Array.from('😀 Hallo. Dat klopt niet!! Wij belden u op 06-12345678.').slice(9, 25).join('')).toBe('Dat klopt niet!!');
    expect(out.findings.map((x) => x.rule)).toEqual(expect.arrayContaining(['shouting', 'tone', 'personal-data']));
    for (const x of out.findings) expect(Object.keys(x)).toEqual(['rule', 'severity', 'start', 'end', 'message', 'suggestions']);
    // It never creates or locks the data folder.
    await expect(readdir(env.KALM_DATA_DIR!)).rejects.toThrow();
  });

  it('says a calm reply is calm', async () => {
    const f = await file('ok.txt', 'Hi Anna,\n\nThank you for your review. We are sorry we did not help you the way we should have.\n\nKind regards,\nSanne\n');
    const r = await kalm(['check-reply', '--text-file', f], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('No findings');
    expect(r.stdout).toContain('English reply');
  });

  it('applies the Play limit in characters and reports where the reply goes over', async () => {
    const f = await file('long.txt', `Hi Anna, ${'é'.repeat(400)}\nSanne`);
    const r = await kalm(['check-reply', '--text-file', f, '--source', 'play', '--rating', '5', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.limit).toBe(350);
    expect(out.findings[0]).toMatchObject({ rule: 'limit', severity: 'error', start: 350 });
  });

  it('imported sites document no maximum: no limit finding, the size in characters, limit null', async () => {
    const f = await file('tp.txt', `Hi Anna,\n\n${'Dank voor je review. '.repeat(300)}\n\nSanne`);
    const json = await kalm(['check-reply', '--text-file', f, '--source', 'trustpilot', '--rating', '5', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as Out;
    expect(out.limit).toBeNull();
    expect(out.findings.map((x) => x.rule)).not.toContain('limit');
    const text = await kalm(['check-reply', '--text-file', f, '--source', 'trustpilot', '--rating', '5'], env);
    expect(text.stdout).toMatch(/^\d+ characters, no maximum documented by Trustpilot/);
  });

  it('uses the business tone settings from the data folder (formality u)', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(env.KALM_DATA_DIR!, { recursive: true });
    await writeFile(join(env.KALM_DATA_DIR!, 'settings.json'), JSON.stringify({ preferences: { formality: 'u', contact: '020 123 4567' } }));
    const f = await file('je.txt', 'Beste Anna,\n\nBedankt voor je review. Bel ons gerust op 020 123 4567.\n\nSanne');
    const out = JSON.parse((await kalm(['check-reply', '--text-file', f, '--lang', 'nl', '--json'], env)).stdout) as Out;
    expect(out.findings.map((x) => x.rule)).toEqual(['formality']);
  });

  it.each([
    [['check-reply'], 'needs --text-file'],
    [['check-reply', '--text-file', 'x', '--lang', 'de'], '--lang takes nl or en'],
    [['check-reply', '--text-file', 'x', '--source', 'yelp'], '--source takes google, play, trustpilot, tripadvisor, facebook, kiyoh, import'],
    [['check-reply', '--text-file', 'x', '--rating', '6'], '--rating takes'],
    [['check-reply', '--text-file', 'x', '--bogus'], 'bogus'],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const r = await kalm(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('check-reply --text-file F');
  });

  it('exits 1 with a clear message when the file cannot be read', async () => {
    const r = await kalm(['check-reply', '--text-file', join(dir, 'missing.txt')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such file');
  });
});
