import { KalmError } from '../../../shared/domain/errors';
import { LOCAL_STATUS } from '../../../shared/contract/team';
import type { TeamHandlers } from './wiring';

const readOnly = (): never => {
  throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot join or leave a team workspace.');
};

/** The team calls of a core opened read-only (the CLI while the app runs): a status, and a clear refusal to change anything. */
export const localTeamHandlers: TeamHandlers = {
  'team.status': () => LOCAL_STATUS,
  'team.create': readOnly,
  'team.join': readOnly,
  'team.sync': () => {
    throw new KalmError('not_found', 'This is a local-only workspace: there is no team to sync with.');
  },
  'team.leave': readOnly,
  'team.presence': () => ({}),
  'team.otherDrafts': () => ({ others: [] }),
  'team.settleOtherDrafts': () => ({}),
};
