import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, fixture, permissionRunner, runNode, snapshot } from '../fixtures/store/fixtures';
import { tempDataDir } from './helpers';

/** Runs the real `kalm` bin, as a user would. */
const kalm = (args: string[], dataDir: string, uid?: number) => runNode(['bin/kalm.js', ...args], { KALM_DATA_DIR: dataDir }, uid);

interface DoctorJson {
  ok: boolean;
  dataDir: string;
  reviews: number;
  locations: number;
  problems: { file: string; kind: string; reason: string; movedTo: string | null; fix: string }[];
  upgrades: { file: string; reason: string }[];
  quarantine: { file: string; original: string; at: string | null; bytes: number; fix: string }[];
  leftoverTempFiles: string[];
  lock: { pid: number | null; hostname: string | null; startedAt: string | null; alive: boolean | null } | null;
}

const lockFile = (pid: number) => JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-03-01T09:00:00.000Z', token: 'abc' }) + '\n';

describe('kalm doctor', () => {
  it('on a healthy folder: says all is well, exits 0, and changes nothing', async () => {
    const dir = await tempDataDir();
    await copyFixture('v3', dir);
    const before = await snapshot(dir);

    const text = await kalm(['doctor'], dir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain(`Kalm doctor — data folder ${dir}`);
    expect(text.stdout).toContain('Lock: no Kalm is using this folder right now.');
    expect(text.stdout).toContain('All good: 2 reviews at 2 locations, every file readable.');

    const json = await kalm(['doctor', '--json'], dir);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as DoctorJson;
    expect(report).toMatchObject({ ok: true, dataDir: dir, reviews: 2, locations: 2, problems: [], upgrades: [], quarantine: [], leftoverTempFiles: [], lock: null });
    expect(await snapshot(dir)).toEqual(before);
  });

  it('on a folder that does not exist yet: nothing to check, and it is not created', async () => {
    const dir = join(await tempDataDir(), 'not-yet');
    const r = await kalm(['doctor'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('There is no Kalm data here yet; nothing to check.');
    expect(existsSync(dir)).toBe(false);
  });

  it('on a broken folder: lists each file with why and a fix, the quarantine and the lock; exits 1; moves nothing', async () => {
    const dir = await tempDataDir();
    await copyFixture('v3', dir);
    await writeFile(join(dir, 'reviews/google--gent.json'), await readFile(fixture('bad/truncated.json'), 'utf8'));
    await writeFile(join(dir, 'reviews/google--brugge.json'), await readFile(fixture('bad/future-v7.json'), 'utf8'));
    await mkdir(join(dir, 'reviews/google--antwerpen.json'));
    await writeFile(join(dir, 'reviews/google--leuven.json'), (await readFile(fixture('v0/reviews/google--utrecht.json'), 'utf8')).replaceAll('utrecht', 'leuven'));
    await mkdir(join(dir, 'quarantine'));
    await writeFile(join(dir, 'quarantine/reviews__google--gent.json.2026-02-20T08-15-00-000Z'), '{"half');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(join(dir, 'kalm.lock'), lockFile(dead));
    await writeFile(join(dir, `reviews/.google--utrecht.json.${dead}.0badf00d.tmp`), '{');
    const before = await snapshot(dir);

    const text = await kalm(['doctor'], dir);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe(`kalm: doctor found 4 files in ${dir} that need your attention.\n`);
    const out = text.stdout;
    expect(out).toContain('Files Kalm cannot use (3):');
    expect(out).toMatch(/✗ reviews\/google--gent\.json\n {4}reviews\/google--gent\.json is not valid JSON \(.+\)\. Kalm will move it to quarantine\/ the next time it opens; nothing will be deleted\.\n {4}Fix: /);
    expect(out).toContain('reviews/google--brugge.json was written by a newer version of Kalm (schema 7); this version reads up to 3.');
    expect(out).toContain('Fix: Install the newest version of Kalm.');
    expect(out).toContain('reviews/google--antwerpen.json is a folder, not a file.');
    expect(out).toContain('In quarantine/ (1) — set aside earlier, nothing was deleted:');
    expect(out).toContain('was reviews/google--gent.json, moved 2026-02-20 08:15 UTC, 6 bytes');
    expect(out).toContain('From an older Kalm (1) — upgraded automatically at the next start:\n  ↑ reviews/google--leuven.json');
    expect(out).toContain('1 unfinished temporary file from an interrupted save');
    expect(out).toContain(`Lock: left by Kalm process ${dead}, which is no longer running; Kalm takes it over at the next start.`);
    expect(out).toContain('4 files need your attention; 2 reviews can be read without problems.');

    const json = await kalm(['doctor', '--json'], dir);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as DoctorJson;
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => [p.file, p.kind, p.movedTo])).toEqual([
      ['reviews/google--antwerpen.json', 'unreadable', null],
      ['reviews/google--brugge.json', 'newer-version', null],
      ['reviews/google--gent.json', 'quarantined', null],
    ]);
    for (const p of report.problems) expect(p.fix.length).toBeGreaterThan(20);
    expect(report.upgrades.map((u) => u.file)).toEqual(['reviews/google--leuven.json']);
    expect(report.quarantine).toEqual([
      {
        file: 'quarantine/reviews__google--gent.json.2026-02-20T08-15-00-000Z',
        original: 'reviews/google--gent.json',
        at: '2026-02-20T08:15:00.000Z',
        bytes: 6,
        fix: expect.stringContaining('Open it in a text editor'),
      },
    ]);
    expect(report.leftoverTempFiles).toEqual([`reviews/.google--utrecht.json.${dead}.0badf00d.tmp`]);
    expect(report.lock).toEqual({ pid: dead, hostname: hostname(), startedAt: '2026-03-01T09:00:00.000Z', alive: false });

    // A dry run: not one file was moved, upgraded, created or removed.
    expect(await snapshot(dir)).toEqual(before);
  });

  it('says when Kalm is running on the folder', async () => {
    const dir = await tempDataDir();
    await copyFixture('v3', dir);
    await writeFile(join(dir, 'kalm.lock'), lockFile(process.pid));
    const r = await kalm(['doctor'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Lock: Kalm is running (process ${process.pid}, since 2026-03-01 09:00 UTC)`);
  });

  it('is in the usage text, and a bad flag exits 2 without touching anything', async () => {
    const dir = await tempDataDir();
    const help = await kalm(['--help'], dir);
    expect(help.stdout).toMatch(/^ {2}doctor \[--json\] +check the data folder without changing it/m);
    const bad = await kalm(['doctor', '--fix'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: kalm');
    expect(bad.stdout).toBe('');
  });

  it('on a read-only folder with a file it may not read (real permissions): reports it with a permissions fix', async (ctx) => {
    const runner = await permissionRunner();
    if ('skip' in runner) {
      console.warn(`cli-doctor: real permission test not run — ${runner.skip}`);
      ctx.skip(runner.skip);
      return;
    }
    const dir = await tempDataDir();
    await copyFixture('v3', dir);
    await chmod(join(dir, 'reviews/google--gent.json'), 0o000);
    for (const d of [join(dir, 'reviews'), dir]) await chmod(d, 0o555);
    try {
      const r = await kalm(['doctor', '--json'], dir, runner.uid);
      expect(r.code, r.stderr).toBe(1);
      const report = JSON.parse(r.stdout) as DoctorJson;
      expect(report.problems).toEqual([
        expect.objectContaining({
          file: 'reviews/google--gent.json',
          kind: 'unreadable',
          reason: "Kalm could not read reviews/google--gent.json (Kalm is not allowed to read it). It was left as it is; check the file's permissions.",
          fix: expect.stringContaining('your user account may read and write'),
        }),
      ]);
      expect(report.reviews).toBe(1);
    } finally {
      for (const d of [dir, join(dir, 'reviews')]) await chmod(d, 0o755);
      await chmod(join(dir, 'reviews/google--gent.json'), 0o644);
    }
  });
});
