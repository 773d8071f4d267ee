import { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import type { Settings } from '../../../shared/domain/settings';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import type { Forward } from '../../../shared/contract/handoff';
import type { EventBus } from '../events';
import type { CallHandlers } from '../handler-map';
import { saveReviews, type ReviewWriterDeps } from '../labels/review-writer';
import type { ReviewRecordsPort } from '../removal/removal';
import type { RecordFolder } from '../store/record-files';
import { openForwardStore } from './forward-store';
import { forwardMail } from './mailto';

export type HandoffHandlers = CallHandlers<'notes.set' | 'handoff.assign' | 'handoff.forward' | 'handoff.setState' | 'handoff.list'>;

export interface HandoffDeps extends ReviewWriterDeps {
  dataDir: string;
  /** A read-only core (the CLI while the app runs) does not open `handoffs/`: it lists nothing and changes nothing. */
  readOnly: boolean;
  settings: () => Settings;
  bus: EventBus;
  now: () => Date;
  report: (p: StoreProblem) => void;
}

export interface HandoffWiring {
  handlers: HandoffHandlers;
  /** The hand-offs of reviews being removed (removal/). */
  records: ReviewRecordsPort;
}

/** Notes, assignees and forwarding reviews to departments: the hand-off's composition root. */
export async function wireHandoff(deps: HandoffDeps): Promise<HandoffWiring> {
  const { workspace, bus } = deps;
  const forwards = deps.readOnly ? null : await openForwardStore(deps.dataDir, { onProblem: deps.report, now: deps.now });
  const review = (id: string): Review => {
    const r = workspace.get(id);
    if (!r) throw new KalmError('not_found', `There is no review with id "${id.slice(0, 200)}".`);
    return r;
  };
  const folder = (): RecordFolder<Forward> => {
    deps.store.assertWritable();
    if (!forwards) throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot save changes.');
    return forwards;
  };
  const changed = () => bus.emit('handoff.changed', {});

  const records: ReviewRecordsPort = {
    count: (ids) => ({ handoffs: forwards?.list().filter((f) => ids.has(f.reviewId)).length ?? 0 }),
    async forget(ids) {
      if (!forwards) return;
      for (const f of forwards.list()) if (ids.has(f.reviewId)) await forwards.remove(f.reviewId);
      changed();
    },
  };

  const handlers: HandoffHandlers = {
    'notes.set': async ({ reviewId, note }) => {
      const r = review(reviewId);
      const next = note.trim() === '' ? null : note;
      if (next !== r.note) await saveReviews(deps, [{ ...r, note: next }]);
      return {};
    },
    'handoff.assign': async ({ reviewId, assignee }) => {
      const r = review(reviewId);
      if (assignee !== null && !deps.settings().team.some((m) => m.id === assignee)) {
        throw new KalmError('not_found', `There is no team member with id "${assignee}". Add team members in Settings.`);
      }
      if (assignee !== r.assignee) await saveReviews(deps, [{ ...r, assignee }]);
      return {};
    },
    'handoff.forward': async ({ reviewId, departmentId }) => {
      const f = folder();
      const r = review(reviewId);
      const settings = deps.settings();
      const department = settings.departments.find((d) => d.id === departmentId);
      if (!department) throw new KalmError('not_found', `There is no department with id "${departmentId}". Add departments in Settings.`);
      const location = workspace.locations.find((l) => l.source === r.source && l.id === r.locationId);
      const mail = forwardMail(r, department, { locationName: location?.name ?? null, businessName: settings.businessName });
      const forward: Forward = {
        schemaVersion: 1, reviewId, departmentId, departmentName: department.name, email: department.email,
        forwardedAt: deps.now().toISOString(), state: 'open', handledAt: null,
      };
      await f.put(forward);
      changed();
      return { forward, mailto: mail.mailto, text: `${mail.subject}\n\n${mail.body}` };
    },
    'handoff.setState': async ({ reviewId, state }) => {
      const f = folder();
      const current = f.get(reviewId);
      if (!current) throw new KalmError('not_found', 'This review was not forwarded to a department.');
      const next: Forward = { ...current, state, handledAt: state === 'handled' ? deps.now().toISOString() : null };
      await f.put(next);
      changed();
      return next;
    },
    'handoff.list': async ({ state }) => ({
      forwards: (forwards?.list() ?? []).filter((f) => state === undefined || f.state === state).sort((a, b) => b.forwardedAt.localeCompare(a.forwardedAt)),
    }),
  };
  return { handlers, records };
}
