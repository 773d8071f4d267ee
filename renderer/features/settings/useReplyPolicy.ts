import { useMemo } from 'react';
import { replyPolicy, type ReplyPolicy } from '../../../shared/reviews/reply-targets';
import { useCall } from '../../hooks/useCall';

/**
 * The owner's reply targets and business hours (Settings) as one memoised
 * policy object, fresh after `settings.changed`; undefined while loading
 * (callers then use the default targets in plain hours).
 */
export function useReplyPolicy(): ReplyPolicy | undefined {
  const settings = useCall('settings.get', {}, 'settings.changed').data;
  return useMemo(() => (settings ? replyPolicy(settings) : undefined), [settings]);
}
