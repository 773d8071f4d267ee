import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, type CallName, type EventName, type KalmApi } from '../../shared/contract';
import { KalmError } from '../../shared/domain/errors';

const fake = vi.hoisted(() => {
  type Fn = (...args: unknown[]) => void;
  const exposed: { key: string; api: unknown }[] = [];
  const listeners = new Map<string, Set<Fn>>();
  const ipcRenderer = {
    invoke: vi.fn<(channel: string, input: unknown) => Promise<unknown>>(),
    on: vi.fn((channel: string, fn: Fn) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn));
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, fn: Fn) => {
      listeners.get(channel)?.delete(fn);
      return ipcRenderer;
    }),
  };
  return {
    exposed,
    ipcRenderer,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push({ key, api }) },
    emit: (channel: string, ...args: unknown[]) => {
      for (const fn of listeners.get(channel) ?? []) fn(...args);
    },
    listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
    reset: () => listeners.clear(),
  };
});

vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

const { createPreloadApi, toBridge } = await import('../../electron/preload');

function exposedApi(): KalmApi {
  const entry = fake.exposed[0];
  if (!entry) throw new Error('nothing exposed');
  return entry.api as KalmApi;
}

beforeEach(() => {
  fake.ipcRenderer.invoke.mockReset();
  fake.reset();
});

describe('preload', () => {
  it('exposes exactly one object, window.kalm, with call and on', () => {
    expect(fake.exposed).toHaveLength(1);
    expect(fake.exposed[0]?.key).toBe('kalm');
    expect(Object.keys(exposedApi()).sort()).toEqual(['call', 'on']);
  });

  it('sends a call on the channel derived from the contract and unwraps the result', async () => {
    const info = { name: 'Kalm', version: '0.1.0', host: 'electron', dataDir: '/d', demo: false };
    fake.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: info });
    await expect(exposedApi().call('app.info', {})).resolves.toEqual(info);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannel.call('app.info'), {});
    expect(ipcChannel.call('app.info')).toBe('kalm:call:app.info');
  });

  it('turns a failed envelope into a KalmError with its code', async () => {
    fake.ipcRenderer.invoke.mockResolvedValue({ ok: false, error: { code: 'not_found', message: 'No such review' } });
    const err: unknown = await createPreloadApi(fake.ipcRenderer as unknown as Parameters<typeof createPreloadApi>[0]).call('reviews.get', { id: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KalmError);
    expect(err).toMatchObject({ code: 'not_found', message: 'No such review' });
  });

  it('rejects across the bridge with a plain object that keeps the code (contextBridge strips Error fields)', async () => {
    fake.ipcRenderer.invoke.mockResolvedValue({ ok: false, error: { code: 'invalid_input', message: 'Bad', issues: [{ path: 'id', message: 'Required' }] } });
    const err: unknown = await exposedApi().call('reviews.get', { id: '' }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(Error);
    expect(err).toEqual({ name: 'KalmError', code: 'invalid_input', message: 'Bad', issues: [{ path: 'id', message: 'Required' }] });
    expect(KalmError.fromPayload(err as KalmError)).toMatchObject({ code: 'invalid_input' });
  });

  it('treats a malformed answer as an internal error', async () => {
    fake.ipcRenderer.invoke.mockResolvedValue({ weird: true });
    await expect(exposedApi().call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });

  it('rejects unknown call names without touching IPC', async () => {
    for (const name of ['fs.readFile', '__proto__', 'constructor', 'toString', '']) {
      await expect(exposedApi().call(name as CallName, {} as never), name).rejects.toMatchObject({ code: 'unknown_call' });
    }
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the subscribed event and stops after unsubscribe', () => {
    const api = exposedApi();
    const seen = vi.fn();
    const off = api.on('reviews.changed', seen);
    expect(fake.ipcRenderer.on).toHaveBeenCalledWith(ipcChannel.event, expect.any(Function));
    fake.emit(ipcChannel.event, {}, 'reviews.changed', { reason: 'sync', count: 2 });
    fake.emit(ipcChannel.event, {}, 'google.syncProgress', { done: 1 });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenCalledWith({ reason: 'sync', count: 2 });
    off();
    off();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    fake.emit(ipcChannel.event, {}, 'reviews.changed', { reason: 'sync', count: 3 });
    expect(seen).toHaveBeenCalledTimes(1);
    expect(fake.listenerCount(ipcChannel.event)).toBe(0);
  });

  it('never hands the IPC event object to the page', () => {
    const seen = vi.fn();
    exposedApi().on('reviews.changed', seen);
    const ipcEvent = { sender: 'ipcRenderer', ports: [] };
    fake.emit(ipcChannel.event, ipcEvent, 'reviews.changed', { reason: 'demo', count: 1 });
    expect(seen.mock.calls[0]).toEqual([{ reason: 'demo', count: 1 }]);
  });

  it('rejects unknown event names', () => {
    expect(() => exposedApi().on('secret.event' as EventName, () => undefined)).toThrow(/Unknown event/);
  });

  it('toBridge passes success through unchanged', async () => {
    const inner: KalmApi = { call: vi.fn(async () => ({ ok: 1 })) as unknown as KalmApi['call'], on: vi.fn(() => () => undefined) };
    await expect(toBridge(inner).call('app.info', {})).resolves.toEqual({ ok: 1 });
  });
});
