import type { Change } from 'pouchdb';
import type { Review } from '../../../shared/domain/review';
import { teamDocId, type TeamDoc } from '../../../shared/team/team-docs';
import { shardKey } from '../workspace';
import { shardFileName } from '../store/workspace-paths';
import { applyTeamChanges } from './apply-changes';
import { AppliedSeq } from './applied-seq';
import type { LocalWrites, TeamBridgeDeps } from './bridge-deps';
import { EntityMirror } from './entity-mirror';
import { DraftMirror } from './draft-mirror';
import { outboxDocFrom } from './local-docs';
import { PlacesMirror } from './places-mirror';
import { BridgeRemovals } from './bridge-removals';
import type { RemovalTarget } from '../../../shared/workspace/removal';
import { PendingEdits } from './pending-edits';
import { PendingEntityEdits } from './pending-entity-edits';
import { pushRecoveredEdits } from './recovered-edits';
import type { ReviewEdit } from '../../../shared/team/recovered-edit';
import { recheckLocal, uploadWorkspace, type RecheckDeps } from './recheck';
import { SameNamedLabels } from './same-named-labels';
import { saveCleanStop, takeCleanStop } from './recheck-marker';
import { putTeamDoc, writeReviewDocs } from './replica-docs';

/** Changes read from the replica at a time while catching up (a join reads the whole workspace). */
const CATCH_UP_BATCH = 5000;

/**
 * Keeps a data folder and its team replica (PouchDB) the same, both ways. Local edits (the store's shard
 * writes, draft saves, outbox items) become team documents; the replica's changes feed (what replication
 * brought in) feeds the in-memory index and the local files. Conflicting versions are merged on arrival.
 */
export class TeamBridge {
  private readonly known = new Map<string, Review>();
  private readonly dirtyShards = new Set<string>();
  private readonly local: LocalWrites;
  private writes: Promise<void> = Promise.resolve();
  private shardTimer: ReturnType<typeof setTimeout> | null = null;
  private feed: { cancel(): void } | null = null;
  private incoming: Change<TeamDoc>[] = [];
  /** The last sequence the live changes feed delivered. */
  private seen = 0;
  private applying: Promise<void> = Promise.resolve();
  private readonly seq: AppliedSeq;
  private readonly unwrap: (() => void)[] = [];
  private readonly entities: EntityMirror | null;
  private readonly drafts: DraftMirror | null;
  /** Removals made here that the replica may not have yet, and the places the team removed (bridge-removals.ts). */
  private readonly removals: BridgeRemovals;
  private readonly sameNamed: SameNamedLabels | null;
  private readonly places: PlacesMirror;
  /** A write to the replica failed this run: the stop is not clean (the next start re-checks everything). */
  private pushFailed = false;
  /** Shard files changed since the last clean stop (null: re-check every review). */
  private changedShards: Set<string> | null = null;
  /** How many local reviews the last start re-check compared with the replica (null: none ran). */
  recheckedReviews: number | null = null;
  /** Review edits made here that the replica may not have yet (written before the shard file, see pending-edits.ts). */
  private readonly edits: PendingEdits;
  /** The journaled edits a crash left (applying the replica keeps those reviews until they are pushed, recovered-edits.ts). */
  private readonly recovered: Map<string, ReviewEdit>;

