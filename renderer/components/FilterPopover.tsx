import type { ReactNode } from 'react';
import { Popover } from './Popover';

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

/** A filter button that opens a panel below it (the inbox's location and label filters): the app's Popover, dressed as a filter. */
export function FilterPopover({ what, summary, active, panelLabel, focus, children }: FilterPopoverProps) {
  return (
    <Popover
      className="popover-anchor"
      buttonClassName={`select-button${active ? ' select-button--on' : ''}`}
      button={
        <>
          <span className="select-button__what">{what}</span> {summary}
        </>
      }
      panelClassName="popover"
      panelLabel={panelLabel}
      focus={focus}
    >
      {children}
    </Popover>
  );
}
