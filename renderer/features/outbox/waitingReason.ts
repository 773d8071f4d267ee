import type { TFunction } from 'i18next';
import type { OutboxWaitingFor } from '../../../shared/domain/outbox';

/**
 * Why a queued reply waits, in the owner's language when Kalm knows the reason (`waitingFor`), else the
 * publisher's own words (`lastError`, e.g. a source's error message).
 */
export function waitingReason(t: TFunction, lastError: string, waitingFor: OutboxWaitingFor | undefined): string {
  if (waitingFor === undefined) return lastError;
  return waitingFor.kind === 'team-offline' ? t('outbox.waitingFor.teamOffline') : t('outbox.waitingFor.teamMember', { member: waitingFor.member });
}
