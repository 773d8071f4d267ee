import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { tempDataDir } from './helpers';

describe('the Google OAuth client entered in Sources', () => {
  const saved = { id: process.env.KALM_GOOGLE_CLIENT_ID, secret: process.env.KALM_GOOGLE_CLIENT_SECRET };
  beforeEach(() => {
    delete process.env.KALM_GOOGLE_CLIENT_ID;
    delete process.env.KALM_GOOGLE_CLIENT_SECRET;
  });
  afterEach(() => {
    if (saved.id !== undefined) process.env.KALM_GOOGLE_CLIENT_ID = saved.id;
    if (saved.secret !== undefined) process.env.KALM_GOOGLE_CLIENT_SECRET = saved.secret;
  });

  it('is saved in the settings, survives a restart, and rejects malformed ids', async () => {
    const dataDir = await tempDataDir();
    const a = await createKalm({ dataDir, host: 'test' });
    expect((await a.call('google.status', {})).configured).toBe(false);
    await expect(a.call('google.setClient', { clientId: 'bad id <script>', clientSecret: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await a.call('google.setClient', { clientId: '1234-abc.apps.googleusercontent.com', clientSecret: 'GOCSPX-x' })).configured).toBe(true);
    await a.close();
    const b = await createKalm({ dataDir, host: 'test' });
    expect((await b.call('google.status', {})).configured).toBe(true);
    await b.close();
  });
});
