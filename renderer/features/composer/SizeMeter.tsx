import { useTranslation } from 'react-i18next';

interface SizeMeterProps {
  id: string;
  size: number;
  /** null: the site documents no maximum; only the size is shown. */
  limit: number | null;
  unit: 'bytes' | 'characters';
}

/** Share of the limit from which the counter turns amber. */
export const NEAR_LIMIT = 0.9;

/** The reply's size against the source's limit: amber near it, red over it. */
export function SizeMeter({ id, size, limit, unit }: SizeMeterProps) {
  const { t } = useTranslation();
  if (limit === null) {
    return (
      <span id={id} className="size size--ok" data-level="ok" title={t('sources.limits.noLimit')}>
        {t('sources.limits.sizeOnly', { size, unit: t(`reply.unit.${unit}`) })}
      </span>
    );
  }
  const level = size > limit ? 'over' : size >= limit * NEAR_LIMIT ? 'near' : 'ok';
  return (
    <span id={id} className={`size size--${level}`} data-level={level}>
      {t('reply.size', { size, limit, unit: t(`reply.unit.${unit}`) })}
      {level !== 'ok' && <span className="size__note"> · {t(`composer.size.${level}`)}</span>}
    </span>
  );
}
