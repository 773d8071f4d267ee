import './i18n';
import type { KalmApi } from '../shared/contract';
import { api as defaultApi } from './api';
import { ApiContext } from './api-context';
import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { isView, type View } from './components/MainNav';
import { StoreProblems } from './components/StoreProblems';
import { Toasts } from './components/Toasts';
import { SourcesPage } from './features/sources/SourcesPage';
import { TopBar } from './components/TopBar';
import { AlertsBridge } from './features/alerts/AlertsBridge';
import { InboxPage } from './features/inbox/InboxPage';
import { OutboxPage } from './features/outbox/OutboxPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { useCall } from './hooks/useCall';
import { useHashRoute } from './hooks/useHashRoute';
import { useStoredLanguage } from './hooks/useStoredLanguage';
import { DEFAULT_FILTERS, type InboxFilters } from './lib/route';

/** The dashboard (and its chart library) loads when first opened, so the inbox starts as quickly as before. */
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));

export interface AppProps {
  /** Defaults to the real api (Electron preload or web host); tests pass an in-memory one. */
  api?: KalmApi;
}

export function App({ api = defaultApi }: AppProps) {
  return (
    <ApiContext value={api}>
      <Shell />
    </ApiContext>
  );
}

function Shell() {
  const workspace = useCall('workspace.get', {}, 'reviews.changed');
  useStoredLanguage();
  const { route, navigate } = useHashRoute();
  // The view follows the address (`#/outbox`, `#/inbox?location=…`); an unknown one shows the inbox.
  const view: View = isView(route.view) ? route.view : 'inbox';
  // Back to the inbox from another view keeps the filters it had.
  const lastFilters = useRef<InboxFilters>(DEFAULT_FILTERS);
  useEffect(() => {
    if (route.view === 'inbox') lastFilters.current = route.inbox;
  }, [route]);
  const onView = useCallback((v: View) => navigate({ view: v, inbox: lastFilters.current }), [navigate]);
  const onFilters = useCallback((inbox: InboxFilters, opts?: { replace?: boolean }) => navigate({ view: 'inbox', inbox }, opts), [navigate]);
  return (
    <div className="app">
      <TopBar workspace={workspace} view={view} onView={onView} />
      <StoreProblems />
      <main className="app__main">
        {view === 'inbox' && <InboxPage workspace={workspace} filters={route.inbox} onFilters={onFilters} onView={onView} />}
        {view === 'outbox' && <OutboxPage />}
        {view === 'sources' && <SourcesPage />}
        {view === 'settings' && <SettingsPage />}
        {view === 'dashboard' && (
          <Suspense fallback={null}>
            <DashboardPage />
          </Suspense>
        )}
      </main>
      <Toasts />
      <AlertsBridge />
    </div>
  );
}
