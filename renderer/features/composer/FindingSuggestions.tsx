import { useTranslation } from 'react-i18next';
import './calm-suggestions.css';

interface FindingSuggestionsProps {
  /** The text the finding marks (what a suggestion replaces). */
  found: string;
  suggestions: readonly string[];
  disabled: boolean;
  onApply: (suggestion: string) => void;
}

const excerpt = (s: string): string => (s.length > 40 ? `${s.slice(0, 40).trim()}…` : s.trim());

/** A finding's calm rewrites: each shown in full with one button that puts it in the reply ("" removes the text). */
export function FindingSuggestions({ found, suggestions, disabled, onApply }: FindingSuggestionsProps) {
  const { t } = useTranslation();
  return (
    <div className="lint__suggestions">
      <span className="lint__suggestions-title">{t('composer.calmCheck.suggestion')}</span>
      <ul className="lint__suggestion-list">
        {suggestions.map((s) => (
          <li key={s} className="lint__suggestion">
            {s === '' ? (
              <button type="button" className="btn btn--secondary lint__apply" disabled={disabled} aria-label={t('composer.calmCheck.removeLabel', { found: excerpt(found) })} onClick={() => onApply(s)}>
                {t('composer.calmCheck.remove')}
              </button>
            ) : (
              <>
                <q className="lint__suggestion-text">{s.trim()}</q>{' '}
                <button type="button" className="btn btn--secondary lint__apply" disabled={disabled} aria-label={t('composer.calmCheck.applyLabel', { found: excerpt(found), text: s.trim() })} onClick={() => onApply(s)}>
                  {t('composer.calmCheck.apply')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
