import type { z } from 'zod';
import type { CallOutput, Contract, EventName, EventPayload } from '../../shared/contract';
import { KalmError } from '../../shared/domain/errors';
import type { Label } from '../../shared/domain/label';
import type { Review } from '../../shared/domain/review';
import type { Settings } from '../../shared/domain/settings';
import type { Forward } from '../../shared/contract/handoff';
import type { LabelRule } from '../../shared/labels/label-schema';
import { applyRules, compileRule, previewRule } from '../../shared/labels/rules';

type FakedCall = 'labels.list' | 'labels.save' | 'labels.delete' | 'labels.apply' | 'labels.saveRules' | 'labels.previewRule' | 'labels.runRules'
  | 'notes.set' | 'handoff.assign' | 'handoff.forward' | 'handoff.setState' | 'handoff.list'
  | 'app.openDataFolder' | 'backup.create' | 'sync.backgroundStatus';
type Handlers = { [N in FakedCall]: (input: z.output<Contract[N]['input']>) => CallOutput<N> };

/** The fake api's labels, rules, notes and hand-off, and its data folder and background status, in memory. */
export function fakeLabelHandoffHandlers(ctx: {
  reviews: () => Review[];
  setReviews: (next: Review[]) => void;
  settings: () => Settings;
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
}): Handlers {
  let labels: Label[] = [];
  let rules: LabelRule[] = [];
  const forwards = new Map<string, Forward>();
  const update = (ids: Set<string> | null, change: (r: Review) => Review | null): number => {
    let n = 0;
    ctx.setReviews(ctx.reviews().map((r) => {
      const next = ids === null || ids.has(r.id) ? change(r) : null;
      if (next) n++;
      return next ?? r;
    }));
    if (n > 0) queueMicrotask(() => ctx.emit('reviews.changed', { reason: 'update', count: n }));
    return n;
  };
  const review = (id: string) => {
    const r = ctx.reviews().find((x) => x.id === id);
    if (!r) throw new KalmError('not_found', `No review ${id}`);
    return r;
  };
  return {
    'labels.list': () => ({ labels, rules, counts: Object.fromEntries(labels.map((l) => [l.id, ctx.reviews().filter((r) => r.labels.includes(l.id)).length])) }),
    'labels.save': ({ id, name, color }) => {
      if (labels.some((l) => l.name.toLowerCase() === name.toLowerCase() && l.id !== id)) throw new KalmError('invalid_input', `A label named "${name}" already exists.`);
      const label: Label = { schemaVersion: 1, id: id ?? `label-${labels.length + 1}`, name, color };
      labels = id === undefined ? [...labels, label] : labels.map((l) => (l.id === id ? label : l));
      queueMicrotask(() => ctx.emit('labels.changed', {}));
      return label;
    },
    'labels.delete': ({ id }) => {
      labels = labels.filter((l) => l.id !== id);
      rules = rules.filter((r) => r.labelId !== id);
      queueMicrotask(() => ctx.emit('labels.changed', {}));
      return { changed: update(null, (r) => (r.labels.includes(id) ? { ...r, labels: r.labels.filter((l) => l !== id) } : null)) };
    },
    'labels.apply': ({ reviewIds, add, remove }) => ({
      changed: update(new Set(reviewIds), (r) => {
        const kept = r.labels.filter((l) => !remove.includes(l));
        const next = [...kept, ...add.filter((l) => !kept.includes(l))];
        return next.join('\u0000') === r.labels.join('\u0000') ? null : { ...r, labels: next };
      }),
    }),
    'labels.saveRules': ({ rules: next }) => {
      rules = next;
      queueMicrotask(() => ctx.emit('labels.changed', {}));
      return { rules };
    },
    'labels.previewRule': ({ rule }) => previewRule(rule, ctx.reviews()),
    'labels.runRules': () => {
      const compiled = rules.map(compileRule);
      return { changed: update(null, (r) => {
        const next = applyRules(compiled, r);
        return next ? { ...r, labels: next } : null;
      }) };
    },
    'notes.set': ({ reviewId, note }) => {
      update(new Set([reviewId]), (r) => ({ ...r, note: note.trim() === '' ? null : note }));
      return {};
    },
    'handoff.assign': ({ reviewId, assignee }) => {
      update(new Set([reviewId]), (r) => ({ ...r, assignee }));
      return {};
    },
    'handoff.forward': ({ reviewId, departmentId }) => {
      const r = review(reviewId);
      const d = ctx.settings().departments.find((x) => x.id === departmentId);
      if (!d) throw new KalmError('not_found', `No department ${departmentId}`);
      const forward: Forward = { schemaVersion: 1, reviewId, departmentId, departmentName: d.name, email: d.email, forwardedAt: new Date().toISOString(), state: 'open', handledAt: null };
      forwards.set(reviewId, forward);
      queueMicrotask(() => ctx.emit('handoff.changed', {}));
      const text = `Review ${r.rating ?? ''}★\n\n${r.text ?? ''}`;
      return { forward, mailto: `mailto:${d.email}?subject=Review&body=${encodeURIComponent(text)}`, text };
    },
    'handoff.setState': ({ reviewId, state }) => {
      const f = forwards.get(reviewId);
      if (!f) throw new KalmError('not_found', 'This review was not forwarded to a department.');
      const next: Forward = { ...f, state, handledAt: state === 'handled' ? new Date().toISOString() : null };
      forwards.set(reviewId, next);
      queueMicrotask(() => ctx.emit('handoff.changed', {}));
      return next;
    },
    'handoff.list': ({ state }) => ({ forwards: [...forwards.values()].filter((f) => state === undefined || f.state === state) }),
    'app.openDataFolder': () => ({ opened: false, path: '/tmp/kalm-test' }),
    'backup.create': () => ({ path: '/tmp/Kalm-backup-test.zip', files: 3, bytes: 1234 }),
    // The fake host runs no background sync: a browser page cannot see the power state itself.
    'sync.backgroundStatus': () => {
      const intervalMinutes = ctx.settings().syncIntervalMinutes;
      return { state: 'off', pausedBy: null, intervalMinutes, power: { detects: 'none', saver: false, onBattery: null } };
    },
  };
}
