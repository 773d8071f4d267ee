import { z } from 'zod';
import { KalmError } from '../domain/errors';

/** A Google Cloud service-account key file is a few KB; anything much larger is not one. */
export const MAX_KEY_FILE_CHARS = 20_000;

const PEM_PRIVATE_KEY = /^-----BEGIN (RSA )?PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END (RSA )?PRIVATE KEY-----\s*$/;

/**
 * The JSON key Google Cloud gives for a service account ("Keys → Add key → JSON"). Only the fields Kalm
 * uses are required; the others (project_id, auth_uri, cert URLs, universe_domain) are kept as they are.
 */
export const ServiceAccountKey = z.looseObject({
  type: z.literal('service_account', { error: 'the key\'s "type" must be "service_account"' }),
  client_email: z.email({ error: 'the key has no valid "client_email" (the service account\'s address)' }),
  private_key: z.string({ error: 'the key has no "private_key"' }).regex(PEM_PRIVATE_KEY, { error: 'the key\'s "private_key" is not a PEM private key (-----BEGIN PRIVATE KEY----- …)' }),
  private_key_id: z.string().min(1).optional(),
  token_uri: z.url({ error: 'the key has no valid "token_uri"' }),
  project_id: z.string().optional(),
  client_id: z.string().optional(),
});
export type ServiceAccountKey = z.infer<typeof ServiceAccountKey>;

/** What Kalm shows about a stored key (never the private key). */
export const ServiceAccountInfo = z.object({ clientEmail: z.string(), projectId: z.string().nullable(), keyId: z.string().nullable() });
export type ServiceAccountInfo = z.infer<typeof ServiceAccountInfo>;

export const serviceAccountInfo = (key: ServiceAccountKey): ServiceAccountInfo =>
  ({ clientEmail: key.client_email, projectId: key.project_id ?? null, keyId: key.private_key_id ?? null });

const bad = (why: string): KalmError => new KalmError('invalid_input', `This is not a usable Google service-account key: ${why}.`, [{ path: 'key', message: why }]);

/**
 * Reads a service-account JSON key, with a message that says what is wrong with a wrong file (an OAuth
 * client file, a refresh-token file, not JSON at all…). Never echoes the file's content: it holds a private key.
 */
export function parseServiceAccountKey(text: string): ServiceAccountKey {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw bad('the file is empty');
  if (trimmed.length > MAX_KEY_FILE_CHARS) throw bad(`the file is ${trimmed.length} characters long, and a key file is about 2,300`);
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    throw bad(trimmed.startsWith('-----BEGIN') ? 'this is a bare PEM key; choose the JSON key file Google Cloud downloaded' : 'the file is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad('the file is not a JSON object');
  const obj = raw as Record<string, unknown>;
  if ('installed' in obj || 'web' in obj) throw bad('this is an OAuth client file (for "Sign in with Google"), not a service-account key; in Google Cloud open IAM → Service accounts → Keys → Add key → JSON');
  if (obj.type === 'authorized_user') throw bad('this file holds a user sign-in (type "authorized_user"), not a service-account key');
  if (obj.type === 'external_account') throw bad('this is a workload-identity configuration (type "external_account"), not a service-account key');
  const parsed = ServiceAccountKey.safeParse(obj);
  if (!parsed.success) throw bad(parsed.error.issues[0]?.message ?? 'it lacks required fields');
  return parsed.data;
}
