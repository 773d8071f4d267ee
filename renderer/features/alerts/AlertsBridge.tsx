import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api-context';
import { useCall } from '../../hooks/useCall';
import { ReviewDialog } from './ReviewDialog';

/**
 * Alerts in the page: in the web host a browser notification for each new low
 * review (after the user allowed them in Settings), the unanswered count in the
 * tab title, and the review opened when a notification (here or the desktop
 * shell's) is clicked.
 */
export function AlertsBridge() {
  const { t } = useTranslation();
  const api = useApi();
  const info = useCall('app.info', {});
  const unanswered = useCall('reviews.query', { status: 'unanswered', limit: 1 }, 'reviews.changed');
  const [open, setOpen] = useState<string | null>(null);
  const web = info.data?.host === 'web';

  useEffect(() => api.on('alerts.open', ({ reviewId }) => setOpen(reviewId)), [api]);

  useEffect(() => {
    if (!web) return undefined;
    return api.on('alerts.newReview', (alert) => {
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
      const n = new Notification(t('alerts.notificationTitle', { rating: alert.rating, location: alert.locationName ?? '' }), {
        body: alert.excerpt || t('alerts.noText'),
        tag: alert.reviewId,
      });
      n.onclick = () => {
        window.focus();
        setOpen(alert.reviewId);
        n.close();
      };
    });
  }, [api, web, t]);

  const count = unanswered.data?.total ?? 0;
  useEffect(() => {
    if (!web) return;
    document.title = count > 0 ? `(${count}) Kalm` : 'Kalm';
  }, [web, count]);

  return open ? <ReviewDialog reviewId={open} onClose={() => setOpen(null)} /> : null;
}
