import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, Notification, powerMonitor, safeStorage, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import { electronPowerState } from './core/background/power-state';
import { createKalm, type KalmCore } from './core/create-kalm';
import { publisherGoogleClient } from './core/sources/google/built-in-client';
import { createFileLog, type KalmLog } from './core/log/logger';
import { deferredKalm } from './core/deferred-kalm';
import { earlyFirstPage } from './core/early-first-page';
import { wireBackgroundShell } from './background-shell';
import { registerIpc } from './ipc';
import { createPdfSaver } from './report-pdf';
import { createSafeStorageVault } from './safe-storage-vault';
import { createSafeStoragePlayKeyStore } from './play-key-vault';
import { createSafeStorageTeamVault } from './team-secret-vault';
import { startDesktopShell, windowPlacement, type WindowPlacement } from './desktop-wiring';
import { hardenContents, restrictPermissions } from './security';
import { electronSettingsFactory } from './settings-electron';
import { SHUTDOWN_SIGNALS } from './core/shutdown';
import { startAutoUpdate } from './updater';
import { createMainWindow, registerAppScheme, serveRenderer } from './window';

/**
 * The Electron main process: lifecycle only. Everything Kalm does lives in
 * electron/core (createKalm); this file wires it to windows and IPC.
 */

// "Kalm" (not package.json's "kalm") so userData is the same folder the web host and CLI default to.
app.setName('Kalm');
const dataDirOverride = process.env.KALM_DATA_DIR;
if (dataDirOverride) {
  // Keep Chromium's own profile (and the single-instance lock) with that data folder, so a test
  // or a second workspace never collides with the user's running Kalm.
  app.setPath('userData', path.join(path.resolve(dataDirOverride), '.chromium'));
}

// Before `ready`: app:// must be a standard, secure scheme for the renderer to load from it.
registerAppScheme();

/** The core while it loads and once open (set when the window opens: before-quit waits for it and closes it). */
let coreOpening: Promise<KalmCore> | undefined;
let log: KalmLog | undefined;
let disposeIpc: (() => void) | undefined;
let closing = false;
let placement: WindowPlacement | undefined;

/** A main window where the last one was (size, place, maximised), remembering where it goes. */
function openWindow() {
  const win = createMainWindow({ bounds: placement?.bounds() ?? null, onLoadError: (m) => log?.error(m) });
  placement?.remember(win);
  return win;
}

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

function showMainWindow(): void {
  const win = BrowserWindow.getAllWindows()[0] ?? openWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  restrictPermissions(session.defaultSession);
  serveRenderer();
  const dataDir = dataDirOverride ? path.resolve(dataDirOverride) : app.getPath('userData');
  // A packaged app has no visible stderr: one log file a day in the data folder's logs/ (Settings → Data).
  const fileLog = createFileLog({ dataDir, stderr: !app.isPackaged });
  log = fileLog;
  fileLog.info(`Kalm ${app.getVersion()} starting (${process.platform} ${process.arch}, electron ${process.versions.electron ?? '?'})`);
  // Checks at start and daily, downloads in the background; only a packaged app has a feed (app-update.yml).
  const updater = startAutoUpdate({ updater: app.isPackaged ? electronUpdater.autoUpdater : null, log: fileLog });
  // The team workspace password: encrypted by the system keychain, or (none available) a file only this user can read.
  const teamVault = createSafeStorageTeamVault(dataDir, safeStorage);
  if (teamVault.keeps === 'file') fileLog.warn('kalm team: no system keychain available (safeStorage); a team password is kept in team-secret.json (mode 0600) instead of encrypted');
  placement = windowPlacement(dataDir);
  // Cold start: the window opens at once (header and skeleton rows) and its calls wait for the store; the inbox's
  // first page comes from the page the last run saved, checked against the files once the window is on its way.
  // The core's own load waits for that check, so the two do not share the CPU (as in the web host).
  let windowOpened: () => void = () => undefined;
  const early = new Promise<void>((resolve) => (windowOpened = resolve)).then(() => earlyFirstPage(dataDir));
  const opening = early
    .then((e) => e.checked, () => undefined)
    .then(() =>
      createKalm({
        dataDir,
        host: 'electron',
        version: app.getVersion(),
        settingsFactory: electronSettingsFactory,
        loadDemoOnFirstRun: true,
        log: fileLog,
        updater,
        // The Google grant is encrypted with the system keychain where Electron can (after ready).
        // The publisher's OAuth client, baked in by `npm run dist` (null in development: the environment or Sources give one).
        google: { vault: createSafeStorageVault(dataDir, safeStorage).vault, publisherClient: publisherGoogleClient() },
        play: { keyStore: createSafeStoragePlayKeyStore(dataDir, safeStorage) },
        team: { vault: teamVault },
        // The monthly report as a PDF: the focused window, printed with its print CSS.
        saveReportPdf: createPdfSaver({
          window: () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null,
          showSaveDialog: (win, options) => dialog.showSaveDialog(win, options),
          writeFile: (file, data) => writeFile(file, data),
          documentsDir: app.getPath('documents'),
        }),
        // Background sync pauses while offline and on battery saver (where detectable); "open folder" in Settings uses the file manager.
        background: { online: () => net.isOnline(), power: electronPowerState(powerMonitor, process.platform) },
        openPath: (folder) => shell.openPath(folder),
      }),
    );
  coreOpening = opening;
  disposeIpc = registerIpc(ipcMain, deferredKalm(dataDir, opening, early, fileLog));
  openWindow();
  windowOpened();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // A failure reaches start()'s caller, which says why and exits (closing the window).
  const core = await opening;
  // Quit while the store was loading: before-quit closes it; nothing more to start.
  if (closing) return;
  wireBackgroundShell({ kalm: core, app, Notification, net, powerMonitor, showWindow: showMainWindow });
  // The application menu in the UI language, and the tray icon (unanswered count, new low review).
  startDesktopShell(core, showMainWindow);
}

if (!app.requestSingleInstanceLock()) {
  // Another Kalm owns this data folder: it gets focused (second-instance below) and we leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    // Once the window has opened (also while the store still loads).
    if (coreOpening) showMainWindow();
  });

  // Every webContents (windows, devtools, anything created later) gets the same lock-down.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, shell));

  // Ctrl+C, kill and a closed terminal quit like the menu does, so before-quit flushes and releases the lock.
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, () => app.quit());

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', (event) => {
    if (closing || !coreOpening) return;
    // Flush pending writes once, then quit for real; while the store still loads, wait for it and close it then.
    event.preventDefault();
    closing = true;
    disposeIpc?.();
    coreOpening
      // A core that could not open has nothing to flush (start() says why it failed).
      .then((core) => core.close(), () => undefined)
      .catch((err: unknown) => (log ? log.error('kalm: closing failed', err) : process.stderr.write(`kalm: closing failed: ${errorText(err)}\n`)))
      .finally(() => app.quit());
  });

  start().catch((err: unknown) => {
    if (log) log.error('kalm: could not start', err);
    else process.stderr.write(`kalm: could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    dialog.showErrorBox('Kalm could not start', errorText(err));
    app.exit(1);
  });
}
