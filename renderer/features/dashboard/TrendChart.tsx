import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../../shared/reviews/stats-schema';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { ChartFigure } from './ChartFigure';
import { axisTick, chartColors, tooltipStyle } from './chart-theme';
import { formatAverage, formatCount, formatMonth } from '../../format';
import { TRUSTED_BAND } from './band';

/** Monthly average (line, with the 4.2–4.6 band that converts best) and volume (bars). */
export function TrendChart({ trend, animate = true }: { trend: readonly TrendPoint[]; animate?: boolean }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const data = trend.map((p) => ({ ...p, label: formatMonth(p.month, locale) }));
  const rated = trend.filter((p) => p.average !== null);
  const last = rated[rated.length - 1];
  const summary = last
    ? t('dashboard.trend.summary', { months: trend.length, month: formatMonth(last.month, locale, 'long'), average: formatAverage(last.average, locale, 2) })
    : t('dashboard.trend.empty');
  const avgName = t('dashboard.trend.average'), countName = t('dashboard.trend.volume');
  return (
    <ChartFigure
      title={t('dashboard.trend.title')}
      summary={summary}
      rows={data}
      columns={[
        { key: 'm', header: t('dashboard.trend.month'), cell: (r) => formatMonth(r.month, locale, 'long') },
        { key: 'a', header: avgName, cell: (r) => formatAverage(r.average, locale, 2) },
        { key: 'c', header: countName, cell: (r) => formatCount(r.count, locale) },
      ]}
      note={<p className="dash-chart__note">{t('dashboard.trend.bandNote')}</p>}
    >
      {trend.length === 0 ? (
        <p className="dash-chart__empty">{t('dashboard.trend.empty')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={axisTick} stroke={chartColors.grid} minTickGap={12} />
            <YAxis yAxisId="avg" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tick={axisTick} stroke={chartColors.grid} width={32} tickFormatter={(v: number) => formatAverage(v, locale, 2).replace(/[.,]00$/, '')} />
            <YAxis yAxisId="count" orientation="right" allowDecimals={false} tick={axisTick} stroke={chartColors.grid} width={48} tickFormatter={(v: number) => formatCount(v, locale)} />
            <ReferenceArea
              yAxisId="avg"
              y1={TRUSTED_BAND.low}
              y2={TRUSTED_BAND.high}
              fill={chartColors.band}
              fillOpacity={1}
              stroke="none"
              ifOverflow="extendDomain"
              label={{ value: t('dashboard.trend.band'), position: 'insideTopLeft', fill: 'var(--text-2)', fontSize: 11 }}
            />
            <Bar yAxisId="count" dataKey="count" name={countName} fill={chartColors.volume} radius={[3, 3, 0, 0]} isAnimationActive={animate} />
            <Line yAxisId="avg" dataKey="average" name={avgName} stroke={chartColors.accent} strokeWidth={2.5} dot={{ r: 3 }} connectNulls isAnimationActive={animate} />
            <Tooltip
              {...tooltipStyle}
              formatter={(value, name) => (name === avgName ? formatAverage(typeof value === 'number' ? value : null, locale, 2) : formatCount(Number(value), locale))}
            />
            <Legend wrapperStyle={{ color: 'var(--text-2)', fontSize: 12 }} />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
