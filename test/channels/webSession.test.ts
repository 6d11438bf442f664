/**
 * The page's session tokens on their own: what a token names, its expiry, its renewal, and the
 * forgeries it refuses. (webChannel.test.ts checks the routes; the browser test, the page.)
 */
import { describe, expect, it } from 'vitest';
import { WebSessions } from '../../src/channels/webSession.js';

/** A clock the test moves by hand. */
function clock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('web sessions', () => {
  it('name a fresh conversation and user of their own, checked with the secret alone', () => {
    const sessions = new WebSessions({ secret: 's'.repeat(32), ttlMs: 60_000 });
    const issued = sessions.issue();
    expect(sessions.verify(issued.token)).toEqual({ conversationId: issued.conversationId, userId: issued.userId, expiresAt: issued.expiresAt });
    // Another process with the same secret accepts it; one with another secret does not.
    expect(new WebSessions({ secret: 's'.repeat(32), ttlMs: 60_000 }).verify(issued.token)).not.toBeNull();
    expect(new WebSessions({ secret: 't'.repeat(32), ttlMs: 60_000 }).verify(issued.token)).toBeNull();
    expect(new WebSessions({ ttlMs: 60_000 }).verify(issued.token)).toBeNull();
  });

  it('expire after their lifetime, and a renewal keeps the conversation with a new expiry', () => {
    const time = clock();
    const sessions = new WebSessions({ ttlMs: 60_000, now: time.now });
    const issued = sessions.issue();
    time.advance(45_000);
    const renewed = sessions.renew(issued.token);
    expect(renewed).toMatchObject({ conversationId: issued.conversationId, userId: issued.userId, expiresAt: issued.expiresAt + 45_000 });
    time.advance(20_000);
    expect(sessions.verify(issued.token)).toBeNull();
    expect(sessions.renew(issued.token)).toBeNull();
    expect(sessions.verify(renewed!.token)).not.toBeNull();
  });

  it('refuse a token whose ids or expiry were changed, or that is not one', () => {
    const sessions = new WebSessions({ ttlMs: 60_000 });
    const { token, conversationId } = sessions.issue();
    const [version, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forge = (changes: Record<string, unknown>) =>
      `${version}.${Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url')}.${signature}`;
    const otherConversation = `${conversationId.startsWith('0') ? '1' : '0'}${conversationId.slice(1)}`;
    expect(sessions.verify(forge({ c: otherConversation }))).toBeNull();
    expect(sessions.verify(forge({ e: claims.e + 3_600_000 }))).toBeNull();
    for (const junk of [undefined, '', 'abc', `${token}.x`, `v2.${payload}.${signature}`, 'v1..', 'x'.repeat(10_000)]) {
      expect(sessions.verify(junk)).toBeNull();
    }
  });
});
