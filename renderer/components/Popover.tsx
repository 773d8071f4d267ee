import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useAnchoredPanel } from '../hooks/useAnchoredPanel';

interface PopoverProps {
  /** The button's content. */
  button: ReactNode;
  buttonClassName: string;
  disabled?: boolean;
  /** The panel's class, its accessible name and its role ("group" for a set of choices, "region" for a tool). */
  panelClassName: string;
  panelLabel: string;
  panelRole?: 'group' | 'region';
  /** What gets the focus when the panel opens (a CSS selector inside the panel); without it the focus stays on the button. */
  focus?: string;
  /** The class of the box around button and panel. */
  className?: string;
  /** The panel's content; `id` is a stable prefix for ids inside it. */
  children: (id: string) => ReactNode;
}

/**
 * The app's one disclosure: a button that opens a panel anchored to it (the inbox's filters, the label menus, the
 * composer's templates). The panel is fixed to the window next to the button, so no scrolling pane clips it
 * (useAnchoredPanel); it closes on Escape anywhere in it (the focus goes back to the button), on a click outside
 * it and on the button again.
 */
export function Popover({ button, buttonClassName, disabled, panelClassName, panelLabel, panelRole = 'group', focus, className, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const place = useAnchoredPanel(open, toggle, panel);

  useEffect(() => {
    if (!open) return undefined;
    if (focus !== undefined) panel.current?.querySelector<HTMLElement>(focus)?.focus();
    const onDown = (e: MouseEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, focus]);

  return (
    <div
      className={className}
      ref={box}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button ref={toggle} type="button" className={buttonClassName} aria-expanded={open} aria-controls={`${id}-panel`} disabled={disabled} onClick={() => setOpen((v) => !v)}>
        {button}
      </button>
      {open && (
        <div ref={panel} id={`${id}-panel`} className={panelClassName} style={place} role={panelRole} aria-label={panelLabel}>
          {children(id)}
        </div>
      )}
    </div>
  );
}
