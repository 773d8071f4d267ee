import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/**
 * TLS in front of the stand-in, as a team's reverse proxy would be: a real Node https server on 127.0.0.1 that
 * passes every request to the stand-in's http URL. Its certificates come from a test CA made at run time
 * (`selfsigned`, Node's own crypto), so no computer trusts them unless told to.
 */

export interface TestCa {
  /** The CA certificate (PEM), what a team hands its members as the CA file. */
  cert: string;
  key: string;
}

export type FrontCert = 'valid' | 'expired' | 'other-host';

const DAY = 86_400_000;

export async function makeTestCa(): Promise<TestCa> {
  const ca = await generate([{ name: 'commonName', value: 'Bakkerij Test CA' }], {
    keyType: 'ec', algorithm: 'sha256', notBeforeDate: new Date(Date.now() - DAY), notAfterDate: new Date(Date.now() + 30 * DAY),
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }],
  });
  return { cert: ca.cert, key: ca.private };
}

/** A server certificate signed by `ca`: for 127.0.0.1 (valid or expired), or for another host name. */
async function serverCert(ca: TestCa, kind: FrontCert): Promise<{ cert: string; key: string }> {
  const name = kind === 'other-host' ? 'couch.example.com' : '127.0.0.1';
  const expired = kind === 'expired';
  const pems = await generate([{ name: 'commonName', value: name }], {
    keyType: 'ec', algorithm: 'sha256', ca: { cert: ca.cert, key: ca.key },
    notBeforeDate: new Date(Date.now() - (expired ? 60 : 1) * DAY), notAfterDate: new Date(Date.now() + (expired ? -30 : 30) * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: kind === 'other-host' ? [{ type: 2, value: name }] : [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

export interface HttpsFront {
  url: string;
  close(): Promise<void>;
}

/**
 * An https reverse proxy on 127.0.0.1 in front of `target` (the stand-in's http URL), with a `kind` certificate signed
 * by `ca`; on `port` (0: any free one), so a test can put another certificate at the same address.
 */
export async function startHttpsFront(target: string, ca: TestCa, kind: FrontCert = 'valid', port = 0): Promise<HttpsFront> {
  const { cert, key } = await serverCert(ca, kind);
  const server: Server = createServer({ cert, key }, (req, res) => {
    const upstream = httpRequest(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('tlsClientError', () => undefined); // a client refusing the certificate is what these tests expect
  await new Promise<void>((res) => server.listen(port, '127.0.0.1', res));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((res) => {
      server.close(() => res());
      server.closeAllConnections();
    }),
  };
}
