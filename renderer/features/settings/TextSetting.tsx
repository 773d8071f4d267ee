import { useId, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import { FieldStatus } from './FieldStatus';
import { useSettingField } from './useSettingField';

export interface TextSettingProps {
  label: string;
  hint?: string;
  /** The saved value. */
  value: string;
  /** The settings the change is checked against (the core's schema, as a whole). */
  settings: Settings;
  /** The change to save for a new value; saved on blur or Enter when it changed. */
  toPatch: (value: string) => SettingsPatch;
  placeholder?: string;
  multiline?: boolean;
}

/**
 * One labelled text setting that saves when the user leaves the field (or presses Enter). A value the core
 * refuses keeps its text for correcting, with the message right next to it, and is never shown as saved.
 */
export function TextSetting({ label, hint, value, settings, toPatch, placeholder, multiline = false }: TextSettingProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const field = useSettingField(settings);
  if (shown !== value) {
    // The saved value changed (saved here or in another window): show it.
    setShown(value);
    setDraft(value);
  }
  const commit = (): void => {
    if (draft !== value) void field.commit(toPatch(draft));
  };
  const common = {
    id,
    className: 'setting__input',
    value: draft,
    placeholder,
    'aria-invalid': field.state.kind === 'invalid',
    'aria-describedby': hint ? `${id}-status ${id}-hint` : `${id}-status`,
    onBlur: commit,
  };
  const change = (text: string): void => {
    setDraft(text);
    field.clear();
  };
  return (
    <div className="setting">
      <label className="setting__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
      <FieldStatus id={`${id}-status`} state={field.state} />
      {hint && (
        <p id={`${id}-hint`} className="setting__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
