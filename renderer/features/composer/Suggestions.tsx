import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../shared/reply/phrases';

interface SuggestionsProps {
  suggestions: readonly Suggestion[];
  disabled: boolean;
  onInsert: (s: Suggestion) => void;
}

/** Phrase suggestions for the current step; each inserts at the cursor (Alt+1–3 from the editor). */
export function Suggestions({ suggestions, disabled, onInsert }: SuggestionsProps) {
  const { t } = useTranslation();
  if (suggestions.length === 0) return <p className="composer__muted">{t('composer.noSuggestions')}</p>;
  return (
    <ul className="suggestions" aria-label={t('composer.suggestions')}>
      {suggestions.map((s, i) => (
        <li key={s.id}>
          <button
            type="button"
            className="suggestion"
            disabled={disabled}
            aria-label={t('composer.insert', { n: i + 1, text: s.text })}
            onMouseDown={(e) => e.preventDefault() /* keep the cursor in the editor */}
            onClick={() => onInsert(s)}
          >
            <kbd className="suggestion__key" aria-hidden="true">
              {i + 1}
            </kbd>
            <span className="suggestion__text">{s.text}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
