import { KalmError } from '../../../shared/domain/errors';
import { PresenceDoc, teamDocId } from '../../../shared/team/team-docs';
import type { EventBus } from '../events';
import type { OpenedStore } from '../store/open-store';
import type { Workspace } from '../workspace';
import { TeamBridge } from './bridge';
import { claimItem, type ClaimResult } from './claims';
import { serverNow } from './server-clock';
import { releaseLease, takeLease } from './sync-lease';
import { openLocalTeamDb, openRemoteTeamDb, statusOf, type TeamDb } from './pouch';
import { LiveReplication, syncOnce, type ReplicationStatus } from './replicator';
import { checkAccess, signIn } from './session';
import type { TeamConfig, TeamSecretVault } from './team-config';
import type { PlaceTarget } from './places-mirror';
import type { TeamEntityStores } from './entity-mirror';
import { TeamStateWriter } from './team-state-file';
import { teamTls, tlsFailure, type TeamTls } from './tls';

export interface TeamStatus extends ReplicationStatus {
  server: string;
  db: string;
  user: string;
  /** Members with a composer open (presence that has not expired), not counting this one. */
  peers: { member: string; reviewId: string | null; until: string }[];
  /** The team's own CA file this workspace trusts (team.json). */
  caFile?: string;
  /** Where the password is kept: the system keychain (Electron) or a 0600 file. */
  passwordKept?: TeamSecretVault['keeps'];
  /** The kind of `error` when Kalm knows it (a certificate problem: "tls-expired"…), for the UI's translation. */
  errorSubcode?: string;
}

export interface TeamServiceDeps {
  dataDir: string;
  config: TeamConfig;
  vault: TeamSecretVault;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  onError: (err: unknown) => void;
  onStatus?: (s: TeamStatus) => void;
  entities?: TeamEntityStores | undefined;
  removePlace?: ((target: PlaceTarget) => Promise<unknown>) | undefined;
}

/** How long "<member> is answering this review" lasts without a renewal (the composer renews it while open). */
export const PRESENCE_TTL_MS = 90_000;

/** One data folder's team workspace: its replica, the bridge to the core, the session, replication, claims, lease and presence. */
/** How long quitting waits to give the sync lease back (a server out of reach must not hold up the quit). */
const LEASE_RELEASE_WAIT_MS = 3_000;

export class TeamService {
  readonly db: TeamDb;
  readonly remote: TeamDb;
  readonly bridge: TeamBridge;
  private cookie = '';
  private desktop: Promise<string> | undefined;
  /** The usual roots, plus the team's own CA from team.json. */
  private readonly tls: TeamTls;
  /** Why the last sign-in failed (wrong password, certificate…), shown as the status until one succeeds. */
  private signInError: string | null = null;
  /** The last certificate problem, so the status can name its kind (`errorSubcode`) for the UI's translation. */
  private lastTls: KalmError | null = null;
  private live: LiveReplication | null = null;
  /** The pending sign-in retry of live replication; `close()` cancels it, so a closed service never signs in again. */
  private retry: NodeJS.Timeout | null = null;
  private closed = false;
  /** This desktop took the scheduled-sync lease this run: a clean stop gives it back. */
  private leaseHeld = false;
  private readonly peers = new Map<string, PresenceDoc>();
  /** The last `kalm team sync` of this process (no live replication in the CLI). */
  private lastSyncAt: string | null = null;
  /** For `kalm team status`, which reads it without opening the folder for writing. */
  readonly stateFile: TeamStateWriter;

  constructor(private readonly d: TeamServiceDeps) {
    this.stateFile = new TeamStateWriter(d.dataDir, d.now);
    this.db = openLocalTeamDb(d.dataDir);
    this.tls = teamTls(d.config.ca?.pem);
    this.remote = openRemoteTeamDb(d.config.server, d.config.db, () => this.cookie, this.tls);
    this.bridge = new TeamBridge({ dataDir: d.dataDir, db: this.db, member: d.config.user, workspace: d.workspace, store: d.store, bus: d.bus, now: d.now, onError: d.onError, onPresence: (p) => this.notePresence(p), ...(d.entities ? { entities: d.entities } : {}), ...(d.removePlace ? { removePlace: d.removePlace } : {}) });
  }

  get config(): TeamConfig {
    return this.d.config;
  }

  /** Signs in with the stored password (a `_session` cookie) and checks membership; throws a clear KalmError. */
  async signIn(): Promise<void> {
    const password = await this.d.vault.load();
    if (!password) throw new KalmError('forbidden', `No password is stored for "${this.d.config.user}" on this computer. Run "kalm team join" again.`);
    try {
      this.cookie = await signIn(this.d.config.server, this.d.config.user, password, this.tls);
      await checkAccess(this.d.config, this.cookie, this.tls);
    } catch (err) {
      if (err instanceof KalmError && err.subcode) this.noteTls(err);
      this.signInError = err instanceof Error ? err.message : String(err);
      this.changed();
      throw err;
    }
    if (this.signInError) {
      this.signInError = null;
      this.changed();
    }
  }

