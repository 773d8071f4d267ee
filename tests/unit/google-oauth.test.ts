import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectGoogleFromCli, createGoogleAuth, isReconnectNeeded, RECONNECT_MESSAGE, type GoogleAuth } from '../../electron/core/sources/google/auth-client';
import { BUSINESS_SCOPE, type GoogleRoots, PLAY_SCOPE } from '../../electron/core/google-api/endpoints';
import { type GoogleClientConfig, v4Url } from '../../electron/core/sources/google/config';
import { GoogleHttpError } from '../../electron/core/google-api/http';
import { googleScopes, GoogleSignInError, signInWithGoogle } from '../../electron/core/sources/google/oauth';
import { createFileTokenVault, type StoredGoogleTokens } from '../../electron/core/sources/google/token-vault';
import { FIXTURE_ACCOUNT, FIXTURE_UTRECHT, startGoogleEmulator, type GoogleEmulator } from '../emulator';
import { tempDataDir } from './helpers';

/**
 * What a browser does with the consent URL: load it, follow Google's redirect to the loopback, show the page.
 * `tamper` changes the redirect first (a forged callback). `done` settles when the page has been read:
 * sign-in does not wait for the browser, so tests await it before looking at `pages`.
 */
function browser(tamper?: (redirect: URL) => void) {
  const pages: string[] = [];
  let done: Promise<void> = Promise.resolve();
  const open = (url: string): Promise<void> => {
    done = (async () => {
      const consent = await fetch(url, { redirect: 'manual' });
      const location = consent.headers.get('location');
      if (!location) throw new Error(`the consent page did not redirect (${consent.status})`);
      const redirect = new URL(location);
      tamper?.(redirect);
      const page = await fetch(redirect);
      pages.push(`${page.status} ${await page.text()}`);
    })();
    return done;
  };
  return { open, pages, done: () => done };
}

/** The loopback redirect_uri inside a consent URL. */
const redirectOf = (consentUrl: string): string => new URL(consentUrl).searchParams.get('redirect_uri')!;

const errorOf = async (p: Promise<unknown>): Promise<Error> => {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
};

/** Every message and log line the flows produced, to check that no secret leaked. */
const seen: string[] = [];
const remember = (err: Error): Error => {
  seen.push(err.message, String(err), JSON.stringify(err));
  return err;
};

let emu: GoogleEmulator;
let roots: GoogleRoots;
let client: GoogleClientConfig;
let consoleSpies: ReturnType<typeof vi.spyOn>[] = [];

beforeEach(async () => {
  emu = await startGoogleEmulator();
  roots = { api: emu.origin, auth: emu.authUrl, token: emu.tokenUrl };
  client = { clientId: emu.clientId, clientSecret: emu.clientSecret };
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void seen.push(args.map(String).join(' '))),
  );
});

afterEach(async () => {
  for (const s of consoleSpies) s.mockRestore();
  await emu.close();
});

async function connected(opts: { warnings?: string[] } = {}): Promise<{ auth: GoogleAuth; vault: ReturnType<typeof createFileTokenVault>; pages: string[] }> {
  const vault = createFileTokenVault(await tempDataDir());
  const auth = createGoogleAuth({ roots, client, vault, onWarning: (m) => opts.warnings?.push(m) });
  const b = browser();
  await auth.connect({ openBrowser: b.open });
  await b.done();
  return { auth, vault, pages: b.pages };
}

const listAccounts = (auth: GoogleAuth) => auth.http.request<{ accounts: { name: string }[] }>({ url: `${emu.origin}/v1/accounts` });

