import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/domain/settings';
import { tempDataDir } from './helpers';
import { runKalm } from './run-kalm';

const kalm = (args: string[], dataDir: string) => runKalm(args, { KALM_DATA_DIR: dataDir, TZ: 'Europe/Amsterdam' });
const overdue = async (dir: string) => {
  const listed = JSON.parse((await kalm(['reviews', '--overdue', '--json'], dir)).stdout) as { id: string }[];
  const stats = JSON.parse((await kalm(['stats', '--json'], dir)).stdout) as { overall: { overdue: number }; businessHours: boolean };
  return { listed: listed.length, stats: stats.overall.overdue, businessHours: stats.businessHours };
};

describe('kalm reviews --overdue and kalm stats follow the Settings targets and business hours', () => {
  it('counts the same overdue reviews as the app, by the owner targets', async () => {
    const dir = await tempDataDir();
    expect((await kalm(['demo'], dir)).code).toBe(0);
    const plain = await overdue(dir);
    expect(plain.listed).toBeGreaterThan(0);
    expect(plain).toEqual({ listed: plain.listed, stats: plain.listed, businessHours: false });

    // What Settings writes (settings.json, key "preferences"): a long Google target counted in business hours.
    const base = defaultSettings();
    const preferences = { ...base, replyTargetHours: { google: 500, play: 48, import: 72 }, businessHours: { ...base.businessHours, enabled: true } };
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ preferences }));
    const business = await overdue(dir);
    expect(business.businessHours).toBe(true);
    expect(business.stats).toBe(business.listed);
    expect(business.listed).toBeLessThan(plain.listed);
    expect((await kalm(['stats'], dir)).stdout).toMatch(/Reply target: 500 h in business hours/);
  });
});
