import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface TableColumn<R> {
  key: string;
  header: string;
  cell: (row: R) => string;
}

interface Props<R> {
  title: string;
  /** A one-sentence summary read out instead of the picture. */
  summary: string;
  children: ReactNode;
  rows: readonly R[];
  columns: readonly TableColumn<R>[];
  note?: ReactNode;
}

/** A chart with a caption, its figures as a table (for screen readers and for copying), and an optional note. */
export function ChartFigure<R>({ title, summary, children, rows, columns, note }: Props<R>) {
  const { t } = useTranslation();
  return (
    <figure className="dash-chart">
      <figcaption className="dash-chart__title">{title}</figcaption>
      <div className="dash-chart__plot" role="img" aria-label={summary}>
        {children}
      </div>
      {note}
      <details className="dash-chart__table">
        <summary>{t('dashboard.showTable')}</summary>
        <table className="dash-table dash-table--compact">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.key}>{c.cell(r)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