describe('Google sign-in (loopback + PKCE) against the emulator', () => {
  it('runs the full PKCE flow and stores the tokens in a 0600 file', async () => {
    const { auth, vault, pages } = await connected();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatch(/^200 /);
    expect(pages[0]).toContain('Kalm is connected. You can close this tab.');

    const authorize = emu.requests.find((r) => r.path === '/o/oauth2/v2/auth')!;
    expect(authorize.query).toMatchObject({
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
      scope: BUSINESS_SCOPE,
      response_type: 'code',
      client_id: emu.clientId,
    });
    expect(authorize.query.state).toMatch(/^[\w-]{20,}$/);
    expect(authorize.query.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const stored = (await vault.load())!;
    expect(stored.refresh_token).toMatch(/^1\/\//);
    expect(stored.access_token).toMatch(/^ya29\./);
    expect(stored.expiry_date).toBeGreaterThan(Date.now());
    expect(stored.scope).toBe(BUSINESS_SCOPE);
    if (process.platform !== 'win32') expect((await stat(vault.path)).mode & 0o777).toBe(0o600);
    expect(await auth.hasTokens()).toBe(true);

    const res = await listAccounts(auth);
    expect(res.status).toBe(200);
    expect(res.data.accounts.map((a) => a.name)).toContain(FIXTURE_ACCOUNT);
    expect(res.headers['content-type']).toContain('application/json');
  });

  it('closes the loopback listener once done', async () => {
    let consentUrl = '';
    const b = browser();
    await signInWithGoogle({ roots, client, openBrowser: (u) => ((consentUrl = u), b.open(u)) });
    await expect(fetch(redirectOf(consentUrl))).rejects.toThrow();
  });

  it('asks for the Play scope too when told to', async () => {
    const tokens = await signInWithGoogle({ roots, client, scopes: googleScopes({ play: true }), openBrowser: browser().open });
    expect(tokens.scope).toBe(`${BUSINESS_SCOPE} ${PLAY_SCOPE}`);
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('ignores unrelated requests such as /favicon.ico', async () => {
    const b = browser();
    const extra: number[] = [];
    const tokens = await signInWithGoogle({
      roots,
      client,
      openBrowser: async (url) => {
        const loopback = redirectOf(url);
        extra.push((await fetch(`${loopback}/favicon.ico`)).status, (await fetch(`${loopback}/`)).status);
        await b.open(url);
      },
    });
    expect(extra).toEqual([404, 404]);
    expect(tokens.refresh_token).toBeTruthy();
  });

  it('refuses a redirect whose state does not match, and the page says so', async () => {
    const b = browser((redirect) => redirect.searchParams.set('state', 'forged-state'));
    const err = remember(await errorOf(signInWithGoogle({ roots, client, openBrowser: b.open })));
    await b.done();
    const { pages } = b;
    expect(err).toBeInstanceOf(GoogleSignInError);
    expect((err as GoogleSignInError).reason).toBe('state_mismatch');
    expect(err.message).toContain('state mismatch');
    expect(pages[0]).toMatch(/^400 /);
    expect(pages[0]).toContain('state mismatch');
    // The code was never exchanged.
    expect(emu.requests.some((r) => r.path === '/token')).toBe(false);
  });

  it('reports access_denied clearly and saves nothing', async () => {
    emu.setConsent('deny');
    const vault = createFileTokenVault(await tempDataDir());
    const auth = createGoogleAuth({ roots, client, vault });
    const b = browser();
    const err = remember(await errorOf(auth.connect({ openBrowser: b.open })));
    await b.done();
    expect(err).toBeInstanceOf(GoogleSignInError);
    expect((err as GoogleSignInError).reason).toBe('denied');
    expect((err as GoogleSignInError).code).toBe('forbidden');
    expect(err.message).toMatch(/cancelled: Kalm was not given access/);
    expect(b.pages[0]).toContain('Kalm was not connected');
    expect(await vault.load()).toBeNull();
  });

  it('escapes whatever the redirect carries before showing it', async () => {
    const b = browser((redirect) => {
      redirect.searchParams.delete('code');
      redirect.searchParams.set('error', '<script>alert(1)</script>');
    });
    const err = await errorOf(signInWithGoogle({ roots, client, openBrowser: b.open }));
    await b.done();
    const { pages } = b;
    expect((err as GoogleSignInError).reason).toBe('google_error');
    expect(pages[0]).not.toContain('<script>');
    expect(pages[0]).toContain('unknown_error');
  });

  it('gives up after the timeout and when aborted, closing the listener', async () => {
    let consentUrl = '';
    const slow = await errorOf(signInWithGoogle({ roots, client, timeoutMs: 150, openBrowser: (u) => (consentUrl = u) }));
    expect((slow as GoogleSignInError).reason).toBe('timeout');
    await expect(fetch(redirectOf(consentUrl))).rejects.toThrow();

    const ac = new AbortController();
    const cancelled = signInWithGoogle({ roots, client, signal: ac.signal, openBrowser: () => setTimeout(() => ac.abort(), 20) });
    expect(((await errorOf(cancelled)) as GoogleSignInError).reason).toBe('cancelled');

    const already = new AbortController();
    already.abort();
    expect(((await errorOf(signInWithGoogle({ roots, client, signal: already.signal, openBrowser: () => undefined }))) as GoogleSignInError).reason).toBe(
      'cancelled',
    );
  });

  it('reports a browser that cannot be opened', async () => {
    const err = await errorOf(
      signInWithGoogle({ roots, client, openBrowser: () => Promise.reject(new Error('xdg-open not found')) }),
    );
    expect((err as GoogleSignInError).reason).toBe('browser');
    expect(err.message).toContain('xdg-open not found');
  });

  it('names a wrong client secret without showing it', async () => {
    const wrong = { clientId: emu.clientId, clientSecret: 'GOCSPX-wrong-secret-value' };
    const b = browser();
    const err = remember(await errorOf(signInWithGoogle({ roots, client: wrong, openBrowser: b.open })));
    await b.done();
    expect((err as GoogleSignInError).reason).toBe('exchange_failed');
    expect(err.message).toContain('invalid_client');
    expect(err.message).toContain('Settings → Sources');
    expect(b.pages[0]).toMatch(/^502 .*invalid_client/s);
    seen.push(...b.pages);
  });
});

describe('kalm connect google', () => {
  it('prints the consent URL alone on a line and, with --no-open, waits for the user to open it', async () => {
    const vault = createFileTokenVault(await tempDataDir());
    const lines: string[] = [];
    const opened: string[] = [];
    const user = browser();
    const result = await connectGoogleFromCli({
      roots,
      client,
      vault,
      open: false,
      openInBrowser: (u) => opened.push(u),
      print: (line) => {
        lines.push(line);
        void user.open(line); // the owner copies the printed URL into a browser
      },
    });
    await user.done();
    expect(result).toEqual({ scopes: [BUSINESS_SCOPE] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^http\S+$/);
    expect(opened).toEqual([]);
    expect((await vault.load())?.refresh_token).toBeTruthy();
  });

  it('opens the browser by default, and an opener that fails is not fatal (the URL was printed)', async () => {
    const vault = createFileTokenVault(await tempDataDir());
    const b = browser();
    const lines: string[] = [];
    await connectGoogleFromCli({ roots, client, vault, open: true, print: (l) => lines.push(l), openInBrowser: b.open });
    await b.done();
    expect(b.pages[0]).toContain('Kalm is connected');
    expect(lines).toHaveLength(1);

    const user = browser();
    await connectGoogleFromCli({
      roots,
      client,
      vault,
      open: true,
      print: (l) => void user.open(l),
      openInBrowser: () => {
        throw new Error('no xdg-open');
      },
    });
    await user.done();
    expect(user.pages[0]).toContain('Kalm is connected');
  });
});

describe('authorised requests, refresh and revocation', () => {
  it('refreshes an access token Google stopped accepting and persists the new one', async () => {
    const { auth, vault } = await connected();
    const before = (await vault.load())!;
    emu.tokens.expireAll();

    const res = await listAccounts(auth);
    expect(res.status).toBe(200);
    const after = (await vault.load())!;
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).toBe(before.refresh_token);
    expect(after.expiry_date).toBeGreaterThan(Date.now());
    const refreshes = emu.requests.filter((r) => r.path === '/token');
    expect(refreshes).toHaveLength(2); // the code exchange and one refresh
  });

  it('refreshes ahead of time when the stored token is about to expire, and a new process picks it up', async () => {
    const { vault } = await connected();
    const old = (await vault.load())!;
    await vault.save({ ...old, expiry_date: Date.now() + 60_000 }); // within the 5-minute margin
    const fresh = createGoogleAuth({ roots, client, vault });
    expect((await listAccounts(fresh)).status).toBe(200);
    const after = (await vault.load())!;
    expect(after.access_token).not.toBe(old.access_token);
    expect(after.refresh_token).toBe(old.refresh_token);
    // Only a refresh token on disk works too.
    await vault.save({ refresh_token: old.refresh_token });
    expect((await listAccounts(createGoogleAuth({ roots, client, vault }))).status).toBe(200);
    expect((await vault.load())!.access_token).toBeTruthy();
  });

  it('turns a revoked grant into "connect again" and keeps the vault as it was', async () => {
    const { auth, vault } = await connected();
    const before = (await vault.load())!;
    emu.tokens.revokeAll();

    const err = remember(await errorOf(listAccounts(auth)));
    expect(isReconnectNeeded(err)).toBe(true);
    expect(err.message).toBe(RECONNECT_MESSAGE);
    expect(await vault.load()).toEqual(before);

    // The same when the library itself refreshes an expired token.
    await vault.save({ ...before, expiry_date: Date.now() - 1000 });
    const later = remember(await errorOf(listAccounts(createGoogleAuth({ roots, client, vault }))));
    expect(isReconnectNeeded(later)).toBe(true);
    expect((await vault.load())!.refresh_token).toBe(before.refresh_token);
  });

  it('says "not connected" without tokens', async () => {
    const auth = createGoogleAuth({ roots, client, vault: createFileTokenVault(await tempDataDir()) });
    expect(await auth.hasTokens()).toBe(false);
    const err = await errorOf(listAccounts(auth));
    expect(isReconnectNeeded(err)).toBe(true);
    expect((err as { reason?: string }).reason).toBe('not_connected');
  });

  it('translates API errors into GoogleHttpError with status, body and Retry-After', async () => {
    const { auth } = await connected();
    emu.faults.add({ match: '/v1/accounts', status: 429, body: 'quota-zero', retryAfterSeconds: 7 });
    const quota = remember(await errorOf(listAccounts(auth)));
    expect(quota).toBeInstanceOf(GoogleHttpError);
    expect((quota as GoogleHttpError).status).toBe(429);
    expect((quota as GoogleHttpError).retryAfterSeconds).toBe(7);
    expect(quota.message).toContain('Quota exceeded');
    expect((quota as GoogleHttpError).body).toMatchObject({ error: { status: 'RESOURCE_EXHAUSTED' } });

    const missing = remember(await errorOf(auth.http.request({ url: v4Url(roots, `${FIXTURE_UTRECHT}/reviews/does-not-exist`) })));
    expect((missing as GoogleHttpError).status).toBe(404);
    expect((missing as GoogleHttpError).body).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });

    // Exactly one attempt each: the sync code does its own retries.
    expect(emu.requests.filter((r) => r.path === '/v1/accounts')).toHaveLength(1);
  });

  it('reports a network failure as status 0', async () => {
    const { vault } = await connected();
    const port = await closedPort();
    const auth = createGoogleAuth({ roots: { ...roots, api: `http://127.0.0.1:${port}` }, client, vault });
    const err = remember(await errorOf(auth.http.request({ url: `http://127.0.0.1:${port}/v1/accounts` })));
    expect(err).toBeInstanceOf(GoogleHttpError);
    expect((err as GoogleHttpError).status).toBe(0);
    expect(err.message).toMatch(/could not reach Google/);
  });

  it('disconnect revokes at Google and clears the vault', async () => {
    const { auth, vault } = await connected();
    const tokens = (await vault.load())!;
    expect(await auth.disconnect()).toEqual({ revoked: true });
    expect(await vault.load()).toBeNull();
    expect(isReconnectNeeded(await errorOf(listAccounts(auth)))).toBe(true);
    // The grant is dead at Google too.
    const res = await fetch(emu.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: emu.clientId, client_secret: emu.clientSecret }),
    });
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });
});

describe('no token ever shows', () => {
  it('in any error message, page or log line of the flows above (run last)', async () => {
    // Run a full flow here too, so there are live tokens to look for.
    const warnings: string[] = [];
    const { auth, vault } = await connected({ warnings });
    const stored: StoredGoogleTokens = (await vault.load())!;
    emu.tokens.revokeAll();
    remember(await errorOf(listAccounts(auth)));
    const codes = emu.requests.filter((r) => r.path === '/token');
    expect(codes.length).toBeGreaterThan(0);

    const text = [...seen, ...warnings].join('\n');
    expect(seen.length).toBeGreaterThan(5);
    for (const secret of [stored.refresh_token, stored.access_token!, emu.clientSecret, 'GOCSPX-wrong-secret-value']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/ya29\.|1\/\/09|4\/0AEmu|Bearer [^[]/);
    expect(await readFile(vault.path, 'utf8')).toContain(stored.refresh_token); // the vault itself does hold it
  });
});

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((ok) => srv.close(() => ok()));
  return port;
}
