import { PLAY_SOURCE_ID } from '../../../shared/reply/limits';
import { useTranslation } from 'react-i18next';
import type { BadgeKind } from './badges';

/** Small labelled badges (text, not colour alone). */
export function StatusBadges({ kinds }: { kinds: readonly BadgeKind[] }) {
  const { t } = useTranslation();
  if (kinds.length === 0) return null;
  return (
    <span className="badges">
      {kinds.map((k) => (
        <span key={k} className={`sbadge sbadge--${k}`}>
          {t(`inbox.badge.${k}`)}
        </span>
      ))}
    </span>
  );
}

/** The source as a small round mark with its name for screen readers and on hover. */
export function SourceMark({ source, name }: { source: string; name: string }) {
  // Google Business Profile "G", Google Play a play triangle, any other site its first letter.
  const kind = source === 'google' ? 'google' : source === PLAY_SOURCE_ID ? 'play' : 'other';
  const letter = kind === 'play' ? '\u25B6\uFE0E' : (name.trim()[0] ?? source[0] ?? '?').toUpperCase();
  return (
    <span className={`source-mark source-mark--${kind}`} role="img" aria-label={name} title={name}>
      {letter}
    </span>
  );
}
