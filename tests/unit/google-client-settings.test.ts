import { describe, expect, it } from 'vitest';
import { createKalm } from '../../electron/core/create-kalm';
import { withoutGoogleClientEnv } from './google-setup';
import { tempDataDir } from './helpers';

describe('the Google OAuth client entered in Sources', () => {
  withoutGoogleClientEnv();

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
