import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccess, signIn } from '../../electron/core/team/session';

/**
 * CouchDB 3's own answers (the stand-in differs: it says 401 to a signed-in non-member): `POST /_session` sets an
 * `AuthSession` cookie or answers 401; `GET /_session` names the signed-in user; `GET /<db>` is 404
 * `{"error":"not_found","reason":"Database does not exist."}` for a database that does not exist and 403
 * `{"error":"forbidden","reason":"You are not allowed to access this db."}` for one whose `_security` leaves the user out.
 */
function fakeCouchDb3(): Server {
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  return createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const signedIn = req.headers.cookie === 'AuthSession=YW5uYTo2NzAwMDAwMA';
      if (req.url === '/_session' && req.method === 'POST') {
        const { name, password } = JSON.parse(raw) as { name: string; password: string };
        if (name === 'anna' && password === 'anna-pw') return json(res, 200, { ok: true, name: 'anna', roles: [] }, { 'set-cookie': 'AuthSession=YW5uYTo2NzAwMDAwMA; Version=1; Path=/; HttpOnly' });
        return json(res, 401, { error: 'unauthorized', reason: 'Name or password is incorrect.' });
      }
      if (req.url === '/_session') return json(res, 200, { ok: true, userCtx: { name: signedIn ? 'anna' : null, roles: [] }, info: { authentication_handlers: ['cookie', 'default'] } });
      if (!signedIn) return json(res, 401, { error: 'unauthorized', reason: 'You are not authorized to access this db.' });
      if (req.url === '/bakkerij') return json(res, 200, { db_name: 'bakkerij', doc_count: 0 });
      if (req.url === '/kapsalon') return json(res, 403, { error: 'forbidden', reason: 'You are not allowed to access this db.' });
      return json(res, 404, { error: 'not_found', reason: 'Database does not exist.' });
    });
  });
}

describe('team access against CouchDB 3 answers', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = fakeCouchDb3();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('tells a wrong password, a missing workspace, a non-member and an expired session apart', async () => {
    await expect(signIn(url, 'anna', 'wrong')).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/did not accept the password of "anna"/) });
    const cookie = await signIn(url, 'anna', 'anna-pw');
    expect(cookie).toBe('AuthSession=YW5uYTo2NzAwMDAwMA');
    await expect(checkAccess({ server: url, db: 'bakkerij', user: 'anna' }, cookie)).resolves.toBeUndefined();

    const missing = checkAccess({ server: url, db: 'bakery', user: 'anna' }, cookie);
    await expect(missing).rejects.toMatchObject({ code: 'not_found', message: 'The team server has no workspace "bakery". Check the name, or ask the team\'s admin to create it.' });
    const notMember = checkAccess({ server: url, db: 'kapsalon', user: 'anna' }, cookie);
    await expect(notMember).rejects.toMatchObject({ code: 'forbidden', message: '"anna" is not a member of the team workspace "kapsalon". Ask the team\'s admin to add you to its members.' });
    // An expired cookie: /_session answers without a name, so it is not mistaken for "not a member".
    await expect(checkAccess({ server: url, db: 'kapsalon', user: 'anna' }, 'AuthSession=expired')).rejects.toMatchObject({ message: expect.stringMatching(/no longer accepts the sign-in of "anna"/) });
  });
});
