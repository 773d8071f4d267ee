import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb';

/**
 * The CouchDB stand-in for tests: express-pouchdb (full CouchDB mode: `_session`, `_users`, `_security`) on
 * 127.0.0.1, port 0, backed by a temporary folder. Production is CouchDB 3 (README: Team workspace).
 */
export interface StandIn {
  url: string;
  /** Creates a database with these members (as the server admin). */
  createDb(db: string, members: string[]): Promise<void>;
  addUser(name: string, password: string): Promise<void>;
  /** Writes a document as the server admin (what another program, or an older Kalm, left in the database). */
  putAsAdmin(db: string, doc: { _id: string } & Record<string, unknown>): Promise<void>;
  /** Every request it got (method and URL with its query), in order. */
  requests: { method: string; url: string }[];
  /** Moves the server's clock (its HTTP `Date` header, which Kalm reads as the team's time) by `ms`. */
  setClockOffset(ms: number): void;
  /** Holds every request for `ms` before answering it (a slow line); 0 stops that. */
  setDelay(ms: number): void;
  /** Stops answering (connections refused) until `resume()`; the data is kept. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

const ADMIN = 'Basic ' + Buffer.from('admin:admin-secret').toString('base64');

export async function startStandIn(): Promise<StandIn> {
  const dir = await mkdtemp(join(tmpdir(), 'kalm-couch-'));
  const Server = PouchDB.defaults({ prefix: `${dir}/` });
  const pouchApp = expressPouchDB(Server, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: join(dir, 'log.txt') });
  await new Promise<void>((res, rej) => pouchApp.couchConfig.set('admins', 'admin', 'admin-secret', (e: unknown) => (e ? rej(e) : res())));
  let server: Server | null = null;
  let port = 0;
  let clockOffset = 0;
  let delay = 0;
  const requests: StandIn['requests'] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/' });
    if (clockOffset !== 0) res.setHeader('Date', new Date(Date.now() + clockOffset).toUTCString());
    if (delay > 0) setTimeout(() => pouchApp(req, res), delay);
    else pouchApp(req, res);
  };
  const listen = () => new Promise<void>((res) => {
    server = createServer(handle).listen(port, '127.0.0.1', () => {
      port = (server!.address() as AddressInfo).port;
      res();
    });
  });
  const stop = () => new Promise<void>((res) => {
    if (!server) return res();
    server.close(() => res());
    server.closeAllConnections();
    server = null;
  });
  await listen();
  const url = `http://127.0.0.1:${port}`;
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, { method, headers: { authorization: ADMIN, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  };
  return {
    url,
    requests,
    setClockOffset: (ms) => void (clockOffset = ms),
    setDelay: (ms) => void (delay = ms),
    async createDb(db, members) {
      await admin('PUT', `/${db}`);
      await admin('PUT', `/${db}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles: [] } });
    },
    putAsAdmin: (db, doc) => admin('PUT', `/${db}/${encodeURIComponent(doc._id)}`, doc),
    addUser: (name, password) => admin('PUT', `/_users/org.couchdb.user:${name}`, { _id: `org.couchdb.user:${name}`, name, password, roles: [], type: 'user' }),
    pause: stop,
    resume: listen,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
