import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, contract, ipcChannel, type CallInput, type CallName, type CallOutput, type EventName, type EventPayload } from '../../shared/contract';
import { KalmError, type CallResult } from '../../shared/domain/errors';
import type { Kalm } from '../../electron/core/kalm';

const fake = vi.hoisted(() => {
  interface FakeContents {
    url: string;
    destroyed: boolean;
    send: (...args: unknown[]) => void;
  }
  const windows: { webContents: { getURL(): string; isDestroyed(): boolean; send: (...args: unknown[]) => void } }[] = [];
  const addWindow = (c: FakeContents) =>
    windows.push({ webContents: { getURL: () => c.url, isDestroyed: () => c.destroyed, send: (...args: unknown[]) => c.send(...args) } });
  return { windows, addWindow };
});

vi.mock('electron', () => ({ BrowserWindow: { getAllWindows: () => fake.windows } }));

import { isAppSender, registerIpc } from '../../electron/ipc';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<CallResult>;

/** ipcMain stand-in that keeps the registered handlers. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { handlers, ipcMain: ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'> };
}

/** A Kalm whose `call` validates input with the contract's schema, like the real core. */
function fakeKalm() {
  const calls: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const kalm: Kalm = {
    dataDir: '/tmp/kalm-fake',
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      calls.push(name);
      const parsed = contract[name].input.safeParse(input);
      if (!parsed.success) throw KalmError.fromZod(parsed.error, name);
      if (name === 'app.info') return { name: 'Kalm', version: '0.1.0', host: 'test', dataDir: '/tmp/kalm-fake', demo: false } as CallOutput<N>;
      throw new KalmError('not_found', `nothing for ${name}`);
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(name) ?? new Set();
      const l = listener as (payload: unknown) => void;
      set.add(l);
      listeners.set(name, set);
      return () => set.delete(l);
    },
    close: async () => undefined,
  };
  const emit = (name: EventName, payload: unknown) => {
    for (const l of listeners.get(name) ?? []) l(payload);
  };
  return { kalm, calls, emit, listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

const fromFrame = (url: string | null): IpcMainInvokeEvent => ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;
const appEvent = fromFrame('app://kalm/index.html');

beforeEach(() => {
  fake.windows.length = 0;
});

describe('registerIpc', () => {
  it('registers exactly one handler per contract call, on the derived channel', () => {
    const { handlers, ipcMain } = fakeIpcMain();
    registerIpc(ipcMain, fakeKalm().kalm);
    expect([...handlers.keys()].sort()).toEqual(callNames.map((n) => ipcChannel.call(n)).sort());
    expect(handlers.size).toBe(Object.keys(contract).length);
  });

  it('answers a call from the app page with the core result', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    const core = fakeKalm();
    registerIpc(ipcMain, core.kalm);
    const result = await handlers.get(ipcChannel.call('app.info'))?.(appEvent, {});
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ name: 'Kalm' }) });
    expect(core.calls).toEqual(['app.info']);
  });

  it('forbids senders that are not the app page, without calling the core', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    const core = fakeKalm();
    registerIpc(ipcMain, core.kalm);
    const handler = handlers.get(ipcChannel.call('app.info'));
    for (const url of ['https://evil.example/', 'file:///home/me/evil.html', 'app://evil/index.html', 'about:blank', null]) {
      const result = await handler?.(fromFrame(url), {});
      expect(result, String(url)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(core.calls).toEqual([]);
  });

  it('treats a sender frame that is gone as untrusted', () => {
    const gone = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    } as unknown as IpcMainInvokeEvent;
    expect(isAppSender(gone)).toBe(false);
  });

  it('rejects invalid input with invalid_input', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    registerIpc(ipcMain, fakeKalm().kalm);
    const get = await handlers.get(ipcChannel.call('reviews.get'))?.(appEvent, { id: 42 });
    expect(get).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const extra = await handlers.get(ipcChannel.call('app.info'))?.(appEvent, { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const notAnObject = await handlers.get(ipcChannel.call('reviews.get'))?.(appEvent, 'id');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('uses the trust check it is given', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    registerIpc(ipcMain, fakeKalm().kalm, () => false);
    expect(await handlers.get(ipcChannel.call('app.info'))?.(appEvent, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('forwards contract events to every live app window only', () => {
    const app = { url: 'app://kalm/index.html', destroyed: false, send: vi.fn() };
    const foreign = { url: 'https://evil.example/', destroyed: false, send: vi.fn() };
    const closed = { url: 'app://kalm/index.html', destroyed: true, send: vi.fn() };
    fake.addWindow(app);
    fake.addWindow(foreign);
    fake.addWindow(closed);
    const core = fakeKalm();
    registerIpc(fakeIpcMain().ipcMain, core.kalm);
    const payload = { reason: 'demo', count: 3 };
    core.emit('reviews.changed', payload);
    expect(app.send).toHaveBeenCalledWith(ipcChannel.event, 'reviews.changed', payload);
    expect(foreign.send).not.toHaveBeenCalled();
    expect(closed.send).not.toHaveBeenCalled();
  });

  it('keeps delivering when one window fails to receive', () => {
    const broken = { send: vi.fn(() => { throw new Error('Object has been destroyed'); }) };
    const ok = { send: vi.fn() };
    const core = fakeKalm();
    registerIpc(fakeIpcMain().ipcMain, core.kalm, isAppSender, () => [broken, ok]);
    core.emit('reviews.changed', { reason: 'sync', count: 1 });
    expect(ok.send).toHaveBeenCalledOnce();
  });

  it('the disposer removes every handler and event subscription', () => {
    const { handlers, ipcMain } = fakeIpcMain();
    const core = fakeKalm();
    const target = { send: vi.fn() };
    const dispose = registerIpc(ipcMain, core.kalm, isAppSender, () => [target]);
    expect(core.listenerCount()).toBeGreaterThan(0);
    dispose();
    dispose();
    expect(handlers.size).toBe(0);
    expect(core.listenerCount()).toBe(0);
    core.emit('reviews.changed', { reason: 'sync', count: 1 });
    expect(target.send).not.toHaveBeenCalled();
  });
});
