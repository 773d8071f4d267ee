import { app, Menu, nativeImage, screen, Tray, type BrowserWindow } from 'electron';
import type { KalmCore } from './core/create-kalm';
import { wireDesktopShell } from './desktop-shell';
import { electronSettingsFactory } from './settings-electron';
import { rememberWindow, restoredBounds, savedWindowOf, type SavedWindow } from './window-state';

export interface WindowPlacement {
  /** Where the window goes now: last time's place if it is still on a screen, else null (default, centred). */
  bounds(): SavedWindow | null;
  remember(win: BrowserWindow): void;
}

/** The main window's size and place, kept in `<dataDir>/window-state.json` (after `ready`: it reads the screens). */
export function windowPlacement(dataDir: string): WindowPlacement {
  const store = electronSettingsFactory({ dataDir, name: 'window-state' });
  return {
    bounds: () => restoredBounds(savedWindowOf(store), screen.getAllDisplays().map((d) => d.workArea)),
    remember: (win) => void rememberWindow(win, store),
  };
}

const icon = (urls: { x1: string; x2: string }) => {
  const image = nativeImage.createFromDataURL(urls.x1);
  image.addRepresentation({ scaleFactor: 2, dataURL: urls.x2 });
  return image;
};

/** The application menu and the tray, on the real Electron APIs. */
export function startDesktopShell(kalm: KalmCore, showWindow: () => void): () => void {
  return wireDesktopShell({
    kalm,
    platform: process.platform,
    osLocale: () => app.getLocale(),
    Menu,
    createTray: (image) => new Tray(image),
    icon,
    showWindow,
    quit: () => app.quit(),
  });
}
