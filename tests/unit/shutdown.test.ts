import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { closeOnce, exitOnSignals, SHUTDOWN_SIGNALS, type SignalTarget } from '../../electron/core/shutdown';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('orderly shutdown', () => {
  it('closeOnce: every caller shares the first close', async () => {
    let release: () => void = () => undefined;
    const close = vi.fn(() => new Promise<void>((r) => (release = r)));
    const once = closeOnce(close);
    const a = once();
    const b = once();
    expect(a).toBe(b);
    release();
    await Promise.all([a, b, once()]);
    expect(close).toHaveBeenCalledOnce();
  });

  it.each(SHUTDOWN_SIGNALS)('%s (even twice, and with the other signals) closes once and exits once with 0', async (signal) => {
    const target = new EventEmitter();
    let finish: () => void = () => undefined;
    const order: string[] = [];
    const close = vi.fn(() => new Promise<void>((r) => (finish = () => { order.push('closed'); r(); })));
    const exit = vi.fn((code: number) => void order.push(`exit ${code}`));
    exitOnSignals(close, { target: target as unknown as SignalTarget, exit });
    target.emit(signal);
    target.emit(signal); // a library re-raising the signal
    for (const other of SHUTDOWN_SIGNALS) target.emit(other);
    await tick();
    expect(exit).not.toHaveBeenCalled(); // never before the close has finished
    finish();
    await tick();
    expect(close).toHaveBeenCalledOnce();
    expect(order).toEqual(['closed', 'exit 0']);
  });

  it('a failed close is reported and exits 1; the uninstaller removes the listeners', async () => {
    const target = new EventEmitter();
    const onError = vi.fn();
    const exit = vi.fn();
    const uninstall = exitOnSignals(() => Promise.reject(new Error('disk full')), { target: target as unknown as SignalTarget, exit, onError });
    target.emit('SIGTERM');
    await tick();
    expect(onError).toHaveBeenCalledWith(new Error('disk full'));
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
    uninstall();
    for (const s of SHUTDOWN_SIGNALS) expect(target.listenerCount(s)).toBe(0);
  });
});
