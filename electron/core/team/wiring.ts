import { KalmError } from '../../../shared/domain/errors';
import { DraftDoc, teamDocId } from '../../../shared/team/team-docs';
import { LOCAL_STATUS, type TeamConnectInput, type TeamStatusView } from '../../../shared/contract/team';
import type { EventBus } from '../events';
import type { SourcePublisher } from '../outbox/source-publisher';
import type { CoreHandlers } from '../handler-map';
import type { OpenedStore } from '../store/open-store';
import type { Workspace } from '../workspace';
import { bodyOf } from './conflict-resolver';
import { othersFor } from '../../../shared/team/draft-versions';
import { forgetCleanStop } from './recheck-marker';
import { pullAll, skipPushOfPulled } from './replicator';
import { checkAccess, signIn } from './session';
import { fileTeamVault, readTeamConfig, removeTeamConfig, writeTeamConfig, type TeamSecretVault } from './team-config';
import { teamGuardedPublisher } from './team-publisher';
import { caForServer, teamTls } from './tls';
import type { TeamEntityStores } from './entity-mirror';
import type { PlaceTarget } from './places-mirror';
import type { RemovalTeamPort } from '../removal/removal';
import { TeamService, type TeamStatus } from './team-service';

export interface TeamWiringDeps {
  dataDir: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  vault?: TeamSecretVault;
  /** Replicate live (Electron, web host); the CLI replicates only with `kalm team sync`. */
  live: boolean;
  onError?: (err: unknown) => void;
  /** Label definitions, rules and templates, mirrored to the team. */
  entities?: TeamEntityStores;
  /** The workspace's removal cascade (`workspace.remove`), for a source or location another member removed. */
  removePlace?: (target: PlaceTarget) => Promise<unknown>;
}

export type TeamHandlers = Pick<CoreHandlers, 'team.status' | 'team.create' | 'team.join' | 'team.sync' | 'team.leave' | 'team.presence' | 'team.otherDrafts' | 'team.settleOtherDrafts'>;

export interface TeamWiring {
  readonly service: TeamService | null;
  handlers: TeamHandlers;
  /** The sources' publishers, each claiming its items on the team server first (a local workspace: unchanged). */
  guard(publishers: readonly SourcePublisher[]): SourcePublisher[];
  /** A removal of a source or location, shared with the team (a local workspace: nothing to share). */
  removals: RemovalTeamPort;
  /** Only the desktop holding the lease runs the scheduled Google/Play sync (a local workspace: always). */
  mayRunScheduledSync(): Promise<boolean>;
  create(input: TeamConnectInput, progress?: (done: number, total: number | null) => void): Promise<TeamStatusView>;
  join(input: TeamConnectInput, progress?: (done: number, total: number | null) => void): Promise<TeamStatusView>;
  leave(): Promise<TeamStatusView>;
  close(): Promise<void>;
}

const view = (s: TeamStatus): TeamStatusView => ({ enabled: true, ...s });

