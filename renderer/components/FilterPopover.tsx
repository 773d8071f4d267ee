import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useAnchoredPanel } from '../hooks/useAnchoredPanel';

interface FilterPopoverProps {
  /** What the filter is ("Location", "Label"): the button's lead text. */
  what: string;
  /** What is chosen now ("All locations", "3 chosen"). */
  summary: string;
  /** Something is chosen: the button shows it is on. */
  active: boolean;
  /** The panel's accessible name. */
  panelLabel: string;
  /** What gets the focus when the panel opens (a CSS selector inside the panel). */
  focus: string;
  /** The panel's content; `id` is a stable prefix for ids inside it. */
  children: (id: string) => ReactNode;
}

/**
 * A filter button that opens a panel below it (the inbox's location and label filters). The panel closes on
 * Escape (focus goes back to the button) and on a click outside it.
 */
export function FilterPopover({ what, summary, active, panelLabel, focus, children }: FilterPopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  // Fixed to the viewport: a narrow window or a scrolling pane never clips the panel.
  const place = useAnchoredPanel(open, button, panel);

  useEffect(() => {
    if (!open) return undefined;
    box.current?.querySelector<HTMLElement>(`.popover ${focus}`)?.focus();
    const onDown = (e: MouseEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, focus]);

  return (
    <div
      className="popover-anchor"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          box.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`select-button${active ? ' select-button--on' : ''}`}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="select-button__what">{what}</span> {summary}
      </button>
      {open && (
        <div ref={panel} id={`${id}-panel`} className="popover" style={place} role="group" aria-label={panelLabel}>
          {children(id)}
        </div>
      )}
    </div>
  );
}
