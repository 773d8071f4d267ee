import { describe, expect, it } from 'vitest';
import { placePanel } from '../../renderer/hooks/useAnchoredPanel';

const viewport = { width: 1280, height: 800 };

describe('a menu or popover placed next to its button', () => {
  it('opens below the button when it fits', () => {
    expect(placePanel({ top: 100, bottom: 130, left: 200, right: 300 }, { width: 240, height: 200 }, viewport)).toEqual({ top: 134, left: 200, maxHeight: 658 });
  });

  it('opens above a button near the bottom, and never runs off the right edge', () => {
    const p = placePanel({ top: 700, bottom: 730, left: 1200, right: 1270 }, { width: 240, height: 300 }, viewport);
    expect(p.top + Math.min(300, p.maxHeight)).toBe(696);
    expect(p.left + 240).toBeLessThanOrEqual(1272);
  });
});
