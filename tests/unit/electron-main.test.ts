import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, eventNames, ipcChannel, type CallName } from '../../shared/contract';
import type { CallResult } from '../../shared/domain/errors';
import { FIRST_PAGE_QUERY } from '../../shared/reviews/first-page';

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
    send = vi.fn();
    isDestroyed = () => false;
    getURL = () => 'app://kalm/index.html';
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
  const kalm = { dataDir: '', call: vi.fn(async (name: string) => ({ answeredBy: 'core', name })), on: vi.fn((_name: string, _listener: (payload: unknown) => void) => () => undefined), close: vi.fn(async () => undefined) };
  // The store load and the early check stay pending until a test opens, fails or checks them.
  const gate: { open: (k: unknown) => void; fail: (e: unknown) => void; checked: () => void } = { open: () => undefined, fail: () => undefined, checked: () => undefined };
  const createKalm = vi.fn(() => new Promise((resolve, reject) => Object.assign(gate, { open: resolve, fail: reject })));
  const savedPage = { total: 3, items: [], savedByLastRun: true };
  const earlyFirstPage = vi.fn(() => ({
    checked: new Promise<void>((resolve) => (gate.checked = resolve)),
    answer: vi.fn(async (input: unknown) => (JSON.stringify(input) === '{"view":"unanswered","sort":"priority","offset":0,"limit":50}' ? savedPage : null)),
  }));
  const dialog = { showErrorBox: vi.fn() };
  const wireBackgroundShell = vi.fn(() => () => undefined);
  const startDesktopShell = vi.fn(() => () => undefined);
  const emit = (event: string, ...args: unknown[]) => {
    for (const fn of listeners.get(event) ?? []) fn(...args);
  };
  return { state, listeners, app, ready: () => ready(), FakeWindow, FakeContents, session, protocol, ipcMain, kalm, createKalm, gate, savedPage, earlyFirstPage, dialog, wireBackgroundShell, startDesktopShell, emit };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeWindow,
  dialog: fake.dialog,
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
vi.mock('../../electron/background-shell', () => ({ wireBackgroundShell: fake.wireBackgroundShell }));
// The menu, tray and window placement have their own tests: electron-desktop.test.ts.
vi.mock('../../electron/desktop-wiring', () => ({ windowPlacement: () => ({ bounds: () => null, remember: () => undefined }), startDesktopShell: fake.startDesktopShell }));
vi.mock('../../electron/core/create-kalm', () => ({ createKalm: fake.createKalm }));
// The saved first page itself is tested on real files in deferred-kalm.test.ts and first-page.test.ts.
vi.mock('../../electron/core/early-first-page', () => ({ earlyFirstPage: fake.earlyFirstPage }));
vi.mock('../../electron/settings-electron', () => ({ electronSettingsFactory: () => ({ get: () => undefined, set: () => undefined, path: '' }) }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The IPC handler main.ts registered for a call, called as the app's own window calls it. */
const appEvent = { senderFrame: { url: 'app://kalm/index.html' } };
function callFromWindow(name: CallName, input: unknown): Promise<CallResult> {
  const handler = fake.ipcMain.handle.mock.calls.find((c: unknown[]) => c[0] === ipcChannel.call(name))?.[1] as ((event: unknown, input: unknown) => Promise<CallResult>) | undefined;
  if (!handler) throw new Error(`no IPC handler for ${name}`);
  return handler(appEvent, input);
}

/** main.ts loaded again in a fresh module registry (app is ready already): a new start with a pending store load. */
async function startAgain(): Promise<void> {
  vi.resetModules();
  fake.listeners.clear();
  fake.FakeWindow.all = [];
  for (const m of [fake.createKalm, fake.earlyFirstPage, fake.app.quit, fake.app.exit, fake.kalm.close, fake.kalm.call, fake.dialog.showErrorBox, fake.ipcMain.handle, fake.wireBackgroundShell, fake.startDesktopShell]) m.mockClear();
  await import('../../electron/main');
  await flush();
}

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
    // Cold start: the window and IPC are there at once; the saved first page is checked before the core loads.
    const channels = fake.ipcMain.handle.mock.calls.map((c: unknown[]) => c[0]);
    expect(channels.sort()).toEqual(callNames.map((n) => ipcChannel.call(n)).sort());
    expect(fake.FakeWindow.all).toHaveLength(1);
    expect(fake.FakeWindow.all[0]?.loadURL).toHaveBeenCalledWith('app://kalm/index.html');
    expect(fake.earlyFirstPage).toHaveBeenCalledWith(path.resolve('/tmp/kalm-main-test'));
    expect(fake.createKalm).not.toHaveBeenCalled();

    fake.gate.checked();
    await flush();
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
    expect(fake.FakeWindow.all).toHaveLength(1);
  });

  it('answers the first inbox page from the saved one while the store loads; other calls wait for the core', async () => {
    expect(await callFromWindow('reviews.query', FIRST_PAGE_QUERY)).toEqual({ ok: true, value: fake.savedPage });
    let answered = false;
    const summary = callFromWindow('workspace.get', {}).then((r) => ((answered = true), r));
    const later = callFromWindow('reviews.query', { ...FIRST_PAGE_QUERY, limit: 10 });
    await flush();
    expect(answered).toBe(false);
    expect(fake.kalm.call).not.toHaveBeenCalled();
    // What needs the real core waits for it too.
    expect(fake.kalm.on).not.toHaveBeenCalled();
    expect(fake.wireBackgroundShell).not.toHaveBeenCalled();
    expect(fake.startDesktopShell).not.toHaveBeenCalled();

    fake.gate.open(fake.kalm);
    expect(await summary).toEqual({ ok: true, value: { answeredBy: 'core', name: 'workspace.get' } });
    expect(await later).toEqual({ ok: true, value: { answeredBy: 'core', name: 'reviews.query' } });
    // Once open, the core answers the first page too.
    expect(await callFromWindow('reviews.query', FIRST_PAGE_QUERY)).toEqual({ ok: true, value: { answeredBy: 'core', name: 'reviews.query' } });
    expect(fake.wireBackgroundShell).toHaveBeenCalledWith(expect.objectContaining({ kalm: fake.kalm }));
    expect(fake.startDesktopShell).toHaveBeenCalledWith(fake.kalm, expect.any(Function));
  });

  it('forwards the core\'s events to the window, subscribed before the core was open', () => {
    expect(fake.kalm.on.mock.calls.map((c) => c[0]).sort()).toEqual([...eventNames].sort());
    const listener = fake.kalm.on.mock.calls.find((c) => c[0] === 'reviews.changed')?.[1];
    listener?.({ reason: 'sync' });
    expect(fake.FakeWindow.all[0]?.webContents.send).toHaveBeenCalledWith(ipcChannel.event, 'reviews.changed', { reason: 'sync' });
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
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledTimes(callNames.length);
    await flush();
    expect(fake.kalm.close).toHaveBeenCalledOnce();
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

  it('quitting while the store loads waits for it, then closes it (nothing lost)', async () => {
    await startAgain();
    expect(fake.FakeWindow.all).toHaveLength(1);
    const quit = { preventDefault: vi.fn() };
    fake.emit('before-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalled();
    fake.gate.checked();
    await flush();
    expect(fake.createKalm).toHaveBeenCalledOnce();
    expect(fake.kalm.close).not.toHaveBeenCalled();
    expect(fake.app.quit).not.toHaveBeenCalled();

    fake.gate.open(fake.kalm);
    await flush();
    expect(fake.kalm.close).toHaveBeenCalledOnce();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    // Nothing more starts on a core that is closing.
    expect(fake.wireBackgroundShell).not.toHaveBeenCalled();
    expect(fake.startDesktopShell).not.toHaveBeenCalled();
  });

  it('says why when the store cannot be opened and exits; a call from the open window fails instead of hanging', async () => {
    await startAgain();
    const pending = callFromWindow('workspace.get', {});
    fake.gate.checked();
    await flush();
    fake.gate.fail(new Error('The data folder is locked by another Kalm.'));
    await flush();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Kalm could not start', 'The data folder is locked by another Kalm.');
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(await pending).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal' }) });
    expect(fake.wireBackgroundShell).not.toHaveBeenCalled();
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
