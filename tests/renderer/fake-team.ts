import { KalmError } from '../../shared/domain/errors';
import { LOCAL_STATUS, type TeamConnectInput, type TeamStatusView } from '../../shared/contract/team';
import type { OtherDraft } from '../../shared/team/team-docs';

/** The team calls of the renderer tests' fake core: a workspace that can be created, joined and left, with other members' drafts. */
export interface FakeTeamState {
  team: TeamStatusView;
  otherDrafts: Record<string, OtherDraft[]>;
  /** The review this member last said she is answering (null: none). */
  presence: string | null;
}

export function fakeTeamHandlers(state: FakeTeamState) {
  const connect = (input: TeamConnectInput): TeamStatusView => {
    if (input.password === 'wrong') throw new KalmError('forbidden', `The team server did not accept the password of "${input.user}". Check the user name and password.`);
    // A server with a company CA's certificate (the core's own test, team-tls.test.ts, uses a real https server).
    if (input.server.includes('company-ca') && !input.caFile) throw new KalmError('forbidden', 'The certificate of company-ca.example is not trusted on this computer (UNABLE_TO_VERIFY_LEAF_SIGNATURE).', undefined, 'tls-untrusted');
    state.team = { ...LOCAL_STATUS, enabled: true, server: input.server, db: input.db, user: input.user, state: 'synced', lastReplicatedAt: '2026-03-01T10:42:00.000Z', passwordKept: 'keychain', ...(input.caFile ? { caFile: input.caFile } : {}) };
    return state.team;
  };
  return {
    'team.status': () => state.team,
    'team.create': connect,
    'team.join': connect,
    'team.sync': () => {
      if (!state.team.enabled) throw new KalmError('not_found', 'This is a local-only workspace: there is no team to sync with.');
      return { pushed: 0, pulled: 0 };
    },
    'team.leave': () => (state.team = LOCAL_STATUS),
    'team.presence': ({ reviewId }: { reviewId: string | null }) => {
      state.presence = reviewId;
      return {};
    },
    'team.otherDrafts': ({ reviewId }: { reviewId: string }) => ({ others: state.otherDrafts[reviewId] ?? [] }),
    'team.settleOtherDrafts': ({ reviewId }: { reviewId: string }) => {
      state.otherDrafts = { ...state.otherDrafts, [reviewId]: [] };
      return {};
    },
  };
}
