import { KalmError } from '../../shared/domain/errors';
import type { Settings } from '../../shared/domain/settings';
import { buildExport } from '../../shared/export/export-reviews';
import { replyPolicy } from '../../shared/reviews/reply-targets';
import type { CallHandlers } from './handler-map';
import type { InboxWiring } from './inbox-calls';
import type { LabelService } from './labels/wiring';
import type { Workspace } from './workspace';

export type ReviewHandlers = CallHandlers<'reviews.query' | 'reviews.get' | 'reviews.facets' | 'reviews.markDone' | 'reviews.stats' | 'reviews.export'>;

export interface ReviewCallsDeps {
  workspace: Workspace;
  inbox: InboxWiring;
  settings: () => Settings;
  now: () => Date;
  labels: Pick<LabelService, 'find'>;
}

/** Reading the reviews: the inbox's query and "mark done", one review, the filter facets, the dashboard's figures and exports. */
export function wireReviews({ workspace, inbox, labels, settings, now }: ReviewCallsDeps): ReviewHandlers {
  // Exports, the dashboard's topics and the report name labels and team members; ids stay in …Id fields.
  const labelName = (id: string): string => {
    const label = labels.find(id);
    return label?.id === id ? label.name : id;
  };
  const memberName = (id: string): string => settings().team.find((m) => m.id === id)?.name ?? id;
  return {
    'reviews.query': async (q) => workspace.query(q, now().getTime(), replyPolicy(settings())),
    'reviews.get': async ({ id }) => {
      const review = workspace.get(id);
      if (!review) throw new KalmError('not_found', `There is no review with id "${id.slice(0, 200)}".`);
      return review;
    },
    'reviews.facets': async () => workspace.facets(),
    'reviews.markDone': (input) => inbox.markDone(input),
    'reviews.stats': async (q) => workspace.stats(q, now().getTime(), replyPolicy(settings()), labelName),
    'reviews.export': async (req) => buildExport(workspace.all(), workspace.locations, req, now().toISOString().slice(0, 10), { label: labelName, member: memberName }),
  };
}