/** The team workspace of one core: opened when `team.json` says so, created or joined at run time (Settings, CLI). */
export async function wireTeam(deps: TeamWiringDeps): Promise<TeamWiring> {
  const vault = deps.vault ?? fileTeamVault(deps.dataDir);
  const onError = deps.onError ?? ((err: unknown) => console.error('kalm team:', err instanceof Error ? err.message : err));
  let service: TeamService | null = null;
  const status = (): TeamStatusView => (service ? view(service.status()) : LOCAL_STATUS);

  const open = async (config: NonNullable<Awaited<ReturnType<typeof readTeamConfig>>>): Promise<TeamService> => {
    const s = new TeamService({ ...deps, config, vault, onError, onStatus: (st) => deps.bus.emit('team.status', view(st)) });
    service = s;
    return s;
  };
  const config = await readTeamConfig(deps.dataDir);
  if (config) {
    const s = await open(config);
    await s.bridge.start({ recheck: true });
    if (deps.live) s.startLive();
  }

  /** Signs in and checks membership before anything is written, so a wrong password or database changes nothing. */
  async function connect(input: TeamConnectInput, joinedAt: string | null): Promise<TeamService> {
    if (service) throw new KalmError('forbidden', `This workspace already belongs to the team workspace "${service.config.db}". Leave it first.`);
    deps.store.assertWritable();
    const ca = await caForServer(input.server, input.caFile);
    const tls = teamTls(ca?.pem);
    const cookie = await signIn(input.server, input.user, input.password, tls);
    await checkAccess(input, cookie, tls);
    await vault.save(input.password);
    const cfg = { schemaVersion: 1 as const, server: input.server, db: input.db, user: input.user, joinedAt, ...(ca ? { ca } : {}) };
    await writeTeamConfig(deps.dataDir, cfg);
    const s = await open(cfg);
    await s.signIn();
    return s;
  }

  const report = (progress?: (done: number, total: number | null) => void) => (done: number, total: number | null) => {
    progress?.(done, total);
    deps.bus.emit('team.progress', { done, total });
  };

  const wiring: TeamWiring = {
    get service() {
      return service;
    },
    async create(input, progress) {
      const s = await connect(input, null);
      await s.bridge.start();
      await s.bridge.uploadAll(report(progress));
      await s.syncNow();
      await writeTeamConfig(deps.dataDir, { ...s.config, joinedAt: deps.now().toISOString() });
      if (deps.live) s.startLive();
      return status();
    },
    async join(input, progress) {
      const s = await connect(input, null);
      // This folder's own work goes into the replica first (merged on arrival), then the team's is pulled and applied.
      if (deps.workspace.size > 0) await s.bridge.uploadAll();
      const before = (await s.db.info()).update_seq;
      const pulled = await pullAll(s.db, s.remote, report(progress));
      await skipPushOfPulled(s.db, s.remote, before, pulled.written);
      await s.bridge.start();
      await s.syncNow();
      await writeTeamConfig(deps.dataDir, { ...s.config, joinedAt: deps.now().toISOString() });
      if (deps.live) s.startLive();
      return status();
    },
    async leave() {
      if (!service) return LOCAL_STATUS;
      const s = service;
      service = null;
      await s.close();
      await s.stateFile.clear();
      await forgetCleanStop(deps.dataDir);
      await removeTeamConfig(deps.dataDir);
      await vault.clear();
      deps.bus.emit('team.status', LOCAL_STATUS);
      return LOCAL_STATUS;
    },
    guard: (publishers) => publishers.map((p) => teamGuardedPublisher(p, (itemId, reviewId) =>
      service ? service.claim(itemId, reviewId) : Promise.resolve({ kind: 'mine' as const }))),
    removals: { begin: (target, reviewIds) => (service ? service.bridge.beginRemoval(target, reviewIds) : Promise.resolve(() => undefined)) },
    mayRunScheduledSync: async () => (service ? service.holdsSyncLease(30 * 60_000) : true),
    async close() {
      await service?.close();
    },
    handlers: {
      'team.status': () => status(),
      'team.create': (input) => wiring.create(input),
      'team.join': (input) => wiring.join(input),
      'team.sync': () => {
        if (!service) throw new KalmError('not_found', 'This is a local-only workspace: there is no team to sync with.');
        return service.syncNow();
      },
      'team.leave': () => wiring.leave(),
      'team.presence': async ({ reviewId }) => {
        await service?.setPresence(reviewId);
        return {};
      },
      'team.otherDrafts': async ({ reviewId }) => {
        if (!service) return { others: [] };
        try {
          const doc = DraftDoc.safeParse(bodyOf(await service.db.get(teamDocId.draft(reviewId))));
          const mine = deps.store.drafts?.get(reviewId)?.text;
          // A version the same as this member's own text is no other draft (the usual case: one member took over another's draft).
          return { others: doc.success ? othersFor(doc.data, service.config.user).filter((o) => o.text !== mine) : [] };
        } catch {
          return { others: [] };
        }
      },
      'team.settleOtherDrafts': async ({ reviewId }) => {
        await service?.bridge.settleOtherDrafts(reviewId);
        return {};
      },
    },
  };
  return wiring;
}
