import { describe, expect, it } from 'vitest';
import { defaultSettings, Settings } from '../../shared/domain/settings';
import { checkSettingsPatch } from '../../shared/domain/settings-check';

describe('checkSettingsPatch (the core\'s own schema)', () => {
  const current = defaultSettings();
  const hours = current.businessHours;

  it('refuses an unknown time zone and accepts a real one', () => {
    expect(checkSettingsPatch(current, { businessHours: { ...hours, timeZone: 'Mars/Olympus' } })).toEqual([{ code: 'time_zone', path: 'businessHours.timeZone' }]);
    expect(checkSettingsPatch(current, { businessHours: { ...hours, timeZone: 'America/New_York' } })).toEqual([]);
    expect(Settings.safeParse({ ...current, businessHours: { ...hours, timeZone: 'Nowhere' } }).success).toBe(false);
  });

  it('refuses a day that closes at or before it opens, pointing at the closing time', () => {
    const days = hours.days.map((d, i) => (i === 2 ? { open: '10:00', close: '09:59' } : d));
    expect(checkSettingsPatch(current, { businessHours: { ...hours, days } })).toEqual([{ code: 'close_before_open', path: 'businessHours.days.2.close' }]);
    const same = hours.days.map((d, i) => (i === 2 ? { open: '10:00', close: '10:00' } : d));
    expect(checkSettingsPatch(current, { businessHours: { ...hours, days: same } })[0]?.code).toBe('close_before_open');
    const fine = hours.days.map((d, i) => (i === 2 ? { open: '10:00', close: '18:00' } : d));
    expect(checkSettingsPatch(current, { businessHours: { ...hours, days: fine } })).toEqual([]);
  });

  it('says how long a text may be', () => {
    expect(checkSettingsPatch(current, { signer: 'x'.repeat(101) })).toEqual([{ code: 'too_big', path: 'signer', max: 100, text: true }]);
    expect(checkSettingsPatch(current, { team: [{ id: 'a', name: '  ' }] })[0]).toMatchObject({ code: 'too_small', text: true });
  });
});