  constructor(private readonly d: TeamBridgeDeps) {
    const { store } = d;
    this.seq = new AppliedSeq(d.dataDir, () => store.flush());
    this.removals = new BridgeRemovals({ d, known: this.known, queue: (job) => this.queue(job), queueAndWait: (job) => this.queueAndWait(job) });
    this.edits = new PendingEdits(d.dataDir);
    this.recovered = new Map(this.edits.entries());
    for (const r of d.workspace.all()) this.known.set(r.id, r);
    this.local = {
      scheduleShard: store.scheduleShard.bind(store),
      saveDraft: store.drafts ? store.drafts.save.bind(store.drafts) : null,
      discardDraft: store.drafts ? store.drafts.discard.bind(store.drafts) : null,
      putItem: store.outbox ? store.outbox.put.bind(store.outbox) : null,
    };
    this.unwrap.push(() => { store.scheduleShard = this.local.scheduleShard; });
    this.places = new PlacesMirror({ ...d, removeHere: (target) => this.removals.removePlaceHere(target) });
    this.removals.places = this.places;
    this.unwrap.push(d.bus.on('workspace.sourcesChanged', () => this.queue(() => this.places.push())));
    // The demo replaces the whole workspace without the shard writes: every review goes to the team, and the ones it dropped are removed.
    this.unwrap.push(d.bus.on('reviews.changed', (e) => { if (e.reason === 'demo') this.queue(() => this.pushWholeWorkspace()); }));
    store.scheduleShard = (source, locationId) => {
      // Journaled before the shard is even scheduled: a crash before the push loses nothing (pending-edits.ts).
      this.edits.journal(this.d.workspace.shard(shardKey(source, locationId)).reviews, this.known, d.now().toISOString());
      this.local.scheduleShard(source, locationId);
      this.dirtyShards.add(shardKey(source, locationId));
      this.shardTimer ??= setTimeout(() => this.pushDirtyShards(), 25);
    };
    const { drafts, outbox } = store;
    this.drafts = drafts
      ? new DraftMirror({ db: d.db, member: d.member, drafts, outbox, local: this.local, bus: d.bus, now: d.now, queue: (job) => this.queue(job) })
      : null;
    if (this.drafts) this.unwrap.push(...this.drafts.unwrap);
    if (outbox && this.local.putItem) {
      const put = this.local.putItem;
      this.unwrap.push(() => { outbox.put = put; });
      outbox.put = async (item) => { await put(item); this.queue(() => this.put(teamDocId.outbox(item.id), () => outboxDocFrom(item, d.member))); };
    }
    // A discarded draft and the reviews a new demo drops are journaled before the files change.
    this.unwrap.unshift(...this.removals.hookLocalRemovals(this.drafts !== null));
    this.entities = d.entities
      ? new EntityMirror({ stores: d.entities, member: d.member, bus: d.bus, now: d.now, queue: (job) => this.queue(job), put: (id, make) => this.put(id, make), remove: (id) => this.removals.remove(id), pending: this.removals.pending, edits: new PendingEntityEdits(d.dataDir), db: d.db })
      : null;
    if (this.entities) this.unwrap.push(...this.entities.unwrap);
    this.removals.drafts = this.drafts;
    this.removals.entities = this.entities;
    this.sameNamed = d.entities
      ? new SameNamedLabels({ db: d.db, labels: d.entities.labels, member: d.member, bus: d.bus, now: d.now, put: (id, make) => this.put(id, make), reviews: { workspace: d.workspace, store, bus: d.bus } })
      : null;
  }

  /**
   * Applies what arrived since the last run, then follows the replica's changes feed. `recheck` (opening an
   * existing team workspace): then pushes again every local edit a crash kept from the replica (recheck.ts).
   */
  async start(opts: { recheck?: boolean } = {}): Promise<void> {
    // Taken (and removed) at every start, so a crash during this run leaves none.
    const changedShards = await takeCleanStop(this.d.dataDir);
    // Removals a crash kept from the replica go first, so applying the replica cannot bring the removed things back.
    await this.removals.pushPending();
    const from = await this.seq.load();
    // Catch up in batches first (a join applies the whole workspace here), then follow live.
    const since = await this.catchUp(from);
    // A source or location a member removed while this desktop was closed (or before a crash finished it here) goes now.
    await this.places.reconcile();
    if (opts.recheck) this.changedShards = changedShards;
    this.queue(() => pushRecoveredEdits({ deps: this.d, local: this.local, known: this.known, recovered: this.recovered, edits: this.edits }));
    this.queue(async () => { await this.entities?.pushRecovered(); });
    if (opts.recheck) this.queue(() => this.recheckLocal());
    this.seen = Number(since);
    const feed = this.d.db.changes({ since, live: true, include_docs: true, conflicts: true, return_docs: false });
    feed.on('change', (c) => {
      this.seen = Math.max(this.seen, Number(c.seq));
      this.incoming.push(c);
      if (this.incoming.length === 1) setTimeout(() => this.drain(), 20);
    });
    feed.on('error', (err) => this.d.onError(err));
    this.feed = feed;
  }

