import { z } from 'zod';
import { OtherDraft } from '../team/team-docs';
import { call, NoInput, ReviewIdField } from './fields';

export const TeamStatusView = z.object({
  /** False: a local-only workspace (the other fields are empty). */
  enabled: z.boolean(),
  server: z.string(),
  db: z.string(),
  user: z.string(),
  state: z.enum(['synced', 'syncing', 'offline', 'error', 'stopped', 'local']),
  pending: z.number().int().nonnegative(),
  lastReplicatedAt: z.string().nullable(),
  offlineSince: z.string().nullable(),
  error: z.string().nullable(),
  peers: z.array(z.object({ member: z.string(), reviewId: z.string().nullable(), until: z.string() })),
  /** The team's own CA certificate file this workspace trusts for its server (absent: the usual roots only). */
  caFile: z.string().optional(),
  /** Where the password is kept on this computer: encrypted by the system keychain, or a file only this user can read. */
  passwordKept: z.enum(['keychain', 'file']).optional(),
  /** What kind of problem `error` is, when Kalm knows (e.g. "tls-expired"), for the UI's own words. */
  errorSubcode: z.string().optional(),
});
export type TeamStatusView = z.infer<typeof TeamStatusView>;

/** The status of a local-only workspace. */
export const LOCAL_STATUS: TeamStatusView = { enabled: false, server: '', db: '', user: '', state: 'local', pending: 0, lastReplicatedAt: null, offlineSince: null, error: null, peers: [] };

const ServerUrl = z.url({ protocol: /^https?$/, error: 'the team server as http(s)://host[:port]' });
const DbName = z.string().regex(/^[a-z][a-z0-9_$()+/-]{0,237}$/, 'a workspace name: lower case letters, digits and _$()+-/ starting with a letter');
export const TeamConnectInput = z
  .object({
    server: ServerUrl, db: DbName, user: z.string().trim().min(1).max(200), password: z.string().min(1).max(1000),
    /** A CA certificate file (PEM) on this computer to trust for an https:// server: a company CA or a self-signed server. */
    caFile: z.string().trim().min(1).max(4096).optional(),
  })
  .strict();
export type TeamConnectInput = z.infer<typeof TeamConnectInput>;

/** The team workspace: several people answering the same reviews, replicated through a CouchDB server. */
export const teamCalls = {
  /** The team workspace's sync state for the header and Settings (`enabled: false` for a local-only workspace). */
  'team.status': call(NoInput, TeamStatusView),
  /** Makes this workspace a team workspace: signs in, uploads every review, draft and queued reply. */
  'team.create': call(TeamConnectInput, TeamStatusView),
  /** Joins a team workspace: signs in and pulls it (progress as `team.progress` events). */
  'team.join': call(TeamConnectInput, TeamStatusView),
  /** Replicates both ways once and applies every change here; answers when caught up (`kalm team sync`, scripts). */
  'team.sync': call(z.object({}).strict(), z.object({ pushed: z.number().int(), pulled: z.number().int() })),
  /** Back to a local-only workspace; every review, draft and reply stays on this computer. */
  'team.leave': call(NoInput, TeamStatusView),
  /** "<member> is answering this review": set while the composer is open (renewed), null when it closes. */
  'team.presence': call(z.object({ reviewId: ReviewIdField.nullable() }).strict(), z.object({})),
  /** The other members' drafts of a review that were kept when two people drafted at once. */
  'team.otherDrafts': call(z.object({ reviewId: ReviewIdField }).strict(), z.object({ others: z.array(OtherDraft) })),
  /** The member picked or merged a version: the other members' drafts of this review are no longer shown. */
  'team.settleOtherDrafts': call(z.object({ reviewId: ReviewIdField }).strict(), z.object({})),
} as const;

export const teamEvents = {
  /** The sync state changed (the same view `team.status` returns). */
  'team.status': TeamStatusView,
  /** Joining or creating: documents done of total (null while unknown). */
  'team.progress': z.object({ done: z.number().int(), total: z.number().int().nullable() }),
} as const;
