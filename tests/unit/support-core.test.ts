import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { createFileLog } from '../../electron/core/log/logger';
import { tempDataDir } from './helpers';

describe('support calls of the core', () => {
  it('diagnostics hold versions, OS, store counts and recent errors, but no names, texts or paths', async () => {
    const dataDir = await tempDataDir();
    const log = createFileLog({ dataDir });
    const kalm = await createKalm({ dataDir, host: 'web', loadDemoOnFirstRun: true, log });
    try {
      log.error('kalm: sync.run failed', new Error('Google answered 503'));
      const { text } = await kalm.call('app.diagnostics', {});
      expect(text).toMatch(/^Kalm \d+\.\d+\.\d+ \(web\)/);
      expect(text).toContain(`os: ${process.platform}`);
      expect(text).toMatch(/reviews: [1-9]\d*/);
      expect(text).toMatch(/locations: \d+/);
      expect(text).toContain('Google answered 503');
      expect(text).not.toContain(dataDir);
      const { reviews, locations } = await kalm.call('reviews.query', { limit: 50 }).then(async (page) => ({ reviews: page.items, locations: (await kalm.call('workspace.get', {})).locations }));
      for (const r of reviews) {
        if (r.text && r.text.length > 12) expect(text).not.toContain(r.text);
        if (r.author && r.author.length > 3) expect(text).not.toContain(r.author);
      }
      for (const l of locations) expect(text).not.toContain(l.name);
      expect(await kalm.call('app.updateStatus', {})).toEqual({ state: 'off', version: null, percent: null });
      await expect(kalm.call('app.restartToUpdate', {})).rejects.toMatchObject({ code: 'forbidden' });
      // Without a file manager (no openPath) the page is told where the logs are.
      expect(await kalm.call('app.openLogs', {})).toEqual({ opened: false, path: log.dir });
    } finally {
      await kalm.close();
    }
  });

  it('a core without a log file (the CLI) says so when asked to open the logs', async () => {
    const kalm = await createKalm({ dataDir: await tempDataDir(), host: 'cli' });
    try {
      await expect(kalm.call('app.openLogs', {})).rejects.toMatchObject({ code: 'forbidden' });
    } finally {
      await kalm.close();
    }
  });
});
