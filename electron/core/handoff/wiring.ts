import type { z } from 'zod';
import type { CallOutput, Contract } from '../../../shared/contract';
import { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import type { Settings } from '../../../shared/domain/settings';
import type { Forward } from '../../../shared/contract/handoff';
import type { EventBus } from '../events';
import { saveReviews, type ReviewWriterDeps } from '../labels/review-writer';
import type { RecordFolder } from '../store/record-files';
import { forwardMail } from './mailto';

type HandoffCall = 'notes.set' | 'handoff.assign' | 'handoff.forward' | 'handoff.setState' | 'handoff.list';
export type HandoffHandlers = { [N in HandoffCall]: (input: z.output<Contract[N]['input']>) => Promise<CallOutput<N>> };

export interface HandoffDeps extends ReviewWriterDeps {
  forwards: RecordFolder<Forward> | null;
  settings: () => Settings;
  bus: EventBus;
  now: () => Date;
}

/** Notes, assignees and forwarding reviews to departments. */
export function wireHandoff(deps: HandoffDeps): HandoffHandlers {
  const { workspace } = deps;
  const review = (id: string): Review => {
    const r = workspace.get(id);
    if (!r) throw new KalmError('not_found', `There is no review with id "${id.slice(0, 200)}".`);
    return r;
  };
  const folder = (): RecordFolder<Forward> => {
    deps.store.assertWritable();
    if (!deps.forwards) throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot save changes.');
    return deps.forwards;
  };
  const changed = () => deps.bus.emit('handoff.changed', {});

  return {
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
      forwards: (deps.forwards?.list() ?? []).filter((f) => state === undefined || f.state === state).sort((a, b) => b.forwardedAt.localeCompare(a.forwardedAt)),
    }),
  };
}
