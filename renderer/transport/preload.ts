import type { KalmApi } from '../../shared/contract';
import { toKalmError } from './errors';
import { parseOutput } from './output';

/**
 * Wraps the object Electron's preload exposes as `window.kalm`: errors that
 * lost their class crossing contextBridge become KalmErrors again, and every
 * result is checked against the contract.
 */
export function wrapPreloadApi(kalm: KalmApi): KalmApi {
  return {
    async call(name, input) {
      try {
        return parseOutput(name, await kalm.call(name, input));
      } catch (err) {
        throw toKalmError(err);
      }
    },
    on: (name, listener) => kalm.on(name, listener),
  };
}
