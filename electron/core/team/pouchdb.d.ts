/**
 * The part of PouchDB 9 that Kalm uses, typed by hand: `@types/pouchdb` declares a global `Buffer`
 * interface that breaks Node's own types, so it is not used.
 */
declare module 'pouchdb' {
  interface PouchMeta {
    _id: string;
    _rev: string;
    _conflicts?: string[];
    _deleted?: boolean;
  }
  type Existing<T> = T & PouchMeta;
  interface PutResult { ok: boolean; id: string; rev: string }
  interface BulkError { error: string; reason?: string; status?: number; id?: string }
  interface ChangesOptions { since?: number | string | 'now'; live?: boolean; include_docs?: boolean; conflicts?: boolean; limit?: number; return_docs?: boolean }
  interface Change<T> { id: string; seq: number | string; changes: { rev: string }[]; doc?: Existing<T>; deleted?: boolean }
  interface ChangesFeed<T> extends PromiseLike<{ results: Change<T>[]; last_seq: number | string }> {
    on(event: 'change', listener: (c: Change<T>) => void): this;
    on(event: 'complete' | 'error', listener: (info: unknown) => void): this;
    cancel(): void;
  }
  interface ReplicationInfo { docs_read?: number; docs_written?: number; pending?: number; last_seq?: number | string; doc_write_failures?: number; errors?: unknown[] }
  interface SyncInfo { direction?: 'push' | 'pull'; change?: ReplicationInfo }
  interface Replication extends PromiseLike<unknown> {
    on(event: 'change', listener: (info: SyncInfo & ReplicationInfo) => void): this;
    on(event: 'paused', listener: (err?: unknown) => void): this;
    /** A request failed and the replication backs off before it retries (`retry: true`). */
    on(event: 'requestError', listener: (err: unknown) => void): this;
    on(event: 'active' | 'complete' | 'denied' | 'error', listener: (info?: unknown) => void): this;
    cancel(): void;
  }
  /** Two-way replication: its own `paused` event drops the error, so each direction is watched by itself. */
  interface Sync extends Replication {
    readonly push: Replication;
    readonly pull: Replication;
  }
  interface ReplicateOptions { live?: boolean; retry?: boolean; batch_size?: number; batches_limit?: number; checkpoint?: 'source' | 'target' | false; back_off_function?: (delay: number) => number; heartbeat?: number | false; since?: number | string }
  interface AllDocsResult<T> { total_rows: number; rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Existing<T> | null }[] }
  interface GetOptions { conflicts?: boolean; rev?: string }
  interface Database<T extends object = object> {
    readonly name: string;
    /** The database's own id, kept with it (stable across restarts; replication checkpoints use it). */
    id(): Promise<string>;
    info(): Promise<{ doc_count: number; update_seq: number | string; db_name: string }>;
    get(id: string, opts?: GetOptions): Promise<Existing<T>>;
    put(doc: T & { _id: string; _rev?: string; _deleted?: boolean }): Promise<PutResult>;
    remove(id: string, rev: string): Promise<PutResult>;
    bulkDocs(docs: (T & { _id: string; _rev?: string; _deleted?: boolean } | { _id: string; _rev: string; _deleted: true })[]): Promise<(PutResult | BulkError)[]>;
    allDocs(opts?: { include_docs?: boolean; keys?: string[]; startkey?: string; endkey?: string; limit?: number; conflicts?: boolean }): Promise<AllDocsResult<T>>;
    changes(opts?: ChangesOptions): ChangesFeed<T>;
    sync(remote: Database<T>, opts?: ReplicateOptions): Sync;
    replicate: { to(target: Database<T>, opts?: ReplicateOptions): Replication; from(source: Database<T>, opts?: ReplicateOptions): Replication };
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  interface PouchDBStatic {
    new <T extends object = object>(name: string, opts?: { adapter?: string; auto_compaction?: boolean; skip_setup?: boolean; prefix?: string; fetch?: (url: string | Request, init?: RequestInit) => Promise<Response> }): Database<T>;
    fetch(url: string | Request, init?: RequestInit): Promise<Response>;
    defaults(opts: { prefix?: string; adapter?: string }): PouchDBStatic;
    plugin(plugin: unknown): PouchDBStatic;
  }
  const PouchDB: PouchDBStatic;
  export default PouchDB;
  export type { Change, Database, Existing, PutResult, BulkError, Replication, Sync, SyncInfo, ReplicationInfo };
}
