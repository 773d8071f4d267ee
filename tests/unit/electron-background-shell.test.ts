import { describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayload } from '../../shared/contract';
import type { KalmCore } from '../../electron/core/create-kalm';
import { wireBackgroundShell } from '../../electron/background-shell';

type Listener = (payload: unknown) => void;

function fakeShell(settings = { startAtLogin: true }, platform: NodeJS.Platform = 'linux') {
  const listeners = new Map<string, Listener[]>();
  const shown: { options: { title: string; body: string }; click: () => void }[] = [];
  const kalm = {
    on: vi.fn((name: string, fn: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      return () => undefined;
    }),
    call: vi.fn(async (name: string) => (name === 'settings.get' ? settings : { total: 7 })),
    openReview: vi.fn(),
    background: { start: vi.fn(), reschedule: vi.fn() },
  };
  class FakeNotification {
    static isSupported = () => true;
    private click: () => void = () => undefined;
    constructor(readonly options: { title: string; body: string }) {}
    on(_event: 'click', fn: () => void) {
      this.click = fn;
      return this;
    }
    show() {
      shown.push({ options: this.options, click: () => this.click() });
    }
  }
  const app = { setBadgeCount: vi.fn(() => true), setLoginItemSettings: vi.fn() };
  const power = new Map<string, () => void>();
  const showWindow = vi.fn();
  wireBackgroundShell({
    kalm: kalm as unknown as KalmCore,
    app,
    Notification: FakeNotification as never,
    net: { isOnline: () => true },
    powerMonitor: { on: ((event: string, fn: () => void) => power.set(event, fn)) as never },
    showWindow,
    platform,
  });
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => (listeners.get(name) ?? []).forEach((fn) => fn(payload));
  return { kalm, app, shown, showWindow, emit, power };
}

describe('the Electron background shell', () => {
  it('shows a notification per new low review; clicking it brings the window up and opens that review', async () => {
    const s = fakeShell();
    s.emit('alerts.newReview', { reviewId: 'google:loc:1', rating: 1, author: 'Piet', locationName: 'Utrecht', excerpt: 'Koud brood' });
    expect(s.shown).toHaveLength(1);
    expect(s.shown[0]?.options).toEqual({ title: '★ Utrecht', body: 'Piet: Koud brood' });
    s.shown[0]?.click();
    expect(s.showWindow).toHaveBeenCalledOnce();
    expect(s.kalm.openReview).toHaveBeenCalledWith('google:loc:1');
  });

  it('escapes markup in reviewer text on Linux (notification servers read the body as markup), not elsewhere', () => {
    const author = `<b>Eve</b> & "Co"`;
    const excerpt = `<a href='https://evil.example'>click</a><img src=x>`;
    const linux = fakeShell(undefined, 'linux');
    linux.emit('alerts.newReview', { reviewId: 'r1', rating: 1, author, locationName: 'Utrecht', excerpt });
    expect(linux.shown[0]?.options.body).toBe(
      '&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;: &lt;a href=&#39;https://evil.example&#39;&gt;click&lt;/a&gt;&lt;img src=x&gt;',
    );
    expect(linux.shown[0]?.options.body).not.toMatch(/[<>"']/);
    const mac = fakeShell(undefined, 'darwin');
    mac.emit('alerts.newReview', { reviewId: 'r1', rating: 1, author, locationName: 'Utrecht', excerpt });
    expect(mac.shown[0]?.options.body).toBe(`${author}: ${excerpt}`);
  });

  it('puts the unanswered count on the badge, applies start at login, and starts background sync', async () => {
    const s = fakeShell();
    await vi.waitFor(() => expect(s.app.setBadgeCount).toHaveBeenCalledWith(7));
    await vi.waitFor(() => expect(s.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true }));
    expect(s.kalm.background.start).toHaveBeenCalledOnce();
    s.power.get('resume')?.();
    expect(s.kalm.background.reschedule).toHaveBeenCalledOnce();
    s.emit('settings.changed', {});
    await new Promise((r) => setTimeout(r, 0));
    // Unchanged setting: not written again.
    expect(s.app.setLoginItemSettings).toHaveBeenCalledOnce();
  });
});
