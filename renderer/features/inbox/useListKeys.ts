import { useEffect, type RefObject } from 'react';

export type ListMove = number | 'first' | 'last';

const isEditable = (el: Element): boolean =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

/**
 * j / k move through the list from anywhere (except while typing);
 * ArrowDown / ArrowUp / Home / End while focus is in the list.
 */
export function useListKeys(listRef: RefObject<HTMLElement | null>, onMove: (to: ListMove) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target && isEditable(target)) return;
      const inList = target !== null && listRef.current?.contains(target) === true;
      let to: ListMove | null = null;
      if (event.key === 'j' || (inList && event.key === 'ArrowDown')) to = 1;
      else if (event.key === 'k' || (inList && event.key === 'ArrowUp')) to = -1;
      else if (inList && event.key === 'Home') to = 'first';
      else if (inList && event.key === 'End') to = 'last';
      if (to === null) return;
      event.preventDefault();
      onMove(to);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listRef, onMove]);
}

/** Focuses the row for `id` inside the list (focus also scrolls it into view). */
export function focusRow(list: HTMLElement | null, id: string): void {
  const rows = list?.querySelectorAll<HTMLElement>('[role="option"]') ?? [];
  for (const row of rows) {
    if (row.dataset.reviewId === id) {
      row.focus();
      return;
    }
  }
}
