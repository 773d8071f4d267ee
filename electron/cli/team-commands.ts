import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Kalm } from '../core/kalm';
import { parseFlags, UsageError } from './args';
import type { Command } from './command';
import { statusText } from './team-status-format';

export const teamUsage = `  team create --server URL --db NAME --user U [--password-file F] [--ca-file F]
                            make this workspace a team workspace on a CouchDB 3 server and
                            upload it (the database and its members are set up by the admin)
  team join --server URL --db NAME --user U [--password-file F] [--ca-file F]
                            join a team workspace: pulls it with progress (done/total)
                            the password comes from --password-file, KALM_TEAM_PASSWORD or a
                            prompt; never from an argument. --ca-file: the team's own CA
                            certificate (PEM) for an https:// server this computer does not trust
  team status [--json]      {server, db, user, state, pending, lastReplicatedAt, peers}
  team sync [--json]        replicate both ways once and exit when caught up (scripts, cron)
  team leave                back to a local-only workspace (everything stays on this computer)`;

const connectOptions = { server: { type: 'string' }, db: { type: 'string' }, user: { type: 'string' }, 'password-file': { type: 'string' }, 'ca-file': { type: 'string' }, password: { type: 'string' } } as const;
const jsonOption = { json: { type: 'boolean' } } as const;

function parseConnect(args: string[]) {
  const v = parseFlags(args, connectOptions);
  if (v.password !== undefined) throw new UsageError('a password is never given as an argument (it would stay in the shell history): use --password-file F, KALM_TEAM_PASSWORD or the prompt');
  if (!v.server || !v.db || !v.user) throw new UsageError('team create/join need --server URL --db NAME --user U');
  return { server: v.server, db: v.db, user: v.user, passwordFile: v['password-file'], caFile: v['ca-file'] };
}

/** Asks for the password on the terminal without echoing it. */
async function prompt(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('no password: give --password-file F or set KALM_TEAM_PASSWORD (there is no terminal to ask on)');
  let muted = false;
  const out = new Writable({ write: (chunk: Buffer, _enc, done) => { if (!muted) process.stderr.write(chunk); done(); } });
  const rl = createInterface({ input: process.stdin, output: out, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function password(file: string | undefined, user: string): Promise<string> {
  if (file) return (await readFile(file, 'utf8')).replace(/\r?\n$/, '');
  const env = process.env.KALM_TEAM_PASSWORD;
  if (env) return env;
  return prompt(`Password of ${user}: `);
}

async function connect(kalm: Kalm, args: string[], how: 'create' | 'join'): Promise<string> {
  const c = parseConnect(args);
  const input = { server: c.server, db: c.db, user: c.user, password: await password(c.passwordFile, c.user), ...(c.caFile ? { caFile: resolve(c.caFile) } : {}) };
  const verb = how === 'create' ? 'Uploaded' : 'Pulled';
  const off = kalm.on('team.progress', ({ done, total }) => process.stderr.write(`\r${verb} ${done}${total === null ? '' : ` / ${total}`} documents`));
  try {
    const s = await kalm.call(how === 'create' ? 'team.create' : 'team.join', input);
    process.stderr.write('\n');
    return `${how === 'create' ? 'Created' : 'Joined'}: ${statusText(s)}`;
  } finally {
    off();
  }
}

async function team(kalm: Kalm, args: string[]): Promise<string> {
  const [sub, ...rest] = args;
  if (sub === 'create' || sub === 'join') return connect(kalm, rest, sub);
  if (sub === 'sync') {
    const v = parseFlags(rest, jsonOption);
    const result = await kalm.call('team.sync', {});
    const { db } = await kalm.call('team.status', {});
    const at = new Date().toISOString();
    return v.json ? JSON.stringify({ ...result, state: 'synced', lastReplicatedAt: at }, null, 2) : `Synced with "${db}": ${result.pushed} sent, ${result.pulled} received.`;
  }
  if (sub === 'leave') {
    await kalm.call('team.leave', {});
    return 'Left the team workspace. Every review, draft and reply stays on this computer as a local workspace.';
  }
  throw new UsageError('team needs one of: create, join, status, sync, leave');
}

function check(args: string[]): void {
  const [sub, ...rest] = args;
  if (sub === 'create' || sub === 'join') parseConnect(rest);
  else if (sub === 'status' || sub === 'sync') parseFlags(rest, jsonOption);
  else if (sub === 'leave') parseFlags(rest, {});
  else throw new UsageError('team needs one of: create, join, status, sync, leave');
}

export const teamCommands: Record<string, Command> = {
  team: { check, readOnly: false, run: team },
};
