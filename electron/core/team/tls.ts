import { readFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { KalmError } from '../../../shared/domain/errors';
import { tlsProblemOf, tlsSubcode, type TlsProblem } from '../../../shared/team/tls-problem';

/**
 * TLS for the team server. A server whose certificate the usual roots do not vouch for (a company CA, a self-signed
 * certificate) is trusted only through the CA certificate the member gives (`--ca-file`, Settings → Team workspace),
 * kept in team.json: never by turning certificate checks off.
 */

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const MAX_CA_BYTES = 1_000_000;

/** Reads a CA certificate file (PEM, one or more certificates) and returns its certificates; a clear message otherwise. */
export async function readCaFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new KalmError('invalid_input', `The CA certificate file ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const certs = text.length <= MAX_CA_BYTES ? (text.match(PEM_CERT) ?? []) : [];
  if (certs.length === 0) {
    throw new KalmError('invalid_input', `${path} holds no CA certificate in PEM form ("-----BEGIN CERTIFICATE-----"). Ask whoever runs the team server for the CA's .pem or .crt file.`);
  }
  return `${certs.join('\n')}\n`;
}

/** What a connection to the team server trusts: the usual roots, plus the team's own CA when one was given. */
export interface TeamTls {
  /** For https:// servers; undefined for the default trust (Node's own agent). */
  agent: Agent | undefined;
}

export const DEFAULT_TLS: TeamTls = { agent: undefined };

export const teamTls = (ca: string | null | undefined): TeamTls =>
  ca ? { agent: new Agent({ ca: [...rootCertificates, ca], keepAlive: true }) } : DEFAULT_TLS;

/** The team's CA read from `caFile` for `server` (null without one); refused for an http:// server, where it would do nothing. */
export async function caForServer(server: string, caFile: string | undefined): Promise<{ file: string; pem: string } | null> {
  if (!caFile) return null;
  if (!server.startsWith('https://')) throw new KalmError('invalid_input', `A CA certificate only applies to an https:// team server; ${server} is not one.`);
  return { file: caFile, pem: await readCaFile(caFile) };
}

const host = (server: string): string => {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
};

const MESSAGES: Record<TlsProblem, (h: string, code: string) => string> = {
  untrusted: (h, code) => `The certificate of ${h} is not trusted on this computer (${code}): it is self-signed or signed by a CA this computer does not know, such as a company CA. If your team uses its own CA, give its certificate file (PEM) with --ca-file or in Settings → Team workspace. Your local work goes on.`,
  expired: (h, code) => `The certificate of ${h} has expired (${code}). Ask whoever runs the team server to renew it, and check this computer's date. Your local work goes on.`,
  'not-yet-valid': (h, code) => `The certificate of ${h} is not valid yet (${code}). Check this computer's date and time. Your local work goes on.`,
  hostname: (h, code) => `The certificate of ${h} was made for another host name (${code}). Use the server address the certificate names, or ask whoever runs the team server. Your local work goes on.`,
  'no-tls': (h, code) => `${h} does not answer with HTTPS (${code}). Check the address: http:// or https://, and the port. Your local work goes on.`,
  other: (h, code) => `A secure connection to ${h} could not be made (${code}). Your local work goes on.`,
};

/** The error code of a failed request (Node puts it on the error, fetch and node-fetch on it or its cause). */
export const errorCodeOf = (err: unknown): string => {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : '';
};

/** A TLS failure as a clear KalmError (its subcode says which, for the UI's translation); null for any other failure. */
export function tlsFailure(server: string, err: unknown): KalmError | null {
  const code = errorCodeOf(err);
  const problem = tlsProblemOf(code);
  return problem ? new KalmError('forbidden', MESSAGES[problem](host(server), code), undefined, tlsSubcode(problem)) : null;
}
