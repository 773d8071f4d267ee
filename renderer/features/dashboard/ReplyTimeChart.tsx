import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../../shared/reviews/stats-schema';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { ChartFigure } from './ChartFigure';
import { axisTick, chartColors, tooltipStyle } from './chart-theme';
import { formatAxisHours, formatHours, formatMonth } from '../../format';

/** Median time to reply per month (bars) against the reply-time target (line). */
export function ReplyTimeChart({ trend, targetHours, animate = true }: { trend: readonly TrendPoint[]; targetHours: number | null; animate?: boolean }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const data = trend.map((p) => ({ month: p.month, label: formatMonth(p.month, locale), hours: p.medianReplyHours }));
  const replied = data.filter((d) => d.hours !== null);
  const over = targetHours === null ? 0 : replied.filter((d) => (d.hours ?? 0) > targetHours).length;
  const summary =
    replied.length === 0
      ? t('dashboard.replyTime.empty')
      : targetHours === null
        ? t('dashboard.replyTime.summaryNoTarget', { months: replied.length })
        : t('dashboard.replyTime.summary', { months: replied.length, over, target: formatHours(targetHours, locale) });
  const name = t('dashboard.replyTime.median');
  return (
    <ChartFigure
      title={t('dashboard.replyTime.title')}
      summary={summary}
      rows={data}
      columns={[
        { key: 'm', header: t('dashboard.trend.month'), cell: (r) => formatMonth(r.month, locale, 'long') },
        { key: 'h', header: name, cell: (r) => formatHours(r.hours, locale) },
      ]}
      note={targetHours !== null ? <p className="dash-chart__note">{t('dashboard.replyTime.note', { target: formatHours(targetHours, locale) })}</p> : undefined}
    >
      {replied.length === 0 ? (
        <p className="dash-chart__empty">{t('dashboard.replyTime.empty')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={chartColors.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={axisTick} stroke={chartColors.grid} minTickGap={12} />
            <YAxis tick={axisTick} stroke={chartColors.grid} width={48} tickFormatter={(v: number) => formatAxisHours(v, locale)} />
            <Tooltip {...tooltipStyle} cursor={{ fill: 'var(--surface-sunk)' }} formatter={(value) => formatHours(typeof value === 'number' ? value : null, locale)} />
            <Bar dataKey="hours" name={name} fill={chartColors.accent} radius={[3, 3, 0, 0]} isAnimationActive={animate} />
            {targetHours !== null && (
              <ReferenceLine
                y={targetHours}
                stroke={chartColors.target}
                strokeDasharray="6 4"
                ifOverflow="extendDomain"
                label={{ value: t('dashboard.replyTime.targetLabel', { target: formatHours(targetHours, locale) }), position: 'insideTopRight', fill: 'var(--danger)', fontSize: 11 }}
              />
            )}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
