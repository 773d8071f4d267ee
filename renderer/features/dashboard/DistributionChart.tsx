import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RatingCounts } from '../../../shared/reviews/query-schema';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { ChartFigure } from './ChartFigure';
import { axisTick, chartColors, tooltipStyle } from './chart-theme';
import { formatCount, formatShare } from '../../format';

/** How many reviews gave 5, 4, 3, 2 and 1 stars (bars), rating-only reviews mentioned below. */
export function DistributionChart({ distribution, animate = true }: { distribution: RatingCounts; animate?: boolean }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const rated = distribution[1] + distribution[2] + distribution[3] + distribution[4] + distribution[5];
  const data = ([5, 4, 3, 2, 1] as const).map((stars) => ({
    stars,
    label: t('dashboard.distribution.stars', { count: stars }),
    count: distribution[stars],
    share: rated > 0 ? distribution[stars] / rated : null,
  }));
  const countName = t('dashboard.distribution.count');
  const summary = t('dashboard.distribution.summary', {
    list: data.map((d) => `${d.label}: ${formatCount(d.count, locale)}`).join(', '),
  });
  return (
    <ChartFigure
      title={t('dashboard.distribution.title')}
      summary={summary}
      rows={data}
      columns={[
        { key: 's', header: t('dashboard.distribution.rating'), cell: (r) => r.label },
        { key: 'c', header: countName, cell: (r) => formatCount(r.count, locale) },
        { key: 'p', header: t('dashboard.distribution.share'), cell: (r) => formatShare(r.share, locale) },
      ]}
      note={distribution.none > 0 ? <p className="dash-chart__note">{t('dashboard.distribution.ratingOnly', { count: distribution.none })}</p> : undefined}
    >
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={axisTick} stroke={chartColors.grid} tickFormatter={(v: number) => formatCount(v, locale)} />
          <YAxis type="category" dataKey="label" tick={axisTick} stroke={chartColors.grid} width={72} />
          <Tooltip {...tooltipStyle} cursor={{ fill: 'var(--surface-sunk)' }} formatter={(value) => formatCount(Number(value), locale)} />
          <Bar dataKey="count" name={countName} fill={chartColors.star} radius={[0, 3, 3, 0]} isAnimationActive={animate}>
            <LabelList dataKey="count" position="right" fill="var(--text-2)" fontSize={12} formatter={(v) => formatCount(Number(v), locale)} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
