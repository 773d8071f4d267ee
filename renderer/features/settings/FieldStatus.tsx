import { useTranslation } from 'react-i18next';
import type { FieldState } from './useSettingField';

/** A field's message, right next to it: what is wrong (announced), or "Saved" once the core accepted the value. */
export function FieldStatus({ id, state }: { id: string; state: FieldState }) {
  const { t } = useTranslation();
  if (state.kind === 'invalid') {
    return (
      <p id={id} role="alert" className="inline-error setting__error">
        {state.message}
      </p>
    );
  }
  return (
    <p id={id} className="setting__saved" aria-live="polite">
      {state.kind === 'saved' ? t('settings.field.saved') : state.kind === 'saving' ? t('settings.field.saving') : ''}
    </p>
  );
}
