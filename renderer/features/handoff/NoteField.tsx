import { useEffect, useId, useRef, useState } from 'react';
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
  // Moving to another review (j/k) unmounts the field without a blur: save what was typed then.
  const pending = useRef({ text, saved });
  useEffect(() => {
    pending.current = { text, saved };
  });
  useEffect(
    () => () => {
      const { text: last, saved: stored } = pending.current;
      if (last !== stored) void api.call('notes.set', { reviewId, note: last }).catch(() => undefined);
    },
    [api, reviewId],
  );
  const save = async () => {
    if (text === saved) return;
    try {
      await api.call('notes.set', { reviewId, note: text });
      setSaved(text);
      setError(null);
    } catch (err) {
      setError(toKalmError(err));
    }
  };
  return (
    <div className="handoff__field">
      <label htmlFor={id} className="setting__label">
        {t('handoff.note.label')}
      </label>
      <textarea id={id} className="setting__input" rows={2} maxLength={10_000} placeholder={t('handoff.note.placeholder')} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => void save()} />
      <InlineError error={error} />
    </div>
  );
}