  /**
   * Applies the replica's changes after `from` in large batches. Each touched shard file is written once at the
   * end (not after every batch: at 100,000 reviews that rewrote the growing shards 50 times), and the applied
   * position is saved after them; a crash before that re-applies from the last saved position (applying is idempotent).
   */
  private async catchUp(from: number | string): Promise<number | string> {
    const touched = new Map<string, [string, string]>();
    const local: LocalWrites = { ...this.local, scheduleShard: (source, locationId) => touched.set(shardKey(source, locationId), [source, locationId]) };
    const changed = { reviews: 0 };
    let since = from;
    for (;;) {
      const batch = await this.d.db.changes({ since, limit: CATCH_UP_BATCH, include_docs: true, conflicts: true });
      if (batch.results.length === 0) break;
      await applyTeamChanges({ deps: this.d, local, entities: this.entities, drafts: this.drafts, known: this.known, changed, keepLocal: (id) => this.recovered.has(id), places: this.places }, batch.results);
      const ids = batch.results.map((c) => c.id);
      await this.sameNamed?.afterApply(ids);
      await this.entities?.afterApply(ids);
      since = batch.last_seq;
    }
    for (const [source, locationId] of touched.values()) this.local.scheduleShard(source, locationId);
    if (changed.reviews > 0) this.d.bus.emit('reviews.changed', { reason: 'sync', count: changed.reviews });
    if (since !== from) this.seq.set(since);
    return since;
  }

  /** Resolves once every local edit so far is in the replica and every change seen so far is applied. */
  async settle(): Promise<void> {
    if (this.shardTimer) { clearTimeout(this.shardTimer); this.pushDirtyShards(); }
    await this.writes;
    await this.caughtUp();
    await this.drain();
    await this.applying;
    // Cascades of places the team removed, and the removals they push.
    await this.removals.cascadesDone();
    await this.writes;
    await this.seq.flush();
    await this.removals.pending.flush();
    await this.edits.flush();
    await this.entities?.flush();
  }

  /**
   * Waits (up to 5 s) until the live feed delivered every change the replica holds now: what replication just wrote
   * (`kalm team sync`) reaches the feed a moment later, and "settled" must include it.
   */
  private async caughtUp(): Promise<void> {
    if (!this.feed) return;
    const target = Number((await this.d.db.info()).update_seq);
    for (let i = 0; i < 500 && this.feed && this.seen < target; i++) await new Promise((r) => setTimeout(r, 10));
  }

  /** Stops following the replica and gives the store back its own writes (leaving the team keeps a local workspace). */
  async stop(): Promise<void> {
    this.feed?.cancel();
    this.feed = null;
    await this.settle();
    for (const undo of this.unwrap.splice(0)) undo();
    if (this.pushFailed) return;
    // Every local edit is in the replica and the shard files are on disk: the next start re-checks only what changes after this.
    await this.d.store.flush().then(() => saveCleanStop(this.d.dataDir)).catch((err: unknown) => this.d.onError(err));
  }

  /** Every local review, draft and outbox item into the replica (a new team workspace, or a folder joining with work of its own). */
  uploadAll(progress?: (done: number, total: number) => void): Promise<void> {
    return uploadWorkspace(this.localPushes([...this.d.workspace.all()]), progress);
  }

  private async recheckLocal(): Promise<void> {
    const changed = this.changedShards;
    const reviews = changed === null ? [...this.d.workspace.all()] : [...this.d.workspace.shards().values()].flatMap((sh) => (changed.has(shardFileName(sh.source, sh.locationId)) ? sh.reviews : []));
    this.recheckedReviews = reviews.length;
    await recheckLocal(this.localPushes(reviews));
  }

