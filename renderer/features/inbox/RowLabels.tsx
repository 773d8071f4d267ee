import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/label';

/** Label chips shown on a row at most; the rest is counted ("+2"). */
const MAX_SHOWN = 3;

/** A review's labels as small chips with their colours (plain text), looked up in the labels by id. */
export const RowLabels = memo(function RowLabels({ ids, labels }: { ids: readonly string[]; labels: ReadonlyMap<string, Label> }) {
  const { t } = useTranslation();
  if (ids.length === 0) return null;
  const shown = ids.slice(0, MAX_SHOWN);
  const more = ids.length - shown.length;
  return (
    <span className="row__labels">
      {shown.map((id) => {
        const label = labels.get(id);
        return (
          <span key={id} className="row-label" title={label?.name ?? id}>
            <span className="row-label__dot" style={label ? { background: label.color } : undefined} />
            {label?.name ?? id}
          </span>
        );
      })}
      {more > 0 && (
        <>
          <span className="row-label row-label--more" aria-hidden="true">
            +{more}
          </span>
          <span className="sr-only">{t('inbox.labels.more', { names: ids.slice(MAX_SHOWN).map((id) => labels.get(id)?.name ?? id).join(', ') })}</span>
        </>
      )}
    </span>
  );
});
