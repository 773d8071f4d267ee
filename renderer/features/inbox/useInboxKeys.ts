import { useEffect, useRef, type RefObject } from 'react';

export type ListMove = number | 'first' | 'last';

export interface InboxKeyActions {
  move(to: ListMove): void;
  answer(): void;
  search(): void;
  toggleCheck(): void;
  clearChecks(): boolean;
  markDone(): void;
  shortcuts(): void;
}

const isEditable = (el: Element): boolean =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

/** Rows PageUp / PageDown move. */
const PAGE_ROWS = 8;

/**
 * The inbox's keys. From anywhere (except while typing or in a dialog): j / k
 * move, r answers, / searches, x checks, e marks done, ? lists the keys.
 * In the list also: arrows, Home / End, PageUp / PageDown, Enter answers,
 * Space checks, Escape clears the checks.
 */
export function useInboxKeys(listRef: RefObject<HTMLElement | null>, actions: InboxKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target && (isEditable(target) || target.closest('dialog, [role="dialog"]') !== null)) return;
      const inList = target !== null && listRef.current?.contains(target) === true;
      const a = latest.current;
      const run = (fn: () => void): void => {
        event.preventDefault();
        fn();
      };
      switch (event.key) {
        case 'j':
          return run(() => a.move(1));
        case 'k':
          return run(() => a.move(-1));
        case 'r':
          return run(a.answer);
        case '/':
          return run(a.search);
        case 'x':
          return run(a.toggleCheck);
        case 'e':
          return run(a.markDone);
        case '?':
          return run(a.shortcuts);
      }
      if (!inList) return;
      switch (event.key) {
        case 'ArrowDown':
          return run(() => a.move(1));
        case 'ArrowUp':
          return run(() => a.move(-1));
        case 'PageDown':
          return run(() => a.move(PAGE_ROWS));
        case 'PageUp':
          return run(() => a.move(-PAGE_ROWS));
        case 'Home':
          return run(() => a.move('first'));
        case 'End':
          return run(() => a.move('last'));
        case 'Enter':
          return run(a.answer);
        case ' ':
          return run(a.toggleCheck);
        case 'Escape':
          if (a.clearChecks()) event.preventDefault();
          return;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listRef]);
}
