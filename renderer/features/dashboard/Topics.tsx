import { useTranslation } from 'react-i18next';
import type { TopicStats } from '../../../shared/reviews/stats-schema';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { formatAverage, formatCount } from '../../format';

const SHOWN = 12;

/** The most-used labels and how the reviews carrying them are rated, lowest-rated marked, so recurring complaints stand out. */
export function Topics({ topics }: { topics: readonly TopicStats[] }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  if (topics.length === 0) return <p className="dash-empty">{t('dashboard.topics.empty')}</p>;
  const top = topics.slice(0, SHOWN);
  const max = Math.max(...top.map((x) => x.count));
  return (
    <table className="dash-table dash-table--compact dash-topics">
      <caption className="sr-only">{t('dashboard.topics.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.topics.label')}</th>
          <th scope="col" className="num">{t('dashboard.topics.count')}</th>
          <th scope="col" className="num">{t('dashboard.topics.average')}</th>
        </tr>
      </thead>
      <tbody>
        {top.map((x) => (
          <tr key={x.labelId} className={x.average !== null && x.average < 3 ? 'dash-topics__low' : undefined}>
            <th scope="row">
              <span className="dash-topics__bar" style={{ width: `${Math.max(4, (x.count / max) * 100)}%` }} aria-hidden="true" />
              <span className="dash-topics__name">{x.label}</span>
            </th>
            <td className="num">{formatCount(x.count, locale)}</td>
            <td className="num">{formatAverage(x.average, locale, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
