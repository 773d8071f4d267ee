import type { MenuItemConstructorOptions } from 'electron';
import type { UiStrings } from '../shared/locales';
import { translate, type UiLanguage } from '../shared/locales/translate';

/**
 * The application menu — File, Edit, View, Window, Help — with Electron's roles (so every item gets the
 * platform's own behaviour and accelerator) and labels in the UI language. On macOS the app menu
 * (About, Services, Hide, Quit) comes first, as Mac users expect.
 */
export function appMenuTemplate(lang: UiLanguage, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const t = (key: keyof UiStrings['desktop']['menu']) => translate(lang, `desktop.menu.${key}`);
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Kalm',
          submenu: [
            { role: 'about', label: t('about') },
            sep,
            { role: 'services', label: t('services') },
            sep,
            { role: 'hide', label: t('hide') },
            { role: 'hideOthers', label: t('hideOthers') },
            { role: 'unhide', label: t('unhide') },
            sep,
            { role: 'quit', label: t('quit') },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    { label: t('file'), submenu: [{ role: 'close', label: t('close') }, ...(mac ? [] : [sep, { role: 'quit', label: t('quit'), accelerator: 'Ctrl+Q' } as const])] },
    {
      label: t('edit'),
      submenu: [
        { role: 'undo', label: t('undo') },
        { role: 'redo', label: t('redo') },
        sep,
        { role: 'cut', label: t('cut') },
        { role: 'copy', label: t('copy') },
        { role: 'paste', label: t('paste') },
        { role: 'selectAll', label: t('selectAll') },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { role: 'reload', label: t('reload') },
        { role: 'toggleDevTools', label: t('devTools') },
        sep,
        { role: 'resetZoom', label: t('actualSize') },
        { role: 'zoomIn', label: t('zoomIn') },
        { role: 'zoomOut', label: t('zoomOut') },
        sep,
        { role: 'togglefullscreen', label: t('fullScreen') },
      ],
    },
    {
      label: t('window'),
      role: 'windowMenu',
      submenu: [{ role: 'minimize', label: t('minimize') }, { role: 'zoom', label: t('zoom') }, ...(mac ? [sep, { role: 'front', label: t('front') } as const] : [{ role: 'close', label: t('close') } as const])],
    },
    { label: t('help'), role: 'help', submenu: [{ role: 'about', label: t('about') }] },
  ];
}
