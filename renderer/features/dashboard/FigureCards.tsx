import { useTranslation } from 'react-i18next';
import type { StatsSummary } from '../../../shared/reviews/stats-schema';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { formatAverage, formatChange, formatCount, formatHours, formatShare } from '../../format';
import { bandOf } from './band';

/** The headline figures of the period: average with its change, volume, response rate, reply time, overdue. */
export function FigureCards({ stats }: { stats: StatsSummary }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const { overall, previous, targetHours, businessHours } = stats;
  const change = overall.average !== null && previous?.average != null ? Math.round((overall.average - previous.average) * 100) / 100 : null;
  const countChange = previous ? overall.count - previous.count : null;
  const band = bandOf(overall.average);
  // The median is clock time; with business hours on, only "within target" (counted in business hours) judges the target.
  const onTarget = !businessHours && overall.medianReplyHours !== null && targetHours !== null ? overall.medianReplyHours <= targetHours : null;
  return (
    <section className="dash-cards" aria-label={t('dashboard.figures')}>
      <div className="dash-card">
        <h3 className="dash-card__label">{t('dashboard.average')}</h3>
        <p className="dash-card__value" data-testid="overall-average">{formatAverage(overall.average, locale, 2)}</p>
        <p className="dash-card__note">
          {previous === null ? t('dashboard.noPeriod') : change === null ? t('dashboard.noComparison') : (
            <span className={`delta ${change > 0 ? 'delta--up' : change < 0 ? 'delta--down' : ''}`}>
              {t('dashboard.changeVsPrevious', { change: formatChange(change, locale), previous: formatAverage(previous?.average ?? null, locale, 2) })}
            </span>
          )}
        </p>
        {band !== 'none' && <p className={`dash-card__band band band--${band}`}>{t(`dashboard.band.${band}`)}</p>}
      </div>
      <div className="dash-card">
        <h3 className="dash-card__label">{t('dashboard.reviews')}</h3>
        <p className="dash-card__value" data-testid="overall-count">{formatCount(overall.count, locale)}</p>
        <p className="dash-card__note">
          {countChange === null ? t('dashboard.ratedOf', { rated: formatCount(overall.rated, locale) }) : t('dashboard.countVsPrevious', { change: formatChange(countChange, locale, 0) })}
        </p>
      </div>
      <div className="dash-card">
        <h3 className="dash-card__label">{t('dashboard.responseRate')}</h3>
        <p className="dash-card__value" data-testid="overall-response">{formatShare(overall.responseRate, locale)}</p>
        <p className="dash-card__note">{t('dashboard.unansweredCount', { count: overall.unanswered, formatted: formatCount(overall.unanswered, locale) })}</p>
      </div>
      <div className="dash-card">
        <h3 className="dash-card__label">{t('dashboard.medianReply')}</h3>
        <p className="dash-card__value" data-testid="overall-reply">{formatHours(overall.medianReplyHours, locale)}</p>
        <p className="dash-card__note">
          {targetHours === null ? t('dashboard.targetsDiffer') : t(businessHours ? 'targets.dashboard.target' : 'dashboard.target', { target: formatHours(targetHours, locale) })}
          {onTarget !== null && <span className={`badge ${onTarget ? 'badge--ok' : 'badge--warn'}`}>{onTarget ? t('dashboard.onTarget') : t('dashboard.overTarget')}</span>}
        </p>
        {overall.withinTarget !== null && <p className="dash-card__note">{t(businessHours ? 'targets.dashboard.withinTarget' : 'dashboard.withinTarget', { share: formatShare(overall.withinTarget, locale) })}</p>}
      </div>
      <div className={`dash-card${overall.overdue > 0 ? ' dash-card--alert' : ''}`}>
        <h3 className="dash-card__label">{t('dashboard.overdue')}</h3>
        <p className="dash-card__value" data-testid="overall-overdue">{formatCount(overall.overdue, locale)}</p>
        <p className="dash-card__note">{t(businessHours ? 'targets.dashboard.overdueNote' : 'dashboard.overdueNote')}</p>
      </div>
    </section>
  );
}
