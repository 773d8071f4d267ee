import type { Draft } from '../../../shared/domain/draft';
import type { OutboxItem } from '../../../shared/domain/outbox';
import type { PresenceDoc } from '../../../shared/team/team-docs';
import type { EventBus } from '../events';
import type { OpenedStore } from '../store/open-store';
import type { Workspace } from '../workspace';
import type { TeamEntityStores } from './entity-mirror';
import type { TeamDb } from './pouch';
import type { PlaceTarget } from './places-mirror';

/** What the team bridge works with: the data folder, its replica and the store it keeps in step. */
export interface TeamBridgeDeps {
  dataDir: string;
  db: TeamDb;
  member: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  onError: (err: unknown) => void;
  onPresence?: (doc: PresenceDoc) => void;
  /** Label definitions, rules and templates (mirrored as `label:`, `rule:`, `template:` documents). */
  entities?: TeamEntityStores;
  /** The removal cascade, for a source or location a member removed for the team (the workspace's own `workspace.remove`). */
  removePlace?: (target: PlaceTarget) => Promise<unknown>;
}

/** Local writes of the store as they were before the bridge wrapped them (remote changes are applied with these, so they are not sent back). */
export interface LocalWrites {
  scheduleShard: OpenedStore['scheduleShard'];
  saveDraft: ((d: Draft) => Promise<void>) | null;
  discardDraft: ((reviewId: string) => Promise<void>) | null;
  putItem: ((i: OutboxItem) => Promise<void>) | null;
}

