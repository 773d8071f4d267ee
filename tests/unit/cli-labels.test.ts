import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';
import { emulatorEnv, ROOT, runKalm } from './run-kalm';

describe('kalm label / labels / rules', () => {
  it('adds and removes labels by name, lists labels and rules, and refuses bad input', async () => {
    const env = { KALM_DATA_DIR: await tempDataDir() };
    expect((await runKalm(['demo'], env)).code).toBe(0);
    const reviews = JSON.parse((await runKalm(['reviews', '--json'], env)).stdout) as { id: string }[];
    const id = reviews[0]?.id ?? '';

    const add = await runKalm(['label', id, '--add', 'Brood', '--add', 'Service'], env);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain(`Changed: ${id} has Brood, Service.`);
    const again = await runKalm(['label', id, '--add', 'brood'], env);
    expect(again.stdout).toContain('Unchanged');

    const list = JSON.parse((await runKalm(['labels', '--json'], env)).stdout) as { name: string; reviews: number; color: string; id: string }[];
    expect(list.map((l) => [l.name, l.reviews])).toEqual([['Brood', 1], ['Service', 1]]);
    expect(list[0]?.color).toMatch(/^#[0-9a-f]{6}$/);

    const remove = await runKalm(['label', id, '--remove', 'Service'], env);
    expect(remove.stdout).toContain(`Changed: ${id} has Brood.`);
    const missing = await runKalm(['label', id, '--remove', 'Nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no label "Nope"');
    expect((await runKalm(['label', id], env)).code).toBe(2);
    const unknown = await runKalm(['label', 'google:nope:1', '--add', 'Nieuw'], env);
    expect(unknown.code).toBe(1);
    expect(JSON.parse((await runKalm(['labels', '--json'], env)).stdout)).toHaveLength(2);

    expect(JSON.parse((await runKalm(['rules', '--json'], env)).stdout)).toEqual([]);
    expect((await runKalm(['rules'], env)).stdout).toContain('No auto-label rules');
    expect((await runKalm(['--help'], env)).stdout).toContain('sync --watch');
    expect((await runKalm(['sync', '--interval', '5'], env)).code).toBe(2);
  }, 120_000);
});

describe('kalm sync --watch', () => {
  let emu: GoogleEmulator;
  beforeAll(async () => {
    emu = await startGoogleEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });

  it('syncs at once, keeps running, and stops cleanly on Ctrl+C', async () => {
    const env = emulatorEnv(emu, await tempDataDir());
    const connect = await runKalm(['connect', 'google', '--no-open'], env, (line) => {
      if (line.startsWith('http')) void fetch(line, { redirect: 'manual' }).then((r) => fetch(r.headers.get('location') ?? ''));
    });
    expect(connect.code, connect.stderr).toBe(0);
    const child = spawn(process.execPath, ['bin/kalm.js', 'sync', '--watch', '--json', '--interval', '60'], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const firstSync = new Promise<void>((resolve) => child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('\n')) resolve();
    }));
    await firstSync;
    // Still running a moment later (waiting for the next interval), until Ctrl+C.
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.exitCode).toBeNull();
    const line = JSON.parse(stdout.split('\n')[0] ?? '') as { new: number; locations: number; sources: { source: string }[] };
    expect(line.locations).toBeGreaterThan(0);
    expect(line.sources.map((s) => s.source)).toEqual(['google']); // every connected source, as `kalm sync`
    expect(line.new).toBeGreaterThan(0);
    expect(stderr).toContain('Syncing every 60 minutes');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toBe('Stopped.');
    // The data folder is free again: the lock was released.
    expect((await runKalm(['stats', '--json'], env)).code).toBe(0);
  }, 60_000);
  it('does not sync while the computer saves battery (a Linux power-saver profile)', async () => {
    const sys = await tempDataDir();
    await mkdir(join(sys, 'firmware/acpi'), { recursive: true });
    await writeFile(join(sys, 'firmware/acpi/platform_profile'), 'low-power\n');
    const env = { ...emulatorEnv(emu, await tempDataDir()), KALM_SYSFS_ROOT: sys };
    const connect = await runKalm(['connect', 'google', '--no-open'], env, (line) => {
      if (line.startsWith('http')) void fetch(line, { redirect: 'manual' }).then((r) => fetch(r.headers.get('location') ?? ''));
    });
    expect(connect.code, connect.stderr).toBe(0);
    const child = spawn(process.execPath, ['bin/kalm.js', 'sync', '--watch', '--json', '--interval', '60'], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    await new Promise<void>((resolve) => child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (stderr.includes('saves battery')) resolve();
    }));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    expect(stdout.trim()).toBe('Stopped.'); // no sync line: nothing was fetched
    expect(JSON.parse((await runKalm(['stats', '--json'], env)).stdout)).toMatchObject({ overall: { count: 0 } });
  }, 60_000);
});
