import { useState } from 'react';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useCall } from '../../hooks/useCall';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { DistributionChart } from './DistributionChart';
import { FigureCards } from './FigureCards';
import { FiguresTable } from './FiguresTable';
import { formatMonth } from '../../format';
import { localTimeZone, monthBounds } from './period';
import { ReplyTimeChart } from './ReplyTimeChart';
import { locationRows } from './rows';
import { Topics } from './Topics';
import { TrendChart } from './TrendChart';

/** The month before the current one, "YYYY-MM". */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The twelve months ending with `month`, as bounds. */
function yearUpTo(month: string): { from: string; to: string } | null {
  const end = monthBounds(month);
  const [y, m] = month.split('-').map(Number);
  if (!end || !y || !m) return null;
  return { from: new Date(y, m - 12, 1).toISOString(), to: end.to };
}

interface Props {
  place: { locationId?: string; source?: string };
  onClose: () => void;
}

/**
 * A print-ready monthly report: the month's figures against the month before,
 * the twelve-month trend, stars, reply time, every location and the topics.
 * Print (or save as PDF) with the browser's print; the app's chrome is hidden in print.
 */
export function MonthlyReport({ place, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [month, setMonth] = useState(lastMonth);
  const bounds = monthBounds(month) ?? monthBounds(lastMonth()) ?? {};
  const timeZone = localTimeZone();
  const stats = useCall('reviews.stats', { ...bounds, ...place, timeZone }, 'reviews.changed');
  const year = useCall('reviews.stats', { ...(yearUpTo(month) ?? {}), ...place, timeZone }, 'reviews.changed');
  const workspace = useCall('workspace.get', {});
  const info = useCall('app.info', {});
  const api = useApi();
  const [saved, setSaved] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  async function savePdf(): Promise<void> {
    setSaved(null);
    try {
      const r = await api.call('reviews.saveReportPdf', { fileName: `kalm-report-${month}.pdf` });
      if (r.saved) setSaved({ kind: 'ok', text: t('dashboard.report.savedPdf', { path: r.path ?? '' }) });
    } catch (err) {
      setSaved({ kind: 'error', text: toKalmError(err).message });
    }
  }
  const scopeName =
    place.locationId !== undefined
      ? (workspace.data?.locations.find((l) => l.id === place.locationId)?.name ?? place.locationId)
      : t('dashboard.report.allLocations');
  return (
    <article className="report">
      <div className="report__actions">
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          {t('dashboard.report.back')}
        </button>
        <label className="dash-field dash-field--inline">
          <span>{t('dashboard.report.month')}</span>
          <input type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        </label>
        {info.data?.host === 'electron' && (
          <button type="button" className="btn btn--primary" onClick={() => void savePdf()}>
            {t('dashboard.report.savePdf')}
          </button>
        )}
        <button type="button" className={`btn ${info.data?.host === 'electron' ? 'btn--secondary' : 'btn--primary'}`} onClick={() => window.print()}>
          {t('dashboard.report.print')}
        </button>
        {saved && (
          <p role={saved.kind === 'error' ? 'alert' : 'status'} className={saved.kind === 'error' ? 'dash-export__error' : 'dash-export__ok'}>
            {saved.text}
          </p>
        )}
      </div>
      <header className="report__head">
        <h1>{t('dashboard.report.title', { month: formatMonth(month, locale, 'long') })}</h1>
        <p className="report__scope">{scopeName}</p>
      </header>
      {stats.status === 'error' && <ErrorState error={stats.error} onRetry={stats.reload} />}
      {stats.status === 'ready' && (
        <>
          <FigureCards stats={stats.data} />
          <div className="dash-grid">
            <div className="dash-grid__wide">
              {year.status === 'ready' && <TrendChart trend={year.data.trend} animate={false} />}
            </div>
            <DistributionChart distribution={stats.data.overall.distribution} animate={false} />
            {year.status === 'ready' && <ReplyTimeChart trend={year.data.trend} targetHours={year.data.targetHours} animate={false} />}
          </div>
          {stats.data.locations.length > 0 && (
            <section className="dash-section report__section">
              <h2 className="dash-section__title">{t('dashboard.locations.title', { count: stats.data.locations.length })}</h2>
              <FiguresTable caption={t('dashboard.locations.title', { count: stats.data.locations.length })} nameHeader={t('dashboard.table.location')} rows={locationRows(stats.data)} />
            </section>
          )}
          <section className="dash-section report__section">
            <h2 className="dash-section__title">{t('dashboard.topics.title')}</h2>
            <Topics topics={stats.data.topics} />
          </section>
        </>
      )}
    </article>
  );
}
