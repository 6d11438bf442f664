/**
 * A token issuer of our own, standing in for Microsoft Entra: an RSA key pair, its key set served
 * at `<authority>/discovery/v2.0/keys` (where the SDK looks for the keys of a configured
 * authority), and tokens signed with it. Lets tests run the real JWT check offline.
 */
import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface TokenIssuer {
  /** The authority to configure (`connections__serviceConnection__settings__authorityEndpoint`). */
  authority: string;
  /** The key id its tokens are signed with. */
  keyId: string;
  /** How many times its key set was fetched. */
  readonly keySetFetches: number;
  /** A token for `audience`, signed with this issuer's key (or with `keyId` in its header). */
  token(audience: string, options?: { keyId?: string; claims?: Record<string, unknown> }): string;
  close(): Promise<void>;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startTokenIssuer(tenantId: string): Promise<TokenIssuer> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyId = `test-key-${randomUUID()}`;
  const jwk = { ...(publicKey as KeyObject).export({ format: 'jwk' }), kid: keyId, use: 'sig', alg: 'RS256', kty: 'RSA' };
  let keySetFetches = 0;
  const server: Server = createServer((request, response) => {
    if (request.url === `/${tenantId}/discovery/v2.0/keys`) {
      keySetFetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const authority = `http://127.0.0.1:${port}/${tenantId}`;
  return {
    authority,
    keyId,
    get keySetFetches() {
      return keySetFetches;
    },
    token(audience, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const header = base64url({ alg: 'RS256', typ: 'JWT', kid: options.keyId ?? keyId });
      const payload = base64url({ aud: audience, iss: `${authority}/v2.0`, tid: tenantId, iat: now, nbf: now, exp: now + 600, ...options.claims });
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
      return `${header}.${payload}.${signature}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
