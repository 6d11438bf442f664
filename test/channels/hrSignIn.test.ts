/**
 * Entra ID sign-in on /rh (OpenID Connect with PKCE), against a stand-in provider: nothing without
 * a session (401 for the JSON, a redirect to sign-in for the page); an allowed e-mail or group gets
 * in; anyone else gets 403 and no session.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowed, oidcAuth } from '../../src/channels/hrAuth.js';
import { startTestBot, type TestBot } from './support/botServer.js';
import { startOidcProvider, type OidcProvider } from './support/oidcProvider.js';

const CLIENT_ID = 'assistant-rh-dashboard';

let provider: OidcProvider;
let bot: TestBot;

beforeAll(async () => {
  provider = await startOidcProvider(CLIENT_ID);
  const auth = oidcAuth(
    {
      kind: 'oidc',
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      clientSecret: 'secret',
      redirectUri: undefined,
      allowedGroups: ['grp-rh'],
      allowedEmails: ['drh@example.com'],
      sessionSecret: undefined,
    },
    pino({ level: 'silent' }),
    { allowHttpProvider: true },
  );
  bot = await startTestBot({ database: { kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'assistant-rh-oidc-')), 'insights.sqlite') }, hrAuth: auth });
});

afterAll(async () => {
  await bot?.close();
  await provider?.close();
});

/** Follows the sign-in redirects by hand; returns the callback's answer and the session cookie. */
async function signIn(): Promise<{ status: number; cookie: string | undefined }> {
  const login = await fetch(`${bot.url}/rh/login`, { redirect: 'manual' });
  expect(login.status).toBe(302);
  const authorize = new URL(login.headers.get('location')!);
  expect(authorize.origin).toBe(provider.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const loginCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = await fetch(back.headers.get('location')!, { redirect: 'manual', headers: { cookie: loginCookie } });
  const session = callback.headers.getSetCookie().find((cookie) => cookie.startsWith('rh_session=') && !cookie.startsWith('rh_session=;'));
  return { status: callback.status, cookie: session?.split(';')[0] };
}

describe('/rh with Entra ID sign-in', () => {
  it('answers 401 to the JSON and sends the page to sign-in without a session', async () => {
    expect((await fetch(`${bot.url}/rh/api/summary`)).status).toBe(401);
    const page = await fetch(`${bot.url}/rh/`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/rh/login');
  });

  it('lets in an allowed e-mail, with a session cookie for the JSON', async () => {
    provider.user = { email: 'DRH@example.com', name: 'Dominique RH' };
    const { status, cookie } = await signIn();
    expect(status).toBe(302);
    expect(cookie).toBeDefined();
    const summary = await fetch(`${bot.url}/rh/api/summary`, { headers: { cookie: cookie! } });
    expect(summary.status).toBe(200);
    const tickets = await fetch(`${bot.url}/rh/api/tickets`, { headers: { cookie: cookie! } }).then((response) => response.json());
    expect(tickets.user).toMatchObject({ name: 'Dominique RH' });
  });

  it('lets in a member of an allowed group', async () => {
    provider.user = { email: 'someone@example.com', groups: ['grp-autre', 'grp-rh'] };
    expect((await signIn()).cookie).toBeDefined();
  });

  it('refuses anyone else with 403 and no session', async () => {
    provider.user = { email: 'stagiaire@example.com', groups: ['grp-autre'] };
    const { status, cookie } = await signIn();
    expect(status).toBe(403);
    expect(cookie).toBeUndefined();
  });

  it('refuses a forged session cookie', async () => {
    expect((await fetch(`${bot.url}/rh/api/summary`, { headers: { cookie: 'rh_session=eyJ1c2VyIjp7fX0.forged' } })).status).toBe(401);
  });
});

describe('the allow-list', () => {
  it('matches group ids exactly and e-mails without regard to case', () => {
    expect(isAllowed({ groups: ['a', 'b'] }, ['b'], [])).toBe(true);
    expect(isAllowed({ preferred_username: 'DRH@Example.com' }, [], ['drh@example.com'])).toBe(true);
    expect(isAllowed({ email: 'x@example.com', groups: 'b' }, ['b'], [])).toBe(false);
  });
});
