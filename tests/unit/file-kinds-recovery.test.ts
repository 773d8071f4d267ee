import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKalm, type KalmCore } from '../../electron/core/create-kalm';
import { createSafeStoragePlayKeyStore } from '../../electron/play-key-vault';
import { createSafeStorageVault, type SafeStorageLike } from '../../electron/safe-storage-vault';
import { runKalm } from './run-kalm';

/**
 * Issue 17, item 3: every file kind Kalm reads from the data folder × every way it breaks. The core starts,
 * the file is moved to quarantine/ (or, written by a newer Kalm, left exactly as it is), the core's problems
 * list names it, and `kalm doctor --json` lists it and exits 1.
 */

/** Electron's keychain, faked: "encryption" is a visible prefix, so a file without it does not decrypt. */
const keychain: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(`ENC:${plain}`),
  decryptString: (cipher) => {
    const text = cipher.toString();
    if (!text.startsWith('ENC:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return text.slice(4);
  },
};
const encrypted = (json: string): string => `${Buffer.from(`ENC:${json}`).toString('base64')}\n`;

type Fault = 'truncated' | 'empty' | 'garbage' | 'newer schemaVersion';
const FAULTS: Record<Fault, string> = {
  truncated: '{"schemaVersion": 1, "reviewId": "google:gent:a1", "text": "Dank je wel voor je rev',
  empty: '',
  garbage: '\u0000\u0001\u00ffgarbage}{',
  'newer schemaVersion': '{"schemaVersion": 99, "reviewId": "google:gent:a1", "id": "x", "shard": "x", "future": true}',
};

interface Kind {
  file: string;
  /** Versioned files from a newer Kalm are protected (left in place); the others do not validate and are quarantined. */
  versioned: boolean;
  /** Stored through Electron's keychain (the core gets the keychain vault / key store). */
  keychain?: boolean;
  /** What the banner says was lost (StoreProblem.lost), when the file is one the owner must set up again. */
  lost?: string;
}

const KINDS: Kind[] = [
  { file: 'sources.json', versioned: true },
  { file: 'reviews/google--gent.json', versioned: true },
  { file: 'drafts/google%3Agent%3Aa1.json', versioned: true },
  { file: 'outbox/google%3Agent%3Aa1.json', versioned: true },
  { file: 'outbox/meta/x.json', versioned: true },
  { file: 'history/google--gent.json', versioned: true },
  { file: 'templates/t1.json', versioned: true },
  { file: 'handoffs/google%3Agent%3Aa1.json', versioned: true },
  { file: 'labels.json', versioned: true },
  { file: 'google-source.json', versioned: true, lost: 'google-connection' },
  { file: 'play-source.json', versioned: true, lost: 'play-apps' },
  { file: 'google-tokens.json', versioned: false, lost: 'google-sign-in' },
  { file: 'play-service-account.json', versioned: false, lost: 'play-key' },
  { file: 'google-tokens.enc', versioned: false, keychain: true, lost: 'google-sign-in' },
  { file: 'play-service-account.enc', versioned: false, keychain: true, lost: 'play-key' },
  // settings.json has no schemaVersion (unknown fields are kept, Preferences checks each value): three faults only.
  { file: 'settings.json', versioned: false, lost: 'settings' },
];

const CASES = KINDS.flatMap((kind) =>
  (Object.keys(FAULTS) as Fault[])
    .filter((fault) => !(kind.file === 'settings.json' && fault === 'newer schemaVersion'))
    .map((fault) => [kind.file, fault, kind] as const),
);

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function open(dir: string, kind: Kind): Promise<KalmCore> {
  if (!kind.keychain) return createKalm({ dataDir: dir, host: 'web' });
  return createKalm({
    dataDir: dir,
    host: 'electron',
    autoPublish: false,
    google: { vault: createSafeStorageVault(dir, keychain, 'darwin').vault },
    play: { keyStore: createSafeStoragePlayKeyStore(dir, keychain, 'darwin') },
  });
}

describe('every file kind recovers the same way', () => {
  it.concurrent.each(CASES)('%s, %s: the core starts, the file is set aside or protected, the problems list and kalm doctor name it', async (file, fault, kind) => {
    const dir = await mkdtemp(join(tmpdir(), 'kalm-kinds-'));
    dirs.push(dir);
    const text = kind.keychain && fault !== 'empty' && fault !== 'garbage' ? encrypted(FAULTS[fault]) : FAULTS[fault];
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
    const protectedFile = fault === 'newer schemaVersion' && kind.versioned;

    const kalm = await open(dir, kind);
    try {
      const { problems } = await kalm.call('app.storeProblems', {});
      const problem = problems.find((p) => p.file === file);
      expect(problem, JSON.stringify(problems)).toBeDefined();
      expect(problem?.kind).toBe(protectedFile ? 'newer-version' : 'quarantined');
      if (kind.lost) expect(problem?.lost).toBe(kind.lost);
      if (kind.file.endsWith('.enc') || kind.file.includes('tokens') || kind.file.includes('service-account')) {
        // A secret's content never reaches a message.
        expect(problem?.reason).not.toContain('garbage');
        expect(problem?.reason).not.toContain('Dank je');
      }
      // The core answers calls (it started), and nothing is silently reset.
      await kalm.call('workspace.get', {});
      if (protectedFile) {
        expect(await readFile(join(dir, file), 'utf8')).toBe(text);
      } else {
        expect(existsSync(join(dir, file))).toBe(false);
        const moved = problem?.movedTo ?? '';
        expect(moved).toMatch(/^quarantine\//);
        expect(await readFile(join(dir, moved), 'utf8')).toBe(text);
      }
    } finally {
      await kalm.close();
    }
    if (protectedFile) expect(await readFile(join(dir, file), 'utf8')).toBe(text); // not written over at close either

    const doctor = await runKalm(['doctor', '--json'], { KALM_DATA_DIR: dir });
    expect(doctor.code, doctor.stderr).toBe(1);
    const report = JSON.parse(doctor.stdout) as { ok: boolean; problems: { file: string; kind: string }[]; quarantine: { original: string }[] };
    expect(report.ok).toBe(false);
    if (protectedFile) expect(report.problems).toContainEqual(expect.objectContaining({ file, kind: 'newer-version' }));
    else expect(report.quarantine.map((q) => q.original)).toContain(file);
  }, 60_000);

  it('kalm doctor finds each broken file before any Kalm has opened the folder, and moves nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kalm-kinds-'));
    dirs.push(dir);
    const plain = KINDS.filter((k) => !k.keychain);
    for (const kind of plain) {
      await mkdir(dirname(join(dir, kind.file)), { recursive: true });
      await writeFile(join(dir, kind.file), FAULTS.garbage);
    }
    const doctor = await runKalm(['doctor', '--json'], { KALM_DATA_DIR: dir });
    expect(doctor.code, doctor.stderr).toBe(1);
    const report = JSON.parse(doctor.stdout) as { problems: { file: string }[] };
    expect(report.problems.map((p) => p.file).sort()).toEqual(plain.map((k) => k.file).sort());
    expect(await readdir(dir)).not.toContain('quarantine');
  }, 60_000);
});
