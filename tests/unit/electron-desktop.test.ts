import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../shared/contract';
import { appMenuTemplate } from '../../electron/app-menu';
import { wireDesktopShell } from '../../electron/desktop-shell';
import { TRAY_ICON, TRAY_ICON_ALERT } from '../../electron/tray-icons';
import { MIN_WIDTH, rememberWindow, restoredBounds } from '../../electron/window-state';
import type { KalmCore } from '../../electron/core/create-kalm';

type Item = MenuItemConstructorOptions;
const items = (menu: Item): Item[] => (Array.isArray(menu.submenu) ? menu.submenu : []);
const roles = (menu: Item): string[] => items(menu).flatMap((i) => (i.role ? [i.role] : []));

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help with the usual roles, in English', () => {
    const menu = appMenuTemplate('en', 'win32');
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(menu[1]!)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles(menu[2]!)).toEqual(['reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(items(menu[0]!).find((i) => i.role === 'quit')).toMatchObject({ label: 'Quit Kalm', accelerator: 'Ctrl+Q' });
    expect(menu[3]).toMatchObject({ role: 'windowMenu' });
  });

  it('speaks Dutch, and on macOS starts with the app menu', () => {
    const menu = appMenuTemplate('nl', 'darwin');
    expect(menu.map((m) => m.label)).toEqual(['Kalm', 'Archief', 'Wijzig', 'Weergave', 'Venster', 'Help']);
    expect(items(menu[0]!).find((i) => i.role === 'quit')?.label).toBe('Stop Kalm');
    expect(items(menu[2]!).find((i) => i.role === 'copy')?.label).toBe('Kopieer');
    // macOS quits from the app menu, not from File.
    expect(roles(menu[1]!)).toEqual(['close']);
  });
});

function fakeDesktop(opts: { language?: 'en' | 'nl' | null; osLocale?: string; trayless?: boolean } = {}) {
  const listeners = new Map<string, ((p: unknown) => void)[]>();
  const settings = { language: opts.language ?? null };
  const kalm = {
    on: vi.fn((name: EventName, fn: (p: unknown) => void) => {
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      return () => undefined;
    }),
    call: vi.fn(async (name: string) => (name === 'settings.get' ? settings : { total: 4 })),
  };
  const tray = { setImage: vi.fn(), setToolTip: vi.fn(), setContextMenu: vi.fn(), on: vi.fn(), destroy: vi.fn() };
  const applied: Item[][] = [];
  const Menu = {
    buildFromTemplate: vi.fn((template: Item[]) => ({ template }) as never),
    setApplicationMenu: vi.fn((menu: { template: Item[] } | null) => menu && applied.push(menu.template)),
  };
  const showWindow = vi.fn();
  const icon = (urls: { x1: string }) => urls.x1 as unknown as NativeImage;
  wireDesktopShell({
    kalm: kalm as unknown as KalmCore,
    platform: 'linux',
    osLocale: () => opts.osLocale ?? 'en-US',
    Menu: Menu as never,
    createTray: () => {
      if (opts.trayless) throw new Error('no tray area');
      return tray as never;
    },
    icon,
    showWindow,
    quit: vi.fn(),
  });
  const emit = (name: EventName, payload: unknown = {}) => (listeners.get(name) ?? []).forEach((fn) => fn(payload));
  const trayClick = () => (tray.on.mock.calls.find((c) => c[0] === 'click')?.[1] as () => void)();
  return { kalm, tray, Menu, applied, settings, emit, showWindow, trayClick };
}

describe('the desktop shell', () => {
  it('builds the menu in the language from settings.json, else the OS language, and rebuilds on a switch', async () => {
    const d = fakeDesktop({ osLocale: 'nl-NL' });
    await vi.waitFor(() => expect(d.applied).toHaveLength(1));
    expect(d.applied[0]?.[0]?.label).toBe('Archief');
    d.settings.language = 'en';
    d.emit('settings.changed');
    await vi.waitFor(() => expect(d.applied).toHaveLength(2));
    expect(d.applied[1]?.[0]?.label).toBe('File');
    d.emit('settings.changed'); // same language: no rebuild
    await new Promise((r) => setTimeout(r, 10));
    expect(d.applied).toHaveLength(2);
  });

  it('shows the unanswered count on the tray, and a new low review until the window is opened from it', async () => {
    const d = fakeDesktop({ language: 'en' });
    await vi.waitFor(() => expect(d.tray.setToolTip).toHaveBeenLastCalledWith('Kalm — 4 unanswered reviews'));
    d.emit('alerts.newReview', { reviewId: 'r1', rating: 1, author: 'Piet', locationName: null, excerpt: '' });
    expect(d.tray.setImage).toHaveBeenLastCalledWith(TRAY_ICON_ALERT.x1);
    expect(d.tray.setToolTip).toHaveBeenLastCalledWith('Kalm — new low review');
    d.trayClick();
    expect(d.showWindow).toHaveBeenCalledOnce();
    expect(d.tray.setImage).toHaveBeenLastCalledWith(TRAY_ICON.x1);
    expect(d.tray.setToolTip).toHaveBeenLastCalledWith('Kalm — 4 unanswered reviews');
  });

  it('still builds the menu on a desktop without a tray area', async () => {
    const d = fakeDesktop({ trayless: true, language: 'nl' });
    await vi.waitFor(() => expect(d.applied).toHaveLength(1));
    expect(d.tray.setToolTip).not.toHaveBeenCalled();
  });
});

describe('window size and place', () => {
  const screenArea = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('comes back where it was while that is on an attached screen', () => {
    const saved = { x: 100, y: 80, width: 1400, height: 900, maximized: true };
    expect(restoredBounds(saved, screenArea)).toEqual(saved);
    // The second monitor it was on is gone: default place.
    expect(restoredBounds({ ...saved, x: 2400 }, screenArea)).toBeNull();
    // Broken or too small: ignored.
    expect(restoredBounds({ ...saved, width: MIN_WIDTH - 1 }, screenArea)).toBeNull();
    expect(restoredBounds('nonsense', screenArea)).toBeNull();
  });

  it('remembers size, place and maximised state once a move settles, and on close', () => {
    vi.useFakeTimers();
    const on = new Map<string, () => void>();
    const win = {
      on: vi.fn((event: string, fn: () => void) => on.set(event, fn)),
      getNormalBounds: () => ({ x: 10.4, y: 20, width: 1300, height: 850 }),
      isMaximized: () => false,
      isMinimized: () => false,
      isFullScreen: () => false,
    };
    const store = { set: vi.fn() };
    rememberWindow(win as never, store);
    on.get('move')?.();
    on.get('resize')?.();
    expect(store.set).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(store.set).toHaveBeenCalledExactlyOnceWith('mainWindow', { x: 10, y: 20, width: 1300, height: 850, maximized: false });
    on.get('close')?.();
    expect(store.set).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});
