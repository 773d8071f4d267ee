import type { BrowserWindow, Rectangle } from 'electron';
import { z } from 'zod';
import type { SettingsStore } from './core/store/settings';

export const MIN_WIDTH = 880;
export const MIN_HEIGHT = 560;
const KEY = 'mainWindow';

const SavedWindow = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_WIDTH).max(20_000),
  height: z.number().int().min(MIN_HEIGHT).max(20_000),
  maximized: z.boolean(),
});
export type SavedWindow = z.infer<typeof SavedWindow>;

/**
 * Where the window opens: where it was last time, if that is still valid and
 * at least partly on a screen that is attached now (a disconnected monitor
 * must not leave the window off-screen); otherwise null (the default size,
 * centred). A hand-edited or broken value is ignored, never trusted.
 */
export function restoredBounds(saved: unknown, workAreas: readonly Rectangle[]): SavedWindow | null {
  const parsed = SavedWindow.safeParse(saved);
  if (!parsed.success) return null;
  const w = parsed.data;
  const visible = workAreas.some((a) => {
    const overlapX = Math.min(w.x + w.width, a.x + a.width) - Math.max(w.x, a.x);
    const overlapY = Math.min(w.y + w.height, a.y + a.height) - Math.max(w.y, a.y);
    return overlapX >= 120 && overlapY >= 60;
  });
  return visible ? w : null;
}

type WindowLike = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isMinimized' | 'isFullScreen'>;

/** Remembers the window's size, position and maximised state in `store` (after a move or resize settles, and on close). */
export function rememberWindow(win: WindowLike, store: Pick<SettingsStore, 'set'>, settleMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    if (win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    store.set(KEY, { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height), maximized: win.isMaximized() });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, settleMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', later);
  win.on('close', save);
  return () => clearTimeout(timer);
}

/** The stored value for `restoredBounds`. */
export const savedWindowOf = (store: Pick<SettingsStore, 'get'>): unknown => store.get(KEY);
