import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayPlaceholder, formatDay, parseDay } from './date-format';

interface DateFieldProps {
  /** YYYY-MM-DD or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  label: string;
  locale: string;
  min?: string | null;
  max?: string | null;
}

const canPick = typeof HTMLInputElement !== 'undefined' && 'showPicker' in HTMLInputElement.prototype;

/**
 * A day typed in the UI language's order (the browser's own date field follows the browser's language,
 * not Kalm's). Applied on Enter or leaving the field; a day it cannot read keeps the text and says how
 * to write it. A calendar button opens the browser's date picker.
 */
export function DateField({ value, onChange, label, locale, min, max }: DateFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const shown = value === null ? '' : formatDay(value, locale);
  const [text, setText] = useState(shown);
  const [prop, setProp] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  // The value changed from outside (the address, "clear filters", another language): show that.
  if (shown !== prop) {
    setProp(shown);
    setText(shown);
    setInvalid(false);
  }
  const placeholder = dayPlaceholder(locale, { day: t('inbox.date.dd'), month: t('inbox.date.mm'), year: t('inbox.date.yyyy') });
  const apply = (): void => {
    if (text.trim() === '') {
      setInvalid(false);
      if (value !== null) onChange(null);
      return;
    }
    const day = parseDay(text, locale);
    setInvalid(day === null);
    if (day !== null && day !== value) onChange(day);
    else if (day !== null) setText(shown);
  };
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        className="input date-field__text"
        aria-label={label}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        placeholder={placeholder}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          }
        }}
      />
      {canPick && (
        <>
          <button type="button" className="date-field__pick" aria-label={t('inbox.date.pick', { field: label })} title={t('inbox.date.pick', { field: label })} onClick={() => picker.current?.showPicker()}>
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5">
              <rect x="2" y="3" width="12" height="11" rx="1.5" />
              <path d="M2 6.5h12M5 1.5v3M11 1.5v3" />
            </svg>
          </button>
          <input
            ref={picker}
            type="date"
            className="date-field__native"
            tabIndex={-1}
            aria-hidden="true"
            value={value ?? ''}
            min={min ?? undefined}
            max={max ?? undefined}
            onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
          />
        </>
      )}
      {invalid && (
        <span id={`${id}-error`} className="date-field__error" role="alert">
          {t('inbox.date.invalid', { example: placeholder })}
        </span>
      )}
    </span>
  );
}