  /** Live replication for hosts that keep running (Electron, web host): pauses offline, resumes from its checkpoint, signs in again when the session expired. */
  startLive(): void {
    if (this.closed) return;
    const later = (ms: number, run: () => void) => {
      if (this.closed) return;
      this.retry = setTimeout(() => {
        this.retry = null;
        if (!this.closed) run();
      }, ms);
      this.retry.unref();
    };
    const begin = () => {
      if (this.closed) return;
      this.live = new LiveReplication(this.db, this.remote, {
        now: this.d.now,
        onStatus: () => this.changed(),
        describe: (err) => this.noteTls(tlsFailure(this.d.config.server, err))?.message ?? null,
        onAuthLost: () => {
          this.live = null;
          later(5_000, () => void this.signIn().then(begin, this.d.onError));
        },
      });
      this.live.start();
    };
    void this.signIn().then(begin, (err: unknown) => {
      this.d.onError(err);
      later(30_000, () => this.startLive());
    });
  }

  /** Both ways once, then every change applied locally (`kalm team sync`). */
  async syncNow(): Promise<{ pushed: number; pulled: number }> {
    await this.bridge.settle();
    if (!this.cookie) await this.signIn();
    const result = await syncOnce(this.db, this.remote).catch((err: unknown) => {
      throw tlsFailure(this.d.config.server, err) ?? err;
    });
    await this.bridge.settle();
    this.lastSyncAt = this.d.now().toISOString();
    this.changed();
    await this.stateFile.flush();
    return result;
  }

  status(): TeamStatus {
    const s = this.live?.current ?? (this.signInError
      ? { state: 'error' as const, pending: 0, lastReplicatedAt: this.lastSyncAt, offlineSince: null, error: this.signInError }
      : { state: 'stopped' as const, pending: 0, lastReplicatedAt: this.lastSyncAt, offlineSince: null, error: null });
    const now = this.d.now().getTime();
    const peers = [...this.peers.values()].filter((p) => p.member !== this.d.config.user && Date.parse(p.until) > now).map(({ member, reviewId, until }) => ({ member, reviewId, until }));
    const { server, db, user, ca } = this.d.config;
    const subcode = s.error && s.error === this.lastTls?.message ? this.lastTls.subcode : undefined;
    return { ...s, server, db, user, peers, ...(ca ? { caFile: ca.file } : {}), passwordKept: this.d.vault.keeps, ...(subcode ? { errorSubcode: subcode } : {}) };
  }

  private noteTls(err: KalmError | null): KalmError | null {
    if (err) this.lastTls = err;
    return err;
  }

  /** This desktop in claims and leases: its replica's id (kept in the replica, the same after a restart). */
  private desktopId(): Promise<string> {
    return (this.desktop ??= this.db.id());
  }

  private serverNow(): Promise<Date> {
    return serverNow(this.d.config.server, this.cookie, this.d.now, this.tls);
  }

  /** Claims an outbox item on the server before it is published (see team-publisher.ts). */
  async claim(itemId: string, reviewId: string): Promise<ClaimResult> {
    if (!this.cookie) {
      try {
        await this.signIn();
      } catch (err) {
        return { kind: 'offline', reason: err instanceof Error ? err.message : String(err) };
      }
    }
    return claimItem(this.remote, { itemId, reviewId, by: this.d.config.user, desktop: await this.desktopId() }, await this.serverNow());
  }

  /** True when this desktop may run the scheduled Google/Play sync now (it holds the lease on the server). */
  async holdsSyncLease(ttlMs: number): Promise<boolean> {
    if (!this.cookie) await this.signIn().catch(() => undefined);
    const held = await takeLease(this.remote, 'google-sync', { holder: this.d.config.user, desktop: await this.desktopId() }, await this.serverNow(), ttlMs);
    if (held) this.leaseHeld = true;
    return held;
  }

  /** "<member> is answering this review": written to the replica, replicated to the others; null when the composer closed. */
  async setPresence(reviewId: string | null): Promise<void> {
    const _id = teamDocId.presence(this.d.config.user);
    const until = new Date(this.d.now().getTime() + (reviewId ? PRESENCE_TTL_MS : 0)).toISOString();
    for (let attempt = 0; attempt < 3; attempt++) {
      let rev: string | undefined;
      try { rev = (await this.db.get(_id))._rev; } catch (err) { if (statusOf(err) !== 404) throw err; }
      try {
        await this.db.put({ _id, ...(rev ? { _rev: rev } : {}), type: 'presence', member: this.d.config.user, reviewId, until });
        return;
      } catch (err) {
        if (statusOf(err) !== 409) throw err;
      }
    }
  }

  /** Called by the bridge for every presence document that arrives. */
  notePresence(doc: PresenceDoc): void {
    this.peers.set(doc.member, doc);
    this.changed();
  }

  private changed(): void {
    const s = this.status();
    this.stateFile.note(s);
    this.d.onStatus?.(s);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry !== null) clearTimeout(this.retry);
    this.live?.stop(); // says "stopped" (keeping when it last replicated) to the state file too
    if (this.leaseHeld) {
      const release = releaseLease(this.remote, 'google-sync', { holder: this.d.config.user, desktop: await this.desktopId() });
      await Promise.race([release, new Promise((r) => setTimeout(r, LEASE_RELEASE_WAIT_MS).unref())]);
    }
    await this.bridge.stop();
    await this.db.close();
    await this.stateFile.flush();
  }
}
