import { describe, expect, it } from 'vitest';
import { mergeEntityDocs, mergeRuleOrderDocs, mergeTeamDocs, orderRules, sameNamedLabels } from '../../shared/team/merge';
import type { EntityDoc, RuleOrderDoc } from '../../shared/team/team-docs';

const label = (id: string, name: string) => ({ schemaVersion: 1, id, name, color: '#0f766e' });

describe('same-named labels from two desktops', () => {
  it('maps every label to the one of the same name (case, accents, outer spaces ignored) with the smallest id, whatever the order', () => {
    const labels = [label('label-b2', 'Delivery'), label('label-a1', ' délivery'), label('label-c3', 'DELIVERY'), label('label-z9', 'Service')];
    const expected = new Map([['label-b2', 'label-a1'], ['label-c3', 'label-a1']]);
    expect(sameNamedLabels(labels)).toEqual(expected);
    expect(sameNamedLabels([...labels].reverse())).toEqual(expected);
    expect(sameNamedLabels([label('label-a1', 'Delivery'), label('label-b2', 'Bezorging')]).size).toBe(0);
  });

  it('a label document keeps every label it absorbed when two desktops merged at once', () => {
    const doc = (at: string, by: string, absorbed?: string[]): EntityDoc => ({ type: 'label', body: label('label-a1', 'Delivery'), at, by, history: [], ...(absorbed ? { absorbed } : {}) });
    const one = doc('2026-05-01T10:00:00.000Z', 'anna', ['label-c3']);
    const two = doc('2026-05-01T11:00:00.000Z', 'bram', ['label-b2']);
    expect(mergeEntityDocs([one, two]).absorbed).toEqual(['label-b2', 'label-c3']);
    expect(mergeEntityDocs([two, one])).toEqual(mergeEntityDocs([one, two]));
    expect('absorbed' in mergeEntityDocs([doc('2026-05-01T10:00:00.000Z', 'anna')])).toBe(false);
  });
});

describe('the rule order of the team', () => {
  const order = (at: string, by: string, ids: string[]): RuleOrderDoc => ({ type: 'ruleOrder', ids, at, by });

  it('two reorders made apart: the later wins, ids only the other lists follow; the same whatever the order of the versions', () => {
    const anna = order('2026-05-01T10:00:00.000Z', 'anna', ['r3', 'r1', 'r2', 'rA']);
    const bram = order('2026-05-01T10:00:01.000Z', 'bram', ['r2', 'r1', 'r3']);
    const carl = order('2026-05-01T09:00:00.000Z', 'carl', ['r1', 'rC', 'r2', 'r3']);
    const merged = mergeRuleOrderDocs([anna, bram, carl]);
    expect(merged.ids).toEqual(['r2', 'r1', 'r3', 'rA', 'rC']);
    expect(mergeRuleOrderDocs([carl, bram, anna])).toEqual(merged);
    expect(mergeTeamDocs([bram, anna, carl])).toEqual(merged);
  });

  it('puts the rules in the order; rules it does not list keep their own order after the listed ones', () => {
    const rules = ['r1', 'new1', 'r2', 'r3', 'new2'].map((id) => ({ id }));
    expect(orderRules(rules, ['r3', 'gone', 'r1', 'r2']).map((r) => r.id)).toEqual(['r3', 'r1', 'r2', 'new1', 'new2']);
  });
});
