import type { Page } from '@playwright/test';

/**
 * What the layout test calls broken, measured in the page:
 * - the page scrolls sideways (something is wider than the window);
 * - an element sticks out of a parent that clips it (overflow hidden/clip), so part of it is cut off;
 * - text is cut off with an ellipsis or by a clipping box (scrollWidth > clientWidth) in the header,
 *   the view tabs or the composer's steps;
 * - the view tabs or the composer's steps wrap onto a second line.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element): string => {
      const cls = typeof el.className === 'string' && el.className !== '' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${cls}${text ? ` “${text}”` : ''}`;
    };
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const s = getComputedStyle(el);
      if (s.position === 'absolute' && r.width <= 1 && r.height <= 1) return false; // the visually-hidden pattern (screen readers only)
      return s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('.sr-only, [aria-hidden="true"] svg, .recharts-wrapper');
    };
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) {
      // Name the innermost elements that stick out, so the message says what to fix.
      const out = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && visible(el));
      const innermost = out.filter((el) => !out.some((o) => o !== el && el.contains(o))).slice(0, 3).map(name);
      problems.push(`the page scrolls sideways: ${doc.scrollWidth}px in a ${window.innerWidth}px window (${innermost.join('; ')})`);
    }

    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!visible(el) || el.closest('.sr-only')) continue;
      // The nearest box that clips (overflow hidden, clip or a scroller): the element must fit inside it.
      let parent = el.parentElement;
      while (parent && getComputedStyle(parent).overflowX === 'visible') parent = parent.parentElement;
      if (!parent || parent === document.body || parent === document.documentElement || !visible(parent)) continue;
      const ps = getComputedStyle(parent);
      if (ps.overflowX === 'hidden' || ps.overflowX === 'clip') {
        const r = el.getBoundingClientRect();
        const p = parent.getBoundingClientRect();
        if (r.left < p.left - 1 || r.right > p.right + 1) problems.push(`${name(el)} (${Math.round(r.width)}px) is cut off by ${name(parent)} (${Math.round(p.width)}px)`);
      }
    }

    const textBoxes = document.querySelectorAll('.topbar *, [role="tablist"] *, .composer nav *');
    for (const el of Array.from(textBoxes)) {
      // Squeezed to nothing (a flex item with no room left) is cut off too.
      const squeezed = el instanceof HTMLElement && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width < 2 && (el.textContent ?? '').trim() !== '' && visible(el.parentElement ?? el) && !(getComputedStyle(el).position === 'absolute');
      if (squeezed) problems.push(`text squeezed to nothing: ${name(el)}`);
      if (!visible(el) || !(el instanceof HTMLElement)) continue;
      const s = getComputedStyle(el);
      const clips = s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) problems.push(`text cut off: ${name(el)} shows ${el.clientWidth}px of ${el.scrollWidth}px`);
    }

    // The header's parts side by side: none may run into the next one.
    const parts = Array.from(document.querySelectorAll('.topbar > *')).filter(visible);
    for (const [i, part] of parts.entries()) {
      const next = parts[i + 1];
      if (part instanceof HTMLElement && part.scrollWidth > part.clientWidth + 1) problems.push(`the header's ${name(part)} needs ${part.scrollWidth}px but has ${part.clientWidth}px`);
      if (next && part.getBoundingClientRect().right > next.getBoundingClientRect().left + 1) problems.push(`the header's ${name(part)} runs into ${name(next)}`);
    }

    const oneLine = (selector: string, what: string) => {
      for (const group of Array.from(document.querySelectorAll(selector))) {
        const tops = new Set(Array.from(group.children).filter(visible).map((c) => Math.round(c.getBoundingClientRect().top)));
        if (tops.size > 1) problems.push(`${what} wrap onto ${tops.size} lines`);
      }
    };
    oneLine('[role="tablist"]', 'the view tabs');
    oneLine('.composer .steps', 'the composer steps');
    return problems;
  });
}
