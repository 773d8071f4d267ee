import { useId, useState } from 'react';

export interface TextSettingProps {
  label: string;
  hint?: string;
  value: string;
  /** Saves the new value; called on blur or Enter when it changed. */
  onSave: (value: string) => Promise<boolean>;
  placeholder?: string;
  multiline?: boolean;
  maxLength?: number;
}

/** One labelled text setting that saves when the user leaves the field (or presses Enter). */
export function TextSetting({ label, hint, value, onSave, placeholder, multiline = false, maxLength }: TextSettingProps) {
  const id = useId();
  const hintId = useId();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The saved value changed (saved here or in another window): show it.
    setShown(value);
    setDraft(value);
  }
  const commit = (): void => {
    if (draft !== value) void onSave(draft);
  };
  const common = {
    id,
    className: 'setting__input',
    value: draft,
    placeholder,
    maxLength,
    'aria-describedby': hint ? hintId : undefined,
    onBlur: commit,
  };
  return (
    <div className="setting">
      <label className="setting__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
      )}
      {hint && (
        <p id={hintId} className="setting__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
