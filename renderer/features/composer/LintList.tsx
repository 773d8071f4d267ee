import { useTranslation } from 'react-i18next';
import type { LintFinding } from '../../../shared/reply/lint';
import type { UiKeyUnder } from '../../../shared/locales/keys';
import { FindingSuggestions } from './FindingSuggestions';

interface LintListProps {
  id: string;
  text: string;
  findings: readonly LintFinding[];
  onShow: (f: LintFinding) => void;
  /** Replaces the finding's text with one of its calm rewrites. */
  onApply: (f: LintFinding, suggestion: string) => void;
  disabled?: boolean;
}

/** The calm check's findings as messages in the UI language, strongest first, each with its calm rewrites. */
export function LintList({ id, text, findings, onShow, onApply, disabled = false }: LintListProps) {
  const { t } = useTranslation();
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity] || a.start - b.start);
  return (
    <section id={id} className="lint" aria-live="polite">
      <h3 className="lint__title">{findings.length === 0 ? t('composer.calmCheck.clear') : t('composer.calmCheck.count', { count: findings.length })}</h3>
      {sorted.length > 0 && (
        <ul className="lint__list">
          {sorted.map((f) => (
            <li key={`${f.rule}-${f.start}-${f.end}-${f.key}`} className={`lint__item lint__item--${f.severity}`} data-rule={f.rule}>
              <span className={`lint__badge lint__badge--${f.severity}`}>{t(`composer.calmCheck.severity.${f.severity}`)}</span>
              <span className="lint__message">
                {/* A finding's key comes from the rule that found it (a string in the contract); tests/unit/lint-rules checks each has a message. */}
                {t(`composer.lint.${f.key}` as UiKeyUnder<'composer.lint'>, { ...f.params })}
                {f.end > f.start && f.rule !== 'length' && f.rule !== 'limit' && (
                  <>
                    {' '}
                    <button type="button" className="lint__show" onClick={() => onShow(f)} title={t('composer.calmCheck.show')}>
                      “{text.slice(f.start, Math.min(f.end, f.start + 40)).trim()}
                      {f.end - f.start > 40 ? '…' : ''}”
                    </button>
                  </>
                )}
              </span>
              {(f.suggestions ?? []).length > 0 && (
                <FindingSuggestions found={text.slice(f.start, f.end)} suggestions={f.suggestions ?? []} disabled={disabled} onApply={(s) => onApply(f, s)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
