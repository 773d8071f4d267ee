/** Chart colours and text from the app's CSS variables, so light and dark themes both read well. */
export const chartColors = {
  accent: 'var(--accent)',
  volume: 'var(--chart-volume)',
  band: 'var(--chart-band)',
  grid: 'var(--border)',
  text: 'var(--text-2)',
  target: 'var(--danger)',
  star: 'var(--star)',
} as const;

export const axisTick = { fill: 'var(--text-2)', fontSize: 12 } as const;

export const tooltipStyle = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border-strong)', borderRadius: 6, color: 'var(--text)' },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  itemStyle: { color: 'var(--text)' },
} as const;
