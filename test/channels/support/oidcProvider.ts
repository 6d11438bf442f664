/**
 * A stand-in OpenID Connect provider on loopback (the part of Entra ID that sign-in uses):
 * discovery document, key set, an authorization endpoint that signs the configured person in at
 * once, and a token endpoint that checks the PKCE verifier and returns an RS256 id_token.
 */
import { createHash, createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcProvider {
  issuer: string;
  /** Who the next sign-in is (claims merged into the id_token). */
  user: Record<string, unknown>;
  close(): Promise<void>;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export async function startOidcProvider(clientId: string): Promise<OidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { nonce: string; challenge: string; user: Record<string, unknown> }>();
  let issuer = '';
  const provider: OidcProvider = { issuer: '', user: {}, close: async () => undefined };
  const sign = (claims: Record<string, unknown>) => {
    const input = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'test-key' }))}.${base64url(JSON.stringify(claims))}`;
    return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', issuer);
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const json = (status: number, value: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (url.pathname === '/.well-known/openid-configuration') {
        json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/keys`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      } else if (url.pathname === '/keys') {
        json(200, { keys: [jwk] });
      } else if (url.pathname === '/authorize') {
        const code = randomUUID();
        codes.set(code, { nonce: url.searchParams.get('nonce') ?? '', challenge: url.searchParams.get('code_challenge') ?? '', user: { ...provider.user } });
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', code);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        response.writeHead(302, { location: back.href }).end();
      } else if (url.pathname === '/token' && request.method === 'POST') {
        const form = new URLSearchParams(body);
        const grant = codes.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
          json(400, { error: 'invalid_grant' });
          return;
        }
        codes.delete(form.get('code') ?? '');
        const now = Math.floor(Date.now() / 1000);
        json(200, {
          access_token: randomUUID(),
          token_type: 'Bearer',
          expires_in: 3600,
          id_token: sign({ iss: issuer, aud: clientId, sub: 'user-1', iat: now, exp: now + 600, nonce: grant.nonce, ...grant.user }),
        });
      } else {
        json(404, { error: 'not_found' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider.issuer = issuer;
  provider.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return provider;
}
