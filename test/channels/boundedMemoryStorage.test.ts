/**
 * The default storage keeps a bounded number of conversations, each for a bounded idle time.
 * (It also passes the Storage contract run against every backend in redisStorage.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { BoundedMemoryStorage } from '../../src/channels/boundedMemoryStorage.js';

const key = (index: number) => `webchat/assistant-rh/conversations/web-${index}`;

describe('BoundedMemoryStorage', () => {
  it('keeps at most its maximum number of states, dropping the least recently used', async () => {
    const storage = new BoundedMemoryStorage({ maxItems: 3, idleTtlMs: 60_000 });
    for (const index of [1, 2, 3]) await storage.write({ [key(index)]: { welcomed: true } });
    // Conversation 1 speaks again: conversation 2 is now the least recently used.
    await storage.read([key(1)]);
    await storage.write({ [key(4)]: { welcomed: true } });
    expect(storage.size).toBe(3);
    expect(Object.keys(await storage.read([1, 2, 3, 4].map(key)))).toEqual([key(1), key(3), key(4)]);
  });

  it('drops a state left idle past its lifetime; each turn renews it', async () => {
    const storage = new BoundedMemoryStorage({ maxItems: 10, idleTtlMs: 300 });
    await storage.write({ [key(1)]: { welcomed: true }, [key(2)]: { welcomed: true } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await storage.read([key(1)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(Object.keys(await storage.read([key(1), key(2)]))).toEqual([key(1)]);
  });

  it('writes a batch all or nothing when one eTag is stale', async () => {
    const storage = new BoundedMemoryStorage({ maxItems: 10, idleTtlMs: 60_000 });
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    const { a, b } = await storage.read(['a', 'b']);
    await storage.write({ b: { ...b, n: 2 } });
    await expect(storage.write({ a: { ...a, n: 3 }, b: { ...b, n: 3 } })).rejects.toThrow();
    expect((await storage.read(['a'])).a.n).toBe(1);
  });

  it('hands out copies: changing what was read does not change what is stored', async () => {
    const storage = new BoundedMemoryStorage({ maxItems: 10, idleTtlMs: 60_000 });
    await storage.write({ a: { roles: ['x'] } });
    const first = await storage.read(['a']);
    first.a.roles.push('y');
    expect((await storage.read(['a'])).a.roles).toEqual(['x']);
  });
});
