import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/label';
import { useAnchoredPanel } from '../../hooks/useAnchoredPanel';

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
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // Fixed to the viewport: the list pane's scrolling never clips the menu.
  const place = useAnchoredPanel(open, button, list);
  return (
    <div
      className="label-menu"
      onBlur={(e) => {
        // Focus left the menu (and its button): close it.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(e) => {
        // Escape closes the menu wherever the focus is in it (its button too) and gives the focus back to the button.
        if (e.key !== 'Escape' || !open) return;
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }}
    >
      <button ref={button} type="button" className="btn btn--secondary" aria-expanded={open} aria-controls={id} disabled={disabled} onClick={() => setOpen((v) => !v)}>
        {buttonText}
      </button>
      {open && (
        <div ref={list} id={id} className="label-menu__list" style={place} role="group" aria-label={buttonText}>
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
        </div>
      )}
    </div>
  );
}
