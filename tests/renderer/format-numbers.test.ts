import { describe, expect, it } from 'vitest';
import { formatAverage, formatAxisHours, formatChange, formatCount, formatHours, formatMonth, formatNumber, formatShare } from '../../renderer/format';

describe('the renderer\'s one number formatter', () => {
  it('writes averages, changes, counts and shares as each language does, "—" for a figure that is not there', () => {
    expect(formatAverage(4.3, 'en')).toBe('4.3');
    expect(formatAverage(4.35, 'nl', 2)).toBe('4,35');
    expect(formatAverage(4, 'en', 2)).toBe('4.00');
    expect(formatAverage(null, 'nl', 2)).toBe('—');
    expect(formatChange(0.12, 'en')).toBe('+0.12');
    expect(formatChange(-0.05, 'nl')).toMatch(/^[-−]0,05$/);
    expect(formatChange(0, 'en', 0)).toBe('0');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(12345, 'nl')).toBe('12.345');
    expect(formatNumber(3.456, 'nl', 1)).toBe('3,5');
    expect(formatShare(0.594, 'en')).toBe('59%');
    expect(formatShare(null, 'en')).toBe('—');
  });

  it('writes reply times in minutes, hours or days and months by name', () => {
    expect(formatHours(0.75, 'en')).toBe('45 min');
    expect(formatHours(12, 'en')).toBe('12 hr');
    expect(formatHours(3.5, 'nl')).toBe('3,5 uur');
    expect(formatHours(84, 'en')).toBe('3.5 days');
    expect(formatHours(null, 'en')).toBe('—');
    expect(formatAxisHours(12, 'en')).toBe('12h');
    expect(formatMonth('2026-10', 'nl', 'long')).toBe('oktober 2026');
    expect(formatMonth('not a month', 'en')).toBe('not a month');
  });
});
