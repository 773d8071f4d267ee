import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { useCall } from '../../hooks/useCall';
import { DashboardFilters, type Scope } from './DashboardFilters';
import { DistributionChart } from './DistributionChart';
import { ExportPanel } from './ExportPanel';
import { FigureCards } from './FigureCards';
import { FiguresTable } from './FiguresTable';
import { MonthlyReport } from './MonthlyReport';
import { isoDay, localTimeZone, periodBounds, type PeriodChoice } from './period';
import { ReplyTimeChart } from './ReplyTimeChart';
import { locationRows, sourceRows } from './rows';
import { Topics } from './Topics';
import { TrendChart } from './TrendChart';
import './styles/page.css';
import './styles/filters.css';
import './styles/cards.css';
import './styles/charts.css';
import './styles/tables.css';
import './styles/report.css';

const DAY_MS = 86_400_000;

/** "How is our rating doing per location, and are we keeping up?" in one screen, plus exports and the monthly report. */
export function DashboardPage() {
  const { t } = useTranslation();
  // Presets run up to "now"; it is fixed when the period changes so the query stays the same between renders.
  const [now, setNow] = useState(() => Date.now());
  const [period, setPeriod] = useState<PeriodChoice>(() => ({ kind: '12m', from: isoDay(new Date(now - 30 * DAY_MS)), to: isoDay(new Date(now)) }));
  const [scope, setScope] = useState<Scope>({ locationId: '', source: '' });
  const [report, setReport] = useState(false);
  const workspace = useCall('workspace.get', {}, 'reviews.changed');
  const bounds = periodBounds(period, now);
  const place = useMemo(
    () => ({ ...(scope.locationId ? { locationId: scope.locationId } : {}), ...(scope.source ? { source: scope.source } : {}) }),
    [scope],
  );
  const stats = useCall('reviews.stats', { ...(bounds ?? {}), ...place, timeZone: localTimeZone() }, 'reviews.changed');

  if (report) return <MonthlyReport place={place} onClose={() => setReport(false)} />;
  const locations = workspace.data?.locations ?? [];
  const sources = workspace.data?.sources ?? [];
  return (
    <div className="dash">
      <header className="dash-head">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="dash-head__sub">{t('dashboard.subtitle')}</p>
        </div>
        <button type="button" className="btn btn--secondary" onClick={() => setReport(true)}>
          {t('dashboard.report.open')}
        </button>
      </header>
      <DashboardFilters
        period={period}
        onPeriod={(p) => {
          setNow(Date.now());
          setPeriod(p);
        }}
        scope={scope}
        onScope={setScope}
        locations={locations}
        sources={sources}
        invalidRange={bounds === null}
      />
      {stats.status === 'error' && <ErrorState error={stats.error} onRetry={stats.reload} />}
      {stats.status === 'loading' && <p className="dash-loading" role="status">{t('dashboard.loading')}</p>}
      {stats.status === 'ready' && (
        <>
          <FigureCards stats={stats.data} />
          {stats.data.overall.count === 0 ? (
            <p className="dash-empty">{t('dashboard.empty')}</p>
          ) : (
            <>
              <div className="dash-grid">
                <div className="dash-grid__wide">
                  <TrendChart trend={stats.data.trend} />
                </div>
                <DistributionChart distribution={stats.data.overall.distribution} />
                {/* Medians are clock time: a target counted in business hours is judged on the cards (within target), not against this line. */}
                <ReplyTimeChart trend={stats.data.trend} targetHours={stats.data.businessHours ? null : stats.data.targetHours} />
              </div>
              <section className="dash-section" aria-labelledby="dash-locations-title">
                <h2 id="dash-locations-title" className="dash-section__title">{t('dashboard.locations.title', { count: stats.data.locations.length })}</h2>
                <p className="dash-section__hint">{t('dashboard.locations.hint')}</p>
                <FiguresTable caption={t('dashboard.locations.title', { count: stats.data.locations.length })} nameHeader={t('dashboard.table.location')} rows={locationRows(stats.data)} />
              </section>
              {stats.data.sources.length > 0 && (
                <section className="dash-section" aria-labelledby="dash-sources-title">
                  <h2 id="dash-sources-title" className="dash-section__title">{t('dashboard.sources.title')}</h2>
                  <FiguresTable caption={t('dashboard.sources.title')} nameHeader={t('dashboard.table.source')} rows={sourceRows(stats.data)} initialSort={{ key: 'count', dir: 'desc' }} />
                </section>
              )}
              <section className="dash-section" aria-labelledby="dash-topics-title">
                <h2 id="dash-topics-title" className="dash-section__title">{t('dashboard.topics.title')}</h2>
                <Topics topics={stats.data.topics} />
              </section>
            </>
          )}
          <ExportPanel filter={{ ...(bounds ?? {}), ...place }} />
        </>
      )}
    </div>
  );
}

