import { useEffect } from 'react';
import { useApi } from '../../api-context';

/**
 * When the computer's connection comes back, replies that wait for it (queued with a reason) are tried
 * at once instead of at their next scheduled try. Failed replies keep their backoff.
 */
export function useRetryWhenOnline(): void {
  const api = useApi();
  useEffect(() => {
    const onOnline = () => {
      api.call('outbox.list', {}).then(
        ({ items }) => {
          for (const item of items) {
            if (item.state === 'queued' && item.lastError !== null) api.call('outbox.retry', { id: item.id }).catch(() => undefined);
          }
        },
        () => undefined,
      );
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [api]);
}
