import { useTranslation } from 'react-i18next';

export const CHECKLIST = ['facts', 'checked', 'customer'] as const;
export type ChecklistItem = (typeof CHECKLIST)[number];

interface ChecklistProps {
  ticked: ReadonlySet<ChecklistItem>;
  required: boolean;
  onToggle: (item: ChecklistItem) => void;
}

/** The one-minute checklist before publishing (skippable for 4–5★). */
export function Checklist({ ticked, required, onToggle }: ChecklistProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="checklist">
      <legend className="checklist__title">{t('composer.checklist.title')}</legend>
      {CHECKLIST.map((item) => (
        <label key={item} className="checklist__item">
          <input type="checkbox" checked={ticked.has(item)} onChange={() => onToggle(item)} />
          {t(`composer.checklist.${item}`)}
        </label>
      ))}
      {(!required || ticked.size < CHECKLIST.length) && <p className="composer__muted">{required ? t('composer.checklist.todo') : t('composer.checklist.optional')}</p>}
    </fieldset>
  );
}
