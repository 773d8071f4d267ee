import type { ComposerStep } from '../../../shared/reply/steps';

/**
 * Inserts a phrase at the cursor with sensible spacing: a blank line before the sign-off, a space
 * between sentences, nothing at the very start. Returns the new text and where the cursor goes.
 */
export function insertPhrase(text: string, selStart: number, selEnd: number, phrase: string, step: ComposerStep): { text: string; cursor: number } {
  const before = text.slice(0, selStart);
  const after = text.slice(selEnd);
  let lead = '';
  if (before.trim() !== '') {
    const wanted = step === 'close' ? '\n\n' : step === 'thank' ? '\n\n' : ' ';
    if (wanted === ' ' && !/\s$/u.test(before)) lead = ' ';
    else if (wanted === '\n\n') lead = before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  }
  const base = withLead(before, lead);
  const trail = after !== '' && !/^\s/u.test(after) ? ' ' : '';
  const next = base + phrase + trail + after;
  return { text: next, cursor: base.length + phrase.length };
}

/** Before a blank-line insertion, trailing spaces on the line are dropped. */
const withLead = (before: string, lead: string): string => (lead.startsWith('\n') ? before.replace(/[ \t]+$/u, '') : before) + lead;
