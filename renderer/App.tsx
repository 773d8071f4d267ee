import './i18n';
import type { KalmApi } from '../shared/contract';
import { api as defaultApi } from './api';
import { ApiContext } from './api-context';
import { StoreProblems } from './components/StoreProblems';
import { TopBar } from './components/TopBar';
import { InboxPage } from './features/inbox/InboxPage';
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
  return (
    <div className="app">
      <TopBar workspace={workspace} />
      <StoreProblems />
      <main className="app__main">
        <InboxPage workspace={workspace} />
      </main>
    </div>
  );
}
