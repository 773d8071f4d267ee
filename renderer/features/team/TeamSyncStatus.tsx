import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TeamStatusView } from '../../../shared/contract/team';
import { useCall } from '../../hooks/useCall';
import { tlsProblemOfSubcode } from '../../../shared/team/tls-problem';

/** The sync label of a team workspace ("synced", "syncing 12 changes", "offline since 10:42", "error — reason"). */
export function teamStatusLabel(s: TeamStatusView, t: TFunction, lang: string): string {
  switch (s.state) {
    case 'synced': return t('team.status.synced');
    case 'syncing': return s.pending > 0 ? t('team.status.syncing', { count: s.pending }) : t('team.status.syncingNone');
    case 'offline':
      return s.offlineSince ? t('team.status.offline', { time: new Date(s.offlineSince).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }) }) : t('team.status.offlineNow');
    case 'error': {
      const tls = tlsProblemOfSubcode(s.errorSubcode);
      return t('team.status.error', { reason: tls ? t(`team.tls.${tls}`) : (s.error ?? '') });
    }
    default: return t('team.status.stopped');
  }
}

/** The team workspace's sync state in the header; nothing for a local-only workspace. */
export function TeamSyncStatus() {
  const { t, i18n } = useTranslation();
  const status = useCall('team.status', {}, 'team.status');
  const s = status.data;
  if (!s?.enabled) return null;
  // The whole text is in the tooltip too: a narrow window may cut the badge.
  const label = teamStatusLabel(s, t, i18n.language);
  return (
    <span role="status" className={`badge team-status team-status--${s.state}`} data-testid="team-status" title={`${label}\n${t('team.status.title', { db: s.db, server: s.server, user: s.user })}`}>
      <span className="team-status__dot" aria-hidden="true" />
      <span className="team-status__label">{label}</span>
    </span>
  );
}
