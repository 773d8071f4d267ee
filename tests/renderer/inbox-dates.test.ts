import { describe, expect, it } from 'vitest';
import { dayPattern, dayPlaceholder, formatDay, parseDay } from '../../renderer/features/inbox/date-format';

describe('days in the UI language’s order', () => {
  it('writes and reads Dutch, British and US days', () => {
    expect(dayPattern('nl')).toEqual({ order: ['day', 'month', 'year'], separator: '-' });
    expect(formatDay('2026-03-01', 'nl')).toBe('01-03-2026');
    expect(formatDay('2026-03-01', 'nl-BE')).toBe('01/03/2026');
    expect(formatDay('2026-03-01', 'en-GB')).toBe('01/03/2026');
    expect(formatDay('2026-03-01', 'en-US')).toBe('03/01/2026');
    expect(parseDay('1-3-2026', 'nl')).toBe('2026-03-01');
    expect(parseDay('01/03/2026', 'en-GB')).toBe('2026-03-01');
    expect(parseDay('3/1/2026', 'en-US')).toBe('2026-03-01');
    expect(parseDay(' 1.3.26 ', 'nl')).toBe('2026-03-01');
    for (const [iso, locale] of [['2024-02-29', 'nl'], ['2026-12-31', 'en-US'], ['2026-01-09', 'en-GB']] as const) {
      expect(parseDay(formatDay(iso, locale), locale)).toBe(iso);
    }
  });

  it('refuses what is no real day', () => {
    for (const text of ['', '2026', '31-02-2026', '29-02-2025', '0-1-2026', '1-13-2026', '1-1-226', 'gisteren', '1-1-2026-1']) {
      expect(parseDay(text, 'nl')).toBeNull();
    }
    expect(parseDay('13/25/2026', 'en-US')).toBeNull();
  });

  it('shows the shape to type in the UI’s letters', () => {
    expect(dayPlaceholder('nl', { day: 'dd', month: 'mm', year: 'jjjj' })).toBe('dd-mm-jjjj');
    expect(dayPlaceholder('en-US', { day: 'dd', month: 'mm', year: 'yyyy' })).toBe('mm/dd/yyyy');
  });
});
