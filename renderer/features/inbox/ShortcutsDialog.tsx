import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type Shortcut = 'next' | 'previous' | 'answer' | 'search' | 'check' | 'done' | 'clear' | 'help';

const KEYS: readonly [keys: string[], what: Shortcut][] = [
  [['j', '↓'], 'next'],
  [['k', '↑'], 'previous'],
  [['Enter', 'r'], 'answer'],
  [['/'], 'search'],
  [['x', 'Space'], 'check'],
  [['e'], 'done'],
  [['Esc'], 'clear'],
  [['?'], 'help'],
];

/** The keyboard shortcuts, in a modal dialog (Escape or the button closes it; focus returns where it was). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    dialog?.querySelector<HTMLElement>('button')?.focus();
    return () => before?.focus();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose} onCancel={(e) => (e.preventDefault(), onClose())}>
      <h2 id="shortcuts-title" className="dialog__title">
        {t('inbox.keys.title')}
      </h2>
      <dl className="keys">
        {KEYS.map(([keys, what]) => (
          <div key={what} className="keys__row">
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && <span className="keys__or"> {t('inbox.keys.or')} </span>}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`inbox.keys.${what}`)}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="btn btn--primary"
        onClick={onClose}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        {t('inbox.keys.close')}
      </button>
    </dialog>
  );
}
