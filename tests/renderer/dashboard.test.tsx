import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FiguresTable, sortRows, type FiguresRow } from '../../renderer/features/dashboard/FiguresTable';
import { localDay, monthBounds, periodBounds } from '../../renderer/features/dashboard/period';
import { computeFigures } from '../../shared/reviews/stats';

const row = (name: string, patch: Partial<FiguresRow>): FiguresRow => ({
  ...computeFigures([]),
  key: name,
  name,
  previousAverage: null,
  href: `#/inbox?location=${encodeURIComponent(name)}`,
  ...patch,
});

const rows = [
  row('Utrecht', { average: 3.5, count: 10, unanswered: 4, responseRate: 0.6, medianReplyHours: 12, overdue: 3 }),
  row('Gent', { average: 4.4, count: 30, unanswered: 1, responseRate: 0.97, medianReplyHours: 2, overdue: 0, previousAverage: 4.1 }),
  row('Nieuw & Co', { average: null, count: 2, unanswered: 2, responseRate: 0, medianReplyHours: null, overdue: 2 }),
];

describe('locations table', () => {
  it('sorts by every figure, nulls last either way round', () => {
    expect(sortRows(rows, 'average', 'asc').map((r) => r.name)).toEqual(['Utrecht', 'Gent', 'Nieuw & Co']);
    expect(sortRows(rows, 'average', 'desc').map((r) => r.name)).toEqual(['Gent', 'Utrecht', 'Nieuw & Co']);
    expect(sortRows(rows, 'medianReplyHours', 'desc').map((r) => r.name)).toEqual(['Utrecht', 'Gent', 'Nieuw & Co']);
    expect(sortRows(rows, 'count', 'desc').map((r) => r.name)).toEqual(['Gent', 'Utrecht', 'Nieuw & Co']);
    expect(sortRows(rows, 'unanswered', 'asc').map((r) => r.name)).toEqual(['Gent', 'Nieuw & Co', 'Utrecht']);
  });

  it('re-sorts on a header click, marks the sort for screen readers, and links each location to the inbox', () => {
    render(<FiguresTable caption="Locations" nameHeader="Location" rows={rows} />);
    const table = screen.getByRole('table', { name: 'Locations' });
    const names = () => within(table).getAllByRole('rowheader').map((h) => h.textContent);
    expect(names()).toEqual(['Utrecht', 'Gent', 'Nieuw & Co']);
    fireEvent.click(within(table).getByRole('button', { name: /Response rate|Answered/ }));
    expect(names()).toEqual(['Gent', 'Utrecht', 'Nieuw & Co']);
    expect(within(table).getByRole('columnheader', { name: /Answered/ }).getAttribute('aria-sort')).toBe('descending');
    expect(within(table).getByRole('link', { name: 'Nieuw & Co' }).getAttribute('href')).toBe('#/inbox?location=Nieuw%20%26%20Co');
    // The change against the previous period shows with its sign.
    expect(within(table).getByText('+0.30')).toBeTruthy();
  });

  it('stays quick to render with 250 locations', () => {
    const many = Array.from({ length: 250 }, (_, i) => row(`Vestiging ${i}`, { average: 1 + (i % 40) / 10, count: i, unanswered: i % 7 }));
    render(<FiguresTable caption="Many" nameHeader="Location" rows={many} />);
    expect(within(screen.getByRole('table', { name: 'Many' })).getAllByRole('row')).toHaveLength(251);
  });
});

describe('period picker bounds', () => {
  const now = new Date(2026, 10, 24, 15, 30).getTime();
  it('runs presets up to now and custom ranges over whole local days', () => {
    expect(periodBounds({ kind: 'all', from: '', to: '' }, now)).toEqual({});
    expect(periodBounds({ kind: '30d', from: '', to: '' }, now)).toEqual({ from: new Date(now - 30 * 86_400_000).toISOString() });
    expect(periodBounds({ kind: '12m', from: '', to: '' }, now)).toEqual({ from: new Date(2025, 10, 24, 15, 30).toISOString() });
    expect(periodBounds({ kind: 'custom', from: '2026-03-01', to: '2026-03-31' }, now)).toEqual({
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
    expect(periodBounds({ kind: 'custom', from: '2026-03-31', to: '2026-03-01' }, now)).toBeNull();
    expect(periodBounds({ kind: 'custom', from: '', to: '2026-03-01' }, now)).toBeNull();
    expect(localDay('2026-02-30')).toBeNull();
    expect(monthBounds('2026-12')).toEqual({ from: new Date(2026, 11, 1).toISOString(), to: new Date(2027, 0, 1).toISOString() });
    expect(monthBounds('2026-13')).toBeNull();
  });
});
