import { isCallName } from '../../shared/contract';
import { KalmError, toErrorPayload, type CallResult } from '../../shared/domain/errors';
import type { Kalm } from './kalm';

/**
 * Runs a call that arrived from outside (IPC, HTTP) by name with unknown input.
 * Never throws: every failure becomes a typed error in the envelope.
 */
export async function dispatch(kalm: Kalm, name: string, input: unknown, log: (msg: string) => void = (msg) => (kalm.log ? kalm.log.error(msg) : process.stderr.write(`${msg}\n`))): Promise<CallResult> {
  if (!isCallName(name)) {
    return { ok: false, error: new KalmError('unknown_call', `Unknown call "${name.slice(0, 80)}"`).toPayload() };
  }
  try {
    // The core validates input against the contract; `as never` hands it the raw value to check.
    const value = await kalm.call(name, (input ?? {}) as never);
    return { ok: true, value };
  } catch (err) {
    if (!(err instanceof KalmError)) log(`kalm: ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { ok: false, error: toErrorPayload(err) };
  }
}