  /** These reviews, this folder's drafts and outbox items, and the bridge's own pushes of each. */
  private localPushes(reviews: readonly Review[]): RecheckDeps {
    const { store } = this.d;
    return {
      db: this.d.db,
      member: this.d.member,
      reviews,
      drafts: store.drafts?.list() ?? [],
      items: store.outbox?.list() ?? [],
      pushReviews: (reviews) => this.pushReviews(reviews),
      pushDraft: async (draft) => { await this.drafts?.push(draft); },
      pushItem: (item) => this.put(teamDocId.outbox(item.id), () => outboxDocFrom(item, this.d.member)),
      pushEntities: async () => { await this.entities?.uploadAll(); },
      pushPlaces: () => this.places.push(),
    };
  }

  /** The member picked or merged a version: the other members' drafts kept beside this review's draft are dropped (for everyone). */
  async settleOtherDrafts(reviewId: string): Promise<void> {
    await this.writes;
    await this.drafts?.settle(reviewId);
  }

  private async pushWholeWorkspace(): Promise<void> {
    await this.places.push();
    const gone = [...this.known.keys()].filter((id) => !this.d.workspace.get(id));
    for (const id of gone) { this.known.delete(id); await this.removals.remove(teamDocId.review(id)); }
    const changed = [...this.d.workspace.all()].filter((r) => this.known.get(r.id) !== r);
    for (let i = 0; i < changed.length; i += 2000) await this.pushReviews(changed.slice(i, i + 2000));
  }

  /** Queues a write to the replica after the earlier ones and waits for it (its failure is thrown here, and reported). */
  private queueAndWait(job: () => Promise<void>): Promise<void> {
    const done = this.writes.then(job);
    this.writes = done.catch((err: unknown) => {
      this.pushFailed = true;
      this.d.onError(err);
    });
    return done;
  }

  private queue(job: () => Promise<void>): void {
    this.writes = this.writes.then(job).catch((err: unknown) => {
      this.pushFailed = true;
      this.d.onError(err);
    });
  }

  private pushDirtyShards(): void {
    this.shardTimer = null;
    const changed: Review[] = [];
    for (const key of this.dirtyShards) {
      for (const r of this.d.workspace.shard(key).reviews) if (this.known.get(r.id) !== r) changed.push(r);
    }
    this.dirtyShards.clear();
    if (changed.length > 0) this.queue(() => this.pushReviews(changed));
  }

  private async pushReviews(reviews: readonly Review[]): Promise<void> {
    for (const r of reviews) this.known.set(r.id, r);
    // A replication wrote some of them in between: those are written again on top of the newer revision.
    const retry = await writeReviewDocs(this.d.db, reviews, this.d.member, this.d.now().toISOString());
    const again = new Set(retry);
    // The replica has these edits (unless the review was edited again since: that edit's push is still to come).
    this.edits.done(reviews.filter((r) => !again.has(r) && this.d.workspace.get(r.id) === r).map((r) => r.id));
    if (retry.length > 0) await this.pushReviews(retry);
  }

  /** A member removes a source or location here: shared with the team (bridge-removals.ts). */
  beginRemoval(target: RemovalTarget, reviewIds: ReadonlySet<string>): Promise<() => void> {
    return this.removals.begin(target, reviewIds);
  }

  private put(_id: string, make: (prev: TeamDoc | null) => TeamDoc | null): Promise<void> {
    return putTeamDoc(this.d.db, _id, make);
  }

  private drain(): Promise<void> {
    const batch = this.incoming;
    this.incoming = [];
    if (batch.length === 0) return this.applying;
    this.applying = this.applying.then(() => this.apply(batch)).catch((err: unknown) => this.d.onError(err));
    return this.applying;
  }

  private async apply(batch: readonly Change<TeamDoc>[]): Promise<void> {
    await applyTeamChanges({ deps: this.d, local: this.local, entities: this.entities, drafts: this.drafts, known: this.known, keepLocal: (id) => this.recovered.has(id), places: this.places }, batch);
    const ids = batch.map((c) => c.id);
    await this.sameNamed?.afterApply(ids);
    await this.entities?.afterApply(ids);
    const last = batch[batch.length - 1];
    if (last) this.seq.set(last.seq);
  }
}
