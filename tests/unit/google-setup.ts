import { afterEach, beforeEach } from 'vitest';
import type { KalmOptions } from '../../electron/core/kalm';
import { createMemoryTokenVault } from '../../electron/core/sources/google/token-vault';
import type { GoogleEmulator } from '../emulator';

/**
 * A core's Google options for the emulator: its roots and OAuth client, and (with `signedIn`) a vault
 * holding a refresh token the emulator issued, as after the owner connected Google.
 */
export function emulatorGoogle(emu: GoogleEmulator, { signedIn = true }: { signedIn?: boolean } = {}): NonNullable<KalmOptions['google']> {
  return {
    roots: { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl },
    client: { clientId: emu.clientId, clientSecret: emu.clientSecret },
    ...(signedIn ? { vault: createMemoryTokenVault({ refresh_token: emu.tokens.issueFor().refresh_token }) } : {}),
  };
}

/** For a describe block: what a test passes to the returned function is closed after it, the last one first (the core before its emulator). */
export function closedAfterEach(): <T extends { close(): Promise<unknown> }>(thing: T) => T {
  const open: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });
  return (thing) => {
    open.push(thing);
    return thing;
  };
}

/** For a describe block: KALM_GOOGLE_CLIENT_ID/SECRET are unset during each test (the client comes from settings), as they were after it. */
export function withoutGoogleClientEnv(): void {
  const saved = { id: process.env.KALM_GOOGLE_CLIENT_ID, secret: process.env.KALM_GOOGLE_CLIENT_SECRET };
  beforeEach(() => {
    delete process.env.KALM_GOOGLE_CLIENT_ID;
    delete process.env.KALM_GOOGLE_CLIENT_SECRET;
  });
  afterEach(() => {
    if (saved.id !== undefined) process.env.KALM_GOOGLE_CLIENT_ID = saved.id;
    if (saved.secret !== undefined) process.env.KALM_GOOGLE_CLIENT_SECRET = saved.secret;
  });
}
