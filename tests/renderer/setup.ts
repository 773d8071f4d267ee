import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../../renderer/i18n';

beforeEach(async () => {
  localStorage.clear();
  // The app keeps its view and inbox filters in the address: every test starts at the plain inbox.
  window.history.replaceState(null, '', '/');
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
