import { render, screen, within } from '@testing-library/react';
import { App } from '../../renderer/App';
import { createFakeApi, type FakeApi } from './fake-api';
import { inboxReviews, locations } from './fixtures';

/** Renders the app against an in-memory api and waits for the inbox rows. */
export async function renderInbox(fake: FakeApi = createFakeApi({ reviews: inboxReviews, locations })) {
  const view = render(<App api={fake.api} />);
  await within(await screen.findByRole('listbox')).findAllByRole('option');
  // The detail pane follows the selection a render behind the list (a deferred value).
  await screen.findByRole('article');
  return { ...view, fake };
}

export const rows = (): HTMLElement[] => within(screen.getByRole('listbox')).getAllByRole('option');
export const rowIds = (): string[] => rows().map((r) => r.dataset.reviewId ?? '');
export const selectedRow = (): HTMLElement | undefined => rows().find((r) => r.getAttribute('aria-selected') === 'true');
export const detail = (): HTMLElement => screen.getByRole('article');

/** The value, or a test failure when it is missing (instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

export const rowAt = (index: number): HTMLElement => must(rows().at(index), `row ${index}`);
export const active = (): Element => must(document.activeElement, 'a focused element');
