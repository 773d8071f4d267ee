import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REPLY_LANGUAGES } from '../../../shared/reply/language';
import type { ReplyLanguage } from '../../../shared/reply/lint';

/** Which language the reply is written in (defaults to the review's). */
export function ReplyLanguageSwitch({ value, onChange }: { value: ReplyLanguage; onChange: (lang: ReplyLanguage) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="reply-lang" role="radiogroup" aria-labelledby={id}>
      <span id={id} className="reply-lang__label">
        {t('composer.replyLanguage')}
      </span>
      {REPLY_LANGUAGES.map((lang) => (
        <button key={lang} type="button" role="radio" aria-checked={value === lang} className={`reply-lang__option${value === lang ? ' reply-lang__option--on' : ''}`} onClick={() => onChange(lang)}>
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
