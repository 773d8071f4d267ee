import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannel, isCallName, isEventName, type CallInput, type CallName, type CallOutput, type EventName, type EventPayload, type KalmApi } from '../shared/contract';
import { CallResult, KalmError, type KalmErrorPayload } from '../shared/domain/errors';

/**
 * The sandboxed preload (built as CommonJS into dist-electron/preload.cjs).
 * It exposes one object, `window.kalm`, implementing KalmApi over IPC. Channel
 * names come only from the contract's `ipcChannel`.
 */

type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

const internalError = (message: string): KalmError => new KalmError('internal', message);

/** KalmApi over IPC: unwraps the CallResult envelope and throws KalmError on failure. */
export function createPreloadApi(ipc: IpcLike): KalmApi {
  return {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      if (typeof name !== 'string' || !isCallName(name)) {
        throw new KalmError('unknown_call', `Unknown call "${String(name).slice(0, 80)}"`);
      }
      const raw: unknown = await ipc.invoke(ipcChannel.call(name), input ?? {});
      const result = CallResult.safeParse(raw);
      if (!result.success) throw internalError('Kalm sent an answer this window does not understand.');
      if (!result.data.ok) throw KalmError.fromPayload(result.data.error);
      return result.data.value as CallOutput<N>;
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (typeof name !== 'string' || !isEventName(name)) throw new KalmError('unknown_call', `Unknown event "${String(name).slice(0, 80)}"`);
      if (typeof listener !== 'function') throw new KalmError('invalid_input', 'An event listener must be a function.');
      const handler = (_event: IpcRendererEvent, eventName: unknown, payload: unknown) => {
        if (eventName === name) listener(payload as EventPayload<E>);
      };
      ipc.on(ipcChannel.event, handler);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(ipcChannel.event, handler);
      };
    },
  };
}

/** What a rejected call looks like on the page: a plain object, because contextBridge keeps only `message` of an Error. */
export type BridgedError = KalmErrorPayload & { name: 'KalmError' };

export function toBridgedError(err: unknown): BridgedError {
  const payload = err instanceof KalmError ? err.toPayload() : internalError('Something went wrong inside Kalm. Your data is unchanged.').toPayload();
  return { name: 'KalmError', ...payload };
}

/**
 * The object handed to contextBridge. Errors crossing the bridge lose their
 * class and every field but `message`, so rejections are sent as plain
 * `{ name: 'KalmError', code, message, issues }` objects; the renderer's api.ts
 * turns anything with a `code` back into a KalmError (KalmError.fromPayload).
 */
export function toBridge(api: KalmApi): KalmApi {
  return {
    call: (name, input) => api.call(name, input).catch((err: unknown) => Promise.reject(toBridgedError(err))),
    on: (name, listener) => api.on(name, listener),
  };
}

contextBridge.exposeInMainWorld('kalm', toBridge(createPreloadApi(ipcRenderer)));
