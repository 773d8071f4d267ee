import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';
import { InlineError } from '../labels/InlineError';

/** The private note of a review: for the team only, saved when the field is left. */
export function NoteField({ reviewId, note }: { reviewId: string; note: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [text, setText] = useState(note ?? '');
  const [saved, setSaved] = useState(note ?? '');
  const [error, setError] = useState<KalmError | null>(null);
  const save = async () => {
    if (text === saved) return;
    try {
      await api.call('reviews.setNote', { reviewId, note: text });
      setSaved(text);
      setError(null);
    } catch (err) {
      setError(toKalmError(err));
    }
  };
  return (
    <div className="handoff__field">
      <label htmlFor={id} className="setting__label">
        {t('habits.note.label')}
      </label>
      <textarea id={id} className="setting__input" rows={2} maxLength={10_000} placeholder={t('habits.note.placeholder')} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => void save()} />
      <InlineError error={error} />
    </div>
  );
}
