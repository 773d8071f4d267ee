import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/label';
import { Popover } from '../../components/Popover';

interface LabelMenuProps {
  labels: readonly Label[];
  /** Per label id: every target has it (true), none (false), some (null). */
  state: (labelId: string) => boolean | null;
  onToggle: (labelId: string, add: boolean) => void;
  buttonText: string;
  disabled?: boolean;
}

/** A button that opens a list of labels with check boxes (add/remove on one or many reviews). */
export function LabelMenu({ labels, state, onToggle, buttonText, disabled }: LabelMenuProps) {
  const { t } = useTranslation();
  return (
    <Popover className="label-menu" buttonClassName="btn btn--secondary" button={buttonText} disabled={disabled} panelClassName="label-menu__list" panelLabel={buttonText}>
      {() => (
        <>
          {labels.length === 0 && <p className="muted">{t('labels.noneYet')}</p>}
          {labels.map((l) => {
            const has = state(l.id);
            return (
              <label key={l.id} className="label-menu__item">
                <input
                  type="checkbox"
                  checked={has === true}
                  ref={(el) => {
                    if (el) el.indeterminate = has === null;
                  }}
                  onChange={() => onToggle(l.id, has !== true)}
                />
                <span className="label-chip__dot" style={{ background: l.color }} aria-hidden="true" />
                {l.name}
              </label>
            );
          })}
        </>
      )}
    </Popover>
  );
}
