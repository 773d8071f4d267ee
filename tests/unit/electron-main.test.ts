import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, ipcChannel } from '../../shared/contract';

type Listener = (...args: unknown[]) => void;

/** A fake Electron main-process API: just enough for main.ts, window.ts, ipc.ts and security.ts. */
const fake = vi.hoisted(() => {
  const state = { lock: true, order: [] as string[] };
  const listeners = new Map<string, Listener[]>();
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const app = {
    setName: vi.fn(),
    setPath: vi.fn(),
    getPath: vi.fn(() => '/home/me/.config/Kalm'),
    getVersion: vi.fn(() => '9.9.9'),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    whenReady: vi.fn(() => readyPromise.then(() => state.order.push('ready'))),
    on: vi.fn((event: string, fn: Listener) => listeners.set(event, [...(listeners.get(event) ?? []), fn])),
    quit: vi.fn(),
    exit: vi.fn(),
  };
  class FakeContents {
    on = vi.fn();
    setWindowOpenHandler = vi.fn();
  }
  class FakeWindow {
    static all: FakeWindow[] = [];
    static getAllWindows = () => FakeWindow.all;
    webContents = new FakeContents();
    once = vi.fn();
    loadURL = vi.fn(async () => undefined);
    isMinimized = vi.fn(() => true);
    restore = vi.fn();
    show = vi.fn();
    focus = vi.fn();
    constructor() {
      FakeWindow.all.push(this);
    }
  }
  const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => state.order.push('scheme')),
    handle: vi.fn(),
  };
  const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
  const kalm = { dataDir: '', call: vi.fn(), on: vi.fn(() => () => undefined), close: vi.fn(async () => undefined) };
  const createKalm = vi.fn(async () => kalm);
  const emit = (event: string, ...args: unknown[]) => {
    for (const fn of listeners.get(event) ?? []) fn(...args);
  };
  return { state, listeners, app, ready: () => ready(), FakeWindow, FakeContents, session, protocol, ipcMain, kalm, createKalm, emit };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  dialog: { showErrorBox: vi.fn() },
  ipcMain: fake.ipcMain,
  protocol: fake.protocol,
  session: fake.session,
  shell: { openExternal: vi.fn(async () => undefined) },
  safeStorage: { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString(), getSelectedStorageBackend: () => 'gnome_libsecret' },
  nativeTheme: { shouldUseDarkColors: true },
  Notification: { isSupported: () => false },
  net: { isOnline: () => true },
  powerMonitor: { on: vi.fn() },
}));
// The background shell (notifications, badge, login item, background sync) has its own test: electron-background-shell.test.ts.
vi.mock('../../electron/background-shell', () => ({ wireBackgroundShell: vi.fn(() => () => undefined) }));
// The menu, tray and window placement have their own tests: electron-desktop.test.ts.
vi.mock('../../electron/desktop-wiring', () => ({ windowPlacement: () => ({ bounds: () => null, remember: () => undefined }), startDesktopShell: vi.fn(() => () => undefined) }));
vi.mock('../../electron/core/create-kalm', () => ({ createKalm: fake.createKalm }));
vi.mock('../../electron/settings-electron', () => ({ electronSettingsFactory: () => ({ get: () => undefined, set: () => undefined, path: '' }) }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  process.env['KALM_DATA_DIR'] = '/tmp/kalm-main-test';
});
afterEach(() => {
  delete process.env['KALM_DATA_DIR'];
});

describe('main process lifecycle', () => {
  it('starts once it holds the single-instance lock', async () => {
    await import('../../electron/main');
    expect(fake.app.setName).toHaveBeenCalledWith('Kalm');
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', path.join(path.resolve('/tmp/kalm-main-test'), '.chromium'));
    expect(fake.createKalm).not.toHaveBeenCalled();

    fake.ready();
    await flush();
    // The privileged scheme is registered before ready, the handler after.
    expect(fake.state.order.slice(0, 2)).toEqual(['scheme', 'ready']);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fake.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(fake.createKalm).toHaveBeenCalledWith(
      expect.objectContaining({
        dataDir: path.resolve('/tmp/kalm-main-test'),
        host: 'electron',
        version: '9.9.9',
        settingsFactory: expect.any(Function),
        google: { vault: expect.objectContaining({ load: expect.any(Function), save: expect.any(Function) }), publisherClient: null },
        // The team password is encrypted by the keychain (the fake safeStorage has a real backend).
        team: { vault: expect.objectContaining({ keeps: 'keychain', load: expect.any(Function) }) },
        // One log file a day in the data folder; the updater is off outside a packaged app.
        log: expect.objectContaining({ dir: expect.stringMatching(/logs$/) }),
        updater: expect.objectContaining({ status: expect.any(Function) }),
      }),
    );
    const channels = fake.ipcMain.handle.mock.calls.map((c: unknown[]) => c[0]);
    expect(channels.sort()).toEqual(callNames.map((n) => ipcChannel.call(n)).sort());
    expect(fake.FakeWindow.all).toHaveLength(1);
    expect(fake.FakeWindow.all[0]?.loadURL).toHaveBeenCalledWith('app://kalm/index.html');
  });

  it('hardens every new webContents', () => {
    const contents = new fake.FakeContents();
    fake.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
  });

  it('focuses the existing window when a second instance starts', () => {
    const win = fake.FakeWindow.all[0];
    fake.emit('second-instance');
    expect(win?.restore).toHaveBeenCalled();
    expect(win?.focus).toHaveBeenCalled();
    expect(fake.FakeWindow.all).toHaveLength(1);
  });

  it('quits when the last window closes (except on macOS)', () => {
    fake.app.quit.mockClear();
    fake.emit('window-all-closed');
    if (process.platform === 'darwin') expect(fake.app.quit).not.toHaveBeenCalled();
    else expect(fake.app.quit).toHaveBeenCalledOnce();
  });

  it('flushes the core once before quitting', async () => {
    fake.app.quit.mockClear();
    const first = { preventDefault: vi.fn() };
    fake.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(fake.kalm.close).toHaveBeenCalledOnce();
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledTimes(callNames.length);
    await flush();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    const second = { preventDefault: vi.fn() };
    fake.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(fake.kalm.close).toHaveBeenCalledOnce();
  });

  it('quits through app.quit() on SIGINT, SIGTERM and SIGHUP, so before-quit flushes', () => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      fake.app.quit.mockClear();
      const mine = process.listeners(signal).at(-1);
      expect(mine, signal).toBeTypeOf('function');
      mine?.(signal);
      expect(fake.app.quit, signal).toHaveBeenCalledOnce();
    }
  });

  it('leaves at once when another instance holds the lock', async () => {
    vi.resetModules();
    fake.state.lock = false;
    fake.createKalm.mockClear();
    fake.app.quit.mockClear();
    fake.app.on.mockClear();
    await import('../../electron/main');
    await flush();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    expect(fake.app.on).not.toHaveBeenCalled();
    expect(fake.createKalm).not.toHaveBeenCalled();
  });
});
