import { useTranslation } from 'react-i18next';
import type { ComposerStep } from '../../../shared/reply/steps';

interface StepNavProps {
  steps: readonly ComposerStep[];
  current: number;
  onSelect: (index: number) => void;
}

/** The steps as a row of small buttons; any step can be opened (steps are a guide, not a gate). */
export function StepNav({ steps, current, onSelect }: StepNavProps) {
  const { t } = useTranslation();
  return (
    <nav className="steps-nav" aria-label={t('composer.stepsLabel')}>
      <ol className="steps">
        {steps.map((step, i) => (
          <li key={step}>
            <button
              type="button"
              className={`steps__step${i === current ? ' steps__step--current' : ''}${i < current ? ' steps__step--done' : ''}`}
              aria-current={i === current ? 'step' : undefined}
              title={t(`composer.step.${step}`)}
              onClick={() => onSelect(i)}
            >
              <span className="steps__n" aria-hidden="true">
                {i + 1}
              </span>
              <span className="steps__label collapsible-label">{t(`composer.step.${step}`)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
