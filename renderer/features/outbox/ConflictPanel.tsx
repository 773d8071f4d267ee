import { useTranslation } from 'react-i18next';
import type { OutboxConflictView } from '../../../shared/outbox/outbox-view';

interface ConflictPanelProps {
  conflict: OutboxConflictView;
  /** The site the review is on ("Google", "Google Play"). */
  sourceName: string;
  busy: boolean;
  onSendAnyway: () => void;
  onEdit: () => void;
  onDiscard: () => void;
}

/** One quoted text (review or reply) as plain text; review text is untrusted and never HTML. */
function Quote({ label, text, rating }: { label: string; text: string | null; rating?: number | null }) {
  const { t } = useTranslation();
  return (
    <figure className="conflict__quote">
      <figcaption className="conflict__label">
        {label}
        {rating !== undefined && rating !== null && <span className="conflict__stars"> · {t('outbox.conflict.stars', { count: rating })}</span>}
      </figcaption>
      <blockquote className="conflict__text">{text === null || text.trim() === '' ? t('outbox.conflict.noText') : text}</blockquote>
    </figure>
  );
}

/** What stands between a reply and the source, and the owner's three ways out: send anyway, edit, discard. */
export function ConflictPanel({ conflict, sourceName, busy, onSendAnyway, onEdit, onDiscard }: ConflictPanelProps) {
  const { t } = useTranslation();
  const deleted = conflict.kind === 'deleted';
  return (
    <div className="conflict" data-conflict-kind={conflict.kind}>
      <p className="conflict__what">{t(`outbox.conflict.${conflict.kind}`, { source: sourceName })}</p>
      {conflict.kind === 'changed' && (
        <div className="conflict__compare">
          <Quote label={t('outbox.conflict.oldText')} text={conflict.oldText} rating={conflict.oldRating} />
          <Quote label={t('outbox.conflict.newText', { source: sourceName })} text={conflict.newText} rating={conflict.newRating} />
        </div>
      )}
      {conflict.kind === 'answered_elsewhere' && <Quote label={t('outbox.conflict.otherReply', { source: sourceName })} text={conflict.otherReply} />}
      <div className="conflict__actions">
        {!deleted && (
          <button type="button" className="btn btn--primary" disabled={busy} onClick={onSendAnyway}>
            {t('outbox.conflict.sendAnyway')}
          </button>
        )}
        {!deleted && (
          <button type="button" className="btn btn--secondary" disabled={busy} onClick={onEdit}>
            {t('outbox.conflict.edit')}
          </button>
        )}
        <button type="button" className="btn btn--secondary" disabled={busy} onClick={onDiscard}>
          {t('outbox.conflict.discard')}
        </button>
      </div>
    </div>
  );
}
