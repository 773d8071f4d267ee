import { describe, expect, it } from 'vitest';
import { mergeEntityDocs, sameNamedLabels } from '../../shared/team/merge';
import type { EntityDoc } from '../../shared/team/team-docs';

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
