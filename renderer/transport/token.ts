/** The web host opens the page at `/#token=…`; the token moves to sessionStorage and leaves the address bar. */

export const TOKEN_KEY = 'kalm.token';

interface TokenPlace {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

const safeGet = (storage: TokenPlace['storage']): string | null => {
  try {
    return storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
};

/**
 * Reads `token=` from the hash (keeping any other hash state), stores it and
 * rewrites the address without it. Returns the token from the hash or, on a
 * reload, the stored one.
 */
export function captureToken({ location, history, storage }: TokenPlace): string | null {
  const raw = location.hash.replace(/^#/, '');
  const parts = raw === '' ? [] : raw.split('&');
  const tokenPart = parts.find((p) => p.startsWith('token='));
  if (tokenPart === undefined) return safeGet(storage);

  let token: string;
  try {
    token = decodeURIComponent(tokenPart.slice('token='.length));
  } catch {
    token = tokenPart.slice('token='.length);
  }
  try {
    storage?.setItem(TOKEN_KEY, token);
  } catch {
    // storage disabled: the token lives in memory for this page only
  }
  const rest = parts.filter((p) => !p.startsWith('token=')).join('&');
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return token === '' ? safeGet(storage) : token;
}

/** The token to send now: the one captured at start, else whatever sessionStorage holds. */
export const storedToken = (storage: TokenPlace['storage']): string | null => safeGet(storage);
