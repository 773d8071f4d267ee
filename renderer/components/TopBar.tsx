import { useTranslation } from 'react-i18next';
import type { CallState } from '../hooks/useCall';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav, type View } from './MainNav';
import { UpdateButton } from './UpdateButton';
import { Wordmark } from './Wordmark';
import { TeamSyncStatus } from '../features/team/TeamSyncStatus';

interface TopBarProps {
  workspace: CallState<'workspace.get'>;
}

interface Props extends TopBarProps {
  view: View;
  onView: (v: View) => void;
}

/** Wordmark, which business this is, "Restart to update" when an update is ready, and the language switch. */
export function TopBar({ workspace, view, onView }: Props) {
  return (
    <header className="topbar">
      <Wordmark />
      <WorkspaceInfo workspace={workspace} />
      <TeamSyncStatus />
      <MainNav view={view} onChange={onView} />
      <UpdateButton />
      <LanguageSwitch />
    </header>
  );
}

function WorkspaceInfo({ workspace }: TopBarProps) {
  const { t } = useTranslation();
  if (workspace.status !== 'ready') {
    return <div className="workspace workspace--muted">{workspace.status === 'loading' ? t('workspace.loading') : null}</div>;
  }
  const { locations, sources, demo } = workspace.data;
  const first = locations[0];
  const title = locations.length === 1 && first ? first.name : locations.length > 1 ? t('workspace.locations', { count: locations.length }) : t('workspace.empty');
  const sourceNames = [...new Set(sources.map((s) => s.name))].join(', ');
  return (
    <div className="workspace" title={locations.map((l) => l.name).join('\n')}>
      <span className="workspace__name">{title}</span>
      {sourceNames !== '' && <span className="workspace__sources">{sourceNames}</span>}
      {demo && (
        <span className="badge badge--demo" title={t('workspace.demoTitle')}>
          {t('workspace.demo')}
        </span>
      )}
    </div>
  );
}
