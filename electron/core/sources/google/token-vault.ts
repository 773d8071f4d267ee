import { join } from 'node:path';
import { z } from 'zod';
import { KalmError } from '../../../../shared/domain/errors';
import type { JsonFileSpec } from '../../store/json-file-recovery';
import { removeFileDurable } from '../../store/atomic-write';
import { readSecretFile, writeSecretFile } from '../../store/owner-only-files';

/**
 * Where Kalm keeps the owner's Google grant. The refresh token is what matters (it outlives
 * every access token); the rest saves a refresh on the next start. Electron encrypts it with
 * safeStorage (electron/safe-storage-vault.ts); the web host and CLI use a 0600 file.
 */
export const StoredGoogleTokens = z.object({
  refresh_token: z.string().min(1),
  access_token: z.string().min(1).optional(),
  /** Milliseconds since the epoch when access_token stops working. */
  expiry_date: z.number().int().nonnegative().optional(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
  id_token: z.string().optional(),
});
export type StoredGoogleTokens = z.infer<typeof StoredGoogleTokens>;

export interface TokenVault {
  /** How the core checks this store's file at start (Electron's keychain files decrypt; see store/data-files.ts). */
  readonly recoverySpec?: JsonFileSpec<unknown>;
  load(): Promise<StoredGoogleTokens | null>;
  save(tokens: StoredGoogleTokens): Promise<void>;
  clear(): Promise<void>;
}

export const TOKEN_FILE = 'google-tokens.json';

/** The fields of google-auth-library's Credentials that Kalm keeps (they allow null). */
export interface CredentialsLike {
  refresh_token?: string | null;
  access_token?: string | null;
  expiry_date?: number | null;
  scope?: string;
  token_type?: string | null;
  id_token?: string | null;
}

/**
 * Merges fresh credentials over what is stored. A refresh answer has no refresh_token, so the
 * old one stays; a new access token without an expiry drops the old expiry. Null when there is
 * no refresh token at all (nothing worth keeping).
 */
export function mergeTokens(previous: StoredGoogleTokens | null, fresh: CredentialsLike): StoredGoogleTokens | null {
  const refresh_token = fresh.refresh_token || previous?.refresh_token;
  if (!refresh_token) return null;
  const base: Partial<StoredGoogleTokens> = { ...previous };
  if (fresh.access_token) {
    base.access_token = fresh.access_token;
    delete base.expiry_date;
  }
  const merged: Record<string, unknown> = { ...base, refresh_token };
  for (const key of ['expiry_date', 'scope', 'token_type', 'id_token'] as const) {
    const v = fresh[key];
    if (v !== null && v !== undefined) merged[key] = v;
  }
  const parsed = StoredGoogleTokens.safeParse(merged);
  return parsed.success ? parsed.data : null;
}

const unreadable = (path: string): KalmError =>
  new KalmError('storage', `The saved Google sign-in in ${path} could not be read. Connect Google again in Sources; your reviews are kept.`);

/** Checks tokens before they are written; the message never carries a value. */
export function validForSave(tokens: unknown): StoredGoogleTokens {
  const parsed = StoredGoogleTokens.safeParse(tokens);
  if (!parsed.success) throw new KalmError('internal', 'Kalm tried to save an incomplete Google sign-in (it needs a refresh token). Nothing was saved.');
  return parsed.data;
}

/** Parses the vault's JSON text; never echoes the content (it holds tokens). */
export function parseStoredTokens(text: string, path: string): StoredGoogleTokens {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw unreadable(path);
  }
  const parsed = StoredGoogleTokens.safeParse(raw);
  if (!parsed.success) throw unreadable(path);
  return parsed.data;
}

/** `<dataDir>/google-tokens.json`, mode 0600, written atomically. For the web host and the CLI. */
export function createFileTokenVault(dataDir: string): TokenVault & { readonly path: string } {
  const path = join(dataDir, TOKEN_FILE);
  return {
    path,
    async load() {
      const text = await readSecretFile(path);
      return text === null ? null : parseStoredTokens(text, path);
    },
    async save(tokens) {
      await writeSecretFile(path, `${JSON.stringify(validForSave(tokens), null, 2)}\n`);
    },
    async clear() {
      await removeFileDurable(path);
    },
  };
}

/** A vault in memory (tests, or a host that must not write secrets to disk). */
export function createMemoryTokenVault(initial: StoredGoogleTokens | null = null): TokenVault {
  let current = initial;
  return {
    load: async () => (current ? { ...current } : null),
    save: async (tokens) => {
      current = validForSave(tokens);
    },
    clear: async () => {
      current = null;
    },
  };
}
