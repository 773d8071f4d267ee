import type { Menu as ElectronMenu, MenuItemConstructorOptions, NativeImage, Tray as ElectronTray } from 'electron';
import { translate, uiLanguageOf, type UiLanguage } from '../shared/locales/translate';
import { appMenuTemplate } from './app-menu';
import type { KalmCore } from './core/create-kalm';
import { TRAY_ICON, TRAY_ICON_ALERT } from './tray-icons';

type TrayLike = Pick<ElectronTray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'on' | 'destroy'>;

export interface DesktopShellDeps {
  kalm: Pick<KalmCore, 'on' | 'call'>;
  platform: NodeJS.Platform;
  /** The OS language (app.getLocale()), for a first start without a stored choice. */
  osLocale: () => string;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): ElectronMenu; setApplicationMenu(menu: ElectronMenu | null): void };
  /** Makes the tray; null where the desktop has no tray area (it may throw there too). */
  createTray: (image: NativeImage) => TrayLike | null;
  /** An icon from a PNG data URL at 1× and 2×. */
  icon: (urls: { x1: string; x2: string }) => NativeImage;
  showWindow: () => void;
  quit: () => void;
}

/**
 * The desktop manners that are not the window itself: the application menu in
 * the UI language (rebuilt when the language changes), and a tray icon that
 * shows the unanswered count and a "new low review" state until the window is
 * opened from it. The dock/taskbar badge lives in background-shell.
 */
export function wireDesktopShell(deps: DesktopShellDeps): () => void {
  const { kalm } = deps;
  const offs: (() => void)[] = [];
  let lang: UiLanguage | null = null;
  let unanswered = 0;
  let alerting = false;

  let tray: TrayLike | null = null;
  try {
    tray = deps.createTray(deps.icon(TRAY_ICON));
  } catch {
    tray = null; // no tray area on this desktop: the menu and badge still work
  }

  const renderTray = () => {
    if (!tray || !lang) return;
    const l = lang;
    tray.setImage(deps.icon(alerting ? TRAY_ICON_ALERT : TRAY_ICON));
    tray.setToolTip(alerting ? translate(l, 'desktop.tray.newLow') : translate(l, 'desktop.tray.tooltip', { count: unanswered }));
    tray.setContextMenu(
      deps.Menu.buildFromTemplate([
        { label: translate(l, 'desktop.tray.open'), click: openFromTray },
        { type: 'separator' },
        { label: translate(l, 'desktop.tray.quit'), click: () => deps.quit() },
      ]),
    );
  };
  const openFromTray = () => {
    alerting = false;
    renderTray();
    deps.showWindow();
  };
  tray?.on('click', openFromTray);

  const applyLanguage = async () => {
    const settings = await kalm.call('settings.get', {});
    const next = uiLanguageOf(settings.language, deps.osLocale());
    if (next === lang) return;
    lang = next;
    deps.Menu.setApplicationMenu(deps.Menu.buildFromTemplate(appMenuTemplate(next, deps.platform)));
    renderTray();
  };
  const countUnanswered = async () => {
    unanswered = (await kalm.call('reviews.query', { status: 'unanswered', limit: 1 })).total;
    renderTray();
  };
  offs.push(kalm.on('settings.changed', () => void applyLanguage().catch(() => undefined)));
  offs.push(kalm.on('reviews.changed', () => void countUnanswered().catch(() => undefined)));
  offs.push(
    kalm.on('alerts.newReview', () => {
      alerting = true;
      renderTray();
    }),
  );
  void applyLanguage()
    .then(countUnanswered)
    .catch(() => undefined);
  return () => {
    offs.forEach((off) => off());
    tray?.destroy();
  };
}
