import { BrowserWindow, type IpcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { callNames, eventNames, ipcChannel } from '../shared/contract';
import { KalmError, type CallResult } from '../shared/domain/errors';
import { dispatch } from './core/dispatch';
import type { Kalm } from './core/kalm';
import { isAppUrl } from './security';

/** Decides whether an IPC call may reach the core. */
export type TrustedSenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Only frames showing the app's own page (`app://kalm/...`) may call the core. */
export const isAppSender: TrustedSenderCheck = (event) => {
  try {
    return isAppUrl(event.senderFrame?.url);
  } catch {
    // The frame was destroyed or navigated away while the call was in flight.
    return false;
  }
};

/** Every live window that shows the app's page: the receivers of contract events. */
export function appWebContents(): WebContents[] {
  return BrowserWindow.getAllWindows()
    .map((w) => w.webContents)
    .filter((wc) => !wc.isDestroyed() && isAppUrl(wc.getURL()));
}

const forbidden = (): CallResult => ({
  ok: false,
  error: new KalmError('forbidden', 'Only the Kalm window may talk to Kalm.').toPayload(),
});

/**
 * One `ipcMain.handle` per contract call. Each handler checks the sender, then
 * hands the raw input to `dispatch`, which validates it with the contract's
 * schema and always answers with a CallResult envelope. Contract events go to
 * every app window on `ipcChannel.event` as (name, payload).
 * Returns a disposer that removes the handlers and the event subscriptions.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  kalm: Kalm,
  isTrustedSender: TrustedSenderCheck = isAppSender,
  targets: () => Pick<WebContents, 'send'>[] = appWebContents,
): () => void {
  for (const name of callNames) {
    ipcMain.handle(ipcChannel.call(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<CallResult> => {
      if (!isTrustedSender(event)) return forbidden();
      return dispatch(kalm, name, input);
    });
  }

  const unsubscribers = eventNames.map((name) =>
    kalm.on(name, (payload) => {
      for (const contents of targets()) {
        try {
          contents.send(ipcChannel.event, name, payload);
        } catch {
          // A window closing while the event is sent; the others still get it.
        }
      }
    }),
  );

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    for (const name of callNames) ipcMain.removeHandler(ipcChannel.call(name));
    for (const off of unsubscribers) off();
  };
}
