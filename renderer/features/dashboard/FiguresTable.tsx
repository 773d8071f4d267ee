import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsFigures } from '../../../shared/reviews/stats-schema';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { formatAverage, formatChange, formatCount, formatHours, formatShare } from '../../format';

export interface FiguresRow extends StatsFigures {
  key: string;
  name: string;
  previousAverage: number | null;
  /** Where clicking the row's name goes (the inbox filtered on it); none = plain text. */
  href?: string;
  targetHours?: number;
}

export type SortKey = 'name' | 'average' | 'count' | 'unanswered' | 'responseRate' | 'medianReplyHours' | 'overdue';

/** Nulls (nothing rated, nothing replied) sort last in either direction. */
function compare(a: FiguresRow, b: FiguresRow, key: SortKey): number {
  if (key === 'name') return a.name.localeCompare(b.name);
  const x = a[key], y = b[key];
  if (x === null && y === null) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x - y;
}

export function sortRows(rows: readonly FiguresRow[], key: SortKey, dir: 'asc' | 'desc'): FiguresRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const c = compare(a, b, key);
    // Keep nulls last whichever way round.
    if (key !== 'name' && (a[key] === null) !== (b[key] === null)) return c;
    return sign * c || a.name.localeCompare(b.name);
  });
}

interface Props {
  caption: string;
  nameHeader: string;
  rows: readonly FiguresRow[];
  /** Which sort a fresh table starts with. */
  initialSort?: { key: SortKey; dir: 'asc' | 'desc' };
}

/**
 * Per-location (or per-source) figures, sortable by every column. A plain
 * table in a scrolling box with a sticky header: 200+ rows stay quick.
 */
export function FiguresTable({ caption, nameHeader, rows, initialSort = { key: 'average', dir: 'asc' } }: Props) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.dir), [rows, sort]);
  const columns: { key: SortKey; label: string; numeric: boolean }[] = [
    { key: 'name', label: nameHeader, numeric: false },
    { key: 'average', label: t('dashboard.table.average'), numeric: true },
    { key: 'count', label: t('dashboard.table.count'), numeric: true },
    { key: 'unanswered', label: t('dashboard.table.unanswered'), numeric: true },
    { key: 'responseRate', label: t('dashboard.table.responseRate'), numeric: true },
    { key: 'medianReplyHours', label: t('dashboard.table.medianReply'), numeric: true },
    { key: 'overdue', label: t('dashboard.table.overdue'), numeric: true },
  ];
  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'name' || key === 'average' ? 'asc' : 'desc' }));
  return (
    <div className="dash-table-wrap">
      <table className="dash-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="dash-sort" onClick={() => toggle(c.key)}>
                  {c.label}
                  <span aria-hidden="true" className="dash-sort__arrow">{sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const change = r.average !== null && r.previousAverage !== null ? Math.round((r.average - r.previousAverage) * 100) / 100 : null;
            const late = r.targetHours !== undefined && r.medianReplyHours !== null && r.medianReplyHours > r.targetHours;
            return (
              <tr key={r.key} data-row-key={r.key}>
                <th scope="row">{r.href ? <a href={r.href} title={t('dashboard.table.openInbox')}>{r.name}</a> : r.name}</th>
                <td className="num">
                  {formatAverage(r.average, locale, 2)}
                  {change !== null && change !== 0 && <span className={`delta delta--small ${change > 0 ? 'delta--up' : 'delta--down'}`}> {formatChange(change, locale)}</span>}
                </td>
                <td className="num">{formatCount(r.count, locale)}</td>
                <td className="num">{formatCount(r.unanswered, locale)}</td>
                <td className="num">{formatShare(r.responseRate, locale)}</td>
                <td className={`num${late ? ' num--late' : ''}`}>
                  {formatHours(r.medianReplyHours, locale)}
                  {r.targetHours !== undefined && <span className="dash-table__target"> / {formatHours(r.targetHours, locale)}</span>}
                </td>
                <td className={`num${r.overdue > 0 ? ' num--late' : ''}`}>{formatCount(r.overdue, locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
