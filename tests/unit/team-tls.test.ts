import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverNow } from '../../electron/core/team/server-clock';
import { readTeamConfig, TEAM_FILE } from '../../electron/core/team/team-config';
import { teamTls } from '../../electron/core/team/tls';
import { tlsProblemOfSubcode } from '../../shared/team/tls-problem';
import { openDesktop, seededFolder, useBakkerijTeam } from '../team/desktops';
import { makeTestCa, startHttpsFront, type HttpsFront, type TestCa } from '../team/https-front';
import { kalmErrorOf, tempDataDir } from './helpers';
import { runKalm } from './run-kalm';

/** The team server behind HTTPS with a certificate of the team's own CA (a real https server in this process). */
describe('a team server whose certificate this computer does not trust', () => {
  const team = useBakkerijTeam();
  let ca: TestCa;
  let caDir = '';
  let caFile = '';
  const fronts: HttpsFront[] = [];
  beforeAll(async () => {
    ca = await makeTestCa();
    caDir = await mkdtemp(join(tmpdir(), 'kalm-ca-'));
    caFile = join(caDir, 'bakkerij-ca.pem');
    await writeFile(caFile, ca.cert);
  });
  afterAll(async () => {
    await Promise.all(fronts.splice(0).map((f) => f.close()));
    await rm(caDir, { recursive: true, force: true });
  });
  const front = async (kind?: 'valid' | 'expired' | 'other-host', port?: number) => {
    const f = await startHttpsFront(team.couch().url, ca, kind, port);
    fronts.push(f);
    return f.url;
  };
  const desktop = async (dir?: string) => {
    const core = await openDesktop(dir ?? (await seededFolder(3)));
    team.cores.push(core);
    return core;
  };

  it('says the certificate is not trusted and changes nothing; with the CA file it joins, replicates and keeps the CA in team.json', async () => {
    const server = await front();
    const dir = await seededFolder(3);
    const anna = await desktop(dir);
    const err = await kalmErrorOf(anna.call('team.create', { server, db: 'bakkerij', user: 'anna', password: 'anna-pw' }));
    expect(err.message).toMatch(/^The certificate of 127\.0\.0\.1:\d+ is not trusted on this computer \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\).*--ca-file/);
    expect(tlsProblemOfSubcode(err.subcode)).toBe('untrusted');
    await expect(access(join(dir, TEAM_FILE))).rejects.toThrow();

    const created = await anna.call('team.create', { server, db: 'bakkerij', user: 'anna', password: 'anna-pw', caFile });
    expect(created).toMatchObject({ enabled: true, server, caFile, passwordKept: 'file' });
    expect((await readTeamConfig(dir))?.ca).toEqual({ file: caFile, pem: ca.cert.trim() + '\n' });
    // Claims and the sync lease read the server's clock through the same CA (else they would fall back to this computer's).
    expect((await serverNow(server, '', () => new Date(0), teamTls(ca.cert))).getTime()).toBeGreaterThan(0);
    expect((await serverNow(server, '', () => new Date(0))).getTime()).toBe(0);
    await anna.call('drafts.save', { reviewId: 'trustpilot:shop:r0001', text: 'Dank je wel!' });
    await anna.team!.service!.syncNow();

    // The CA is read from team.json (not the file) by the next start, and replication itself goes through it.
    await writeFile(caFile, 'moved away');
    const bram = await desktop(await tempDataDir());
    await writeFile(caFile, ca.cert);
    await bram.call('team.join', { server, db: 'bakkerij', user: 'bram', password: 'bram-pw', caFile });
    await writeFile(caFile, 'rotated or removed: the copy in team.json is used');
    await bram.close();
    team.cores.splice(team.cores.indexOf(bram), 1);
    const bramAgain = await desktop(bram.dataDir);
    await bramAgain.team!.service!.syncNow();
    expect((await bramAgain.call('drafts.list', {})).drafts.map((d) => d.text)).toEqual(['Dank je wel!']);
    await writeFile(caFile, ca.cert);
  });

  it('an expired certificate and one for another host name each get their own message, also with the CA trusted', async () => {
    const anna = await desktop();
    const expired = await kalmErrorOf(anna.call('team.join', { server: await front('expired'), db: 'bakkerij', user: 'anna', password: 'anna-pw', caFile }));
    expect(expired.message).toMatch(/^The certificate of 127\.0\.0\.1:\d+ has expired \(CERT_HAS_EXPIRED\)\. Ask whoever runs the team server to renew it/);
    expect(tlsProblemOfSubcode(expired.subcode)).toBe('expired');
    const otherHost = await kalmErrorOf(anna.call('team.join', { server: await front('other-host'), db: 'bakkerij', user: 'anna', password: 'anna-pw', caFile }));
    expect(otherHost.message).toMatch(/^The certificate of 127\.0\.0\.1:\d+ was made for another host name \(ERR_TLS_CERT_ALTNAME_INVALID\)/);
    expect(tlsProblemOfSubcode(otherHost.subcode)).toBe('hostname');
    // Plain http on an https:// address: not a certificate problem, a wrong address.
    const noTls = await kalmErrorOf(anna.call('team.join', { server: team.couch().url.replace('http:', 'https:'), db: 'bakkerij', user: 'anna', password: 'anna-pw' }));
    expect(tlsProblemOfSubcode(noTls.subcode)).toBe('no-tls');
    expect((await anna.call('team.status', {})).enabled).toBe(false);
  });

  it('a certificate that expires while the team works: kalm team sync and the live status (header) say so', async () => {
    const server = await front();
    const dir = await seededFolder(2);
    const anna = await desktop(dir);
    await anna.call('team.create', { server, db: 'bakkerij', user: 'anna', password: 'anna-pw', caFile });
    await fronts.pop()!.close();
    await front('expired', Number(new URL(server).port));
    await expect(anna.team!.service!.syncNow()).rejects.toMatchObject({ subcode: 'tls-expired', message: expect.stringMatching(/has expired \(CERT_HAS_EXPIRED\)/) });
    await anna.close();
    team.cores.splice(team.cores.indexOf(anna), 1);

    // The app and the web host replicate live: the sign-in at start fails, and the status says why (not just "not connected").
    const web = await openDesktop(dir, { host: 'web' });
    team.cores.push(web);
    await expect.poll(async () => (await web.call('team.status', {})).error, { timeout: 20_000 }).toMatch(/^The certificate of 127\.0\.0\.1:\d+ has expired/);
    expect(await web.call('team.status', {})).toMatchObject({ state: 'error', errorSubcode: 'tls-expired' });
    await web.call('drafts.save', { reviewId: 'trustpilot:shop:r0001', text: 'Local work goes on' });
  });

  it('refuses a CA file that holds no certificate, and a CA for an http:// server', async () => {
    const anna = await desktop();
    const notPem = join(await tempDataDir(), 'not-a-ca.txt');
    await writeFile(notPem, 'hello');
    const bad = await kalmErrorOf(anna.call('team.join', { server: await front(), db: 'bakkerij', user: 'anna', password: 'anna-pw', caFile: notPem }));
    expect(bad).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/holds no CA certificate in PEM form/) });
    const http = await kalmErrorOf(anna.call('team.join', { server: team.couch().url, db: 'bakkerij', user: 'anna', password: 'anna-pw', caFile }));
    expect(http.message).toMatch(/only applies to an https:\/\/ team server/);
  });

  it('kalm team join --ca-file: fails with the clear message without it, joins with it', { timeout: 120_000 }, async () => {
    const server = await front();
    const env = { KALM_DATA_DIR: await tempDataDir(), KALM_TEAM_PASSWORD: 'bram-pw' };
    const args = ['team', 'join', '--server', server, '--db', 'bakkerij', '--user', 'bram'];
    const without = await runKalm(args, env);
    expect(without.code).not.toBe(0);
    expect(without.stderr).toMatch(/is not trusted on this computer .*give its certificate file \(PEM\) with --ca-file/);
    const joined = await runKalm([...args, '--ca-file', caFile], env);
    expect(joined.code, joined.stderr).toBe(0);
    const status = await runKalm(['team', 'status'], env);
    expect(status.stdout).toContain(`Trusts the CA certificate in ${caFile}.`);
    expect(JSON.parse(await readFile(join(env.KALM_DATA_DIR, TEAM_FILE), 'utf8'))).toMatchObject({ ca: { file: caFile } });
  });
});
