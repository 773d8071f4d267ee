import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';

const GAP = 4;
const MARGIN = 8;

/** Where a panel of `size` goes next to `anchor` inside a `viewport`: below (or above when there is more room), kept on screen. */
export function placePanel(
  anchor: { top: number; bottom: number; left: number; right: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number; maxHeight: number } {
  const below = viewport.height - anchor.bottom - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const down = size.height <= below || below >= above;
  const maxHeight = Math.max(120, down ? below : above);
  const height = Math.min(size.height, maxHeight);
  const top = down ? anchor.bottom + GAP : anchor.top - GAP - height;
  const left = Math.max(MARGIN, Math.min(anchor.left, viewport.width - MARGIN - size.width));
  return { top, left, maxHeight };
}

/**
 * A panel (menu, popover) placed with `position: fixed` next to its anchor, so a scrolling or
 * overflow-hidden pane around it can never clip it; it follows the anchor on scroll and resize.
 */
export function useAnchoredPanel(open: boolean, anchor: RefObject<HTMLElement | null>, panel: RefObject<HTMLElement | null>): CSSProperties {
  const [style, setStyle] = useState<CSSProperties>({ position: 'fixed', visibility: 'hidden' });
  useLayoutEffect(() => {
    if (!open) return undefined;
    const place = () => {
      const a = anchor.current?.getBoundingClientRect();
      const p = panel.current;
      if (!a || !p) return;
      const { top, left, maxHeight } = placePanel(a, { width: p.offsetWidth, height: p.scrollHeight }, { width: window.innerWidth, height: window.innerHeight });
      setStyle({ position: 'fixed', top, left, maxHeight, overflowY: 'auto' });
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open, anchor, panel]);
  return style;
}
