import './i18n';
import type { KalmApi } from '../shared/contract';
import { api as defaultApi } from './api';
import { ApiContext } from './api-context';
import { useState } from 'react';
import type { View } from './components/MainNav';
import { StoreProblems } from './components/StoreProblems';
import { SourcesPage } from './features/sources/SourcesPage';
import { TopBar } from './components/TopBar';
import { AlertsBridge } from './features/alerts/AlertsBridge';
import { InboxPage } from './features/inbox/InboxPage';
import { OutboxPage } from './features/outbox/OutboxPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { useCall } from './hooks/useCall';

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
  const [view, setView] = useState<View>('inbox');
  return (
    <div className="app">
      <TopBar workspace={workspace} view={view} onView={setView} />
      <StoreProblems />
      <main className="app__main">
        {view === 'inbox' && <InboxPage workspace={workspace} />}
        {view === 'outbox' && <OutboxPage />}
        {view === 'sources' && <SourcesPage />}
        {view === 'settings' && <SettingsPage />}
      </main>
      <AlertsBridge />
    </div>
  );
}
