/** The part of express-pouchdb (the tests' CouchDB stand-in) that the tests use. */
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface PouchApp {
    (req: IncomingMessage, res: ServerResponse): void;
    couchConfig: { set(section: string, key: string, value: string, cb: (err: unknown) => void): void };
  }
  export default function expressPouchDB(db: unknown, opts?: { mode?: 'fullCouchDB' | 'minimumForPouchDB'; inMemoryConfig?: boolean; logPath?: string }): PouchApp;
}
