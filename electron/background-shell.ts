import type { App, Net, Notification as ElectronNotification, NotificationConstructorOptions, PowerMonitor } from 'electron';
import type { KalmCore } from './core/create-kalm';
import { notificationBody } from './notification-text';

export interface BackgroundShellDeps {
  kalm: KalmCore;
  app: Pick<App, 'setBadgeCount' | 'setLoginItemSettings'>;
  Notification: { new (options: NotificationConstructorOptions): Pick<ElectronNotification, 'on' | 'show'>; isSupported(): boolean };
  net: Pick<Net, 'isOnline'>;
  powerMonitor: Pick<PowerMonitor, 'on'>;
  /** Brings the main window to the front. */
  showWindow: () => void;
  /** For tests: the platform whose notification rules apply (default process.platform). */
  platform?: NodeJS.Platform;
}

const stars = (n: number) => '★'.repeat(n);

/**
 * What the desktop app does while it runs in the background: a notification for each new low
 * review (click → the window shows that review), the unanswered count on the
 * app badge, start at login from Settings, and background sync that pauses
 * while offline or on battery saver and resumes when the machine wakes, is
 * plugged in or comes back online.
 */
export function wireBackgroundShell(deps: BackgroundShellDeps): () => void {
  const { kalm, app } = deps;
  const offs: (() => void)[] = [];

  offs.push(
    kalm.on('alerts.newReview', (alert) => {
      if (!deps.Notification.isSupported()) return;
      const n = new deps.Notification({
        title: `${stars(alert.rating)} ${alert.locationName ?? 'Kalm'}`,
        // Reviewer text: Linux notification servers would read markup in it.
        body: notificationBody([alert.author, alert.excerpt].filter((s) => s !== '').join(': ') || 'Kalm', deps.platform),
      });
      n.on('click', () => {
        deps.showWindow();
        kalm.openReview(alert.reviewId);
      });
      n.show();
    }),
  );

  const badge = async () => {
    const page = await kalm.call('reviews.query', { status: 'unanswered', limit: 1 });
    app.setBadgeCount(page.total);
  };
  const updateBadge = () => void badge().catch(() => undefined);
  offs.push(kalm.on('reviews.changed', updateBadge));
  updateBadge();

  let startAtLogin: boolean | null = null;
  const loginItem = async () => {
    const settings = await kalm.call('settings.get', {});
    if (settings.startAtLogin === startAtLogin) return;
    startAtLogin = settings.startAtLogin;
    app.setLoginItemSettings({ openAtLogin: settings.startAtLogin });
  };
  const updateLoginItem = () => void loginItem().catch(() => undefined);
  offs.push(kalm.on('settings.changed', updateLoginItem));
  updateLoginItem();

  // Waking up or getting a connection back: sync soon instead of waiting out a backoff.
  // Plugged in again (macOS, Windows): a pause for battery saving may be over, so check now.
  for (const event of ['resume', 'unlock-screen', 'on-ac'] as const) deps.powerMonitor.on(event as 'resume', () => kalm.background.reschedule());
  kalm.background.start();
  return () => offs.forEach((off) => off());
}
