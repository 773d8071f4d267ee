import { z } from 'zod';
import { Location } from '../domain/location';
import { Source } from '../domain/source';
import { RemovalCount, RemovalTarget } from '../workspace/removal';
import { call, NoInput, Signal } from './fields';

/** The workspace: its sources and locations, the demo, and removing a source, location or the demo. */
export const WorkspaceSummary = z.object({
  demo: z.boolean(),
  sources: z.array(Source),
  locations: z.array(Location),
  reviewCount: z.number().int(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const workspaceCalls = {
  'workspace.get': call(NoInput, WorkspaceSummary),
  'workspace.loadDemo': call(
    z.object({ seed: z.number().int().min(0).max(2 ** 31 - 1).optional() }).strict(),
    WorkspaceSummary,
  ),
  /** What removing the demo, a source or a location would take with it (drafts, replies, labels, notes); changes nothing. */
  'workspace.removalCount': call(z.object({ target: RemovalTarget }).strict(), RemovalCount),
  /** Removes the demo, a source or a location with every draft, outbox item, reply history, label, note and hand-off of its reviews. */
  'workspace.remove': call(z.object({ target: RemovalTarget }).strict(), RemovalCount),
} as const;

export const workspaceEvents = {
  /**
   * A source was connected, followed, imported, changed or removed (Google, Play, a file, a team member);
   * clients re-read `workspace.get`, `google.status` or `play.status`.
   */
  'workspace.sourcesChanged': Signal,
} as const;
