import { MemoryStorage, type Storage } from '@microsoft/agents-hosting';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  REDIS_STORAGE_MESSAGES,
  RedisStorage,
  type RedisStorageOptions,
  type StorageLogger,
} from '../../src/channels/redisStorage.js';
import { createStorage } from '../../src/channels/conversationStorage.js';
import { BoundedMemoryStorage } from '../../src/channels/boundedMemoryStorage.js';
import { freePort, redisServerInstalled, startRedisServer, type RedisServer } from './support/redisServer.js';

/** The SDK's error code for an eTag conflict (HostingErrors.StorageETagConflict). */
const ETAG_CONFLICT = -120700;

interface LogEntry {
  level: 'warn' | 'info';
  obj: object;
  msg: string;
}

function recordingLogger(): StorageLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    warn: (obj, msg) => entries.push({ level: 'warn', obj, msg }),
    info: (obj, msg) => entries.push({ level: 'info', obj, msg }),
  };
}

/** Short timeouts so outage tests run in seconds; production keeps the defaults. */
const FAST: Partial<RedisStorageOptions> = {
  connectTimeoutMs: 500,
  commandTimeoutMs: 300,
  reconnectBaseDelayMs: 50,
  reconnectMaxDelayMs: 200,
};

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work;
  return { value, ms: performance.now() - start };
}

/** Retries `check` until it passes or `timeoutMs` runs out. */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const installed = redisServerInstalled();
if (!installed) {
  console.warn('RedisStorage tests skipped: `redis-server` is not installed (apt-get install -y redis-server).');
}

let redis: RedisServer | undefined;
const opened: RedisStorage[] = [];

function redisStorage(options: Partial<RedisStorageOptions> = {}): RedisStorage {
  if (!redis) throw new Error('redis-server is not running');
  const storage = new RedisStorage({ url: redis.url, logger: recordingLogger(), keyPrefix: 'test:', ...FAST, ...options });
  opened.push(storage);
  return storage;
}

async function connectedRedisStorage(options: Partial<RedisStorageOptions> = {}): Promise<RedisStorage> {
  const storage = redisStorage(options);
  expect(await storage.connect(2_000)).toBe(true);
  return storage;
}

async function rawClient() {
  if (!redis) throw new Error('redis-server is not running');
  const client = createClient({ url: redis.url });
  await client.connect();
  return client;
}

if (installed) {
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((storage) => storage.close()));
    await redis?.start();
    const client = await rawClient();
    await client.flushAll();
    await client.close();
  });
  afterAll(async () => {
    await redis?.kill();
  });
}

const backends: { name: string; skip: boolean; make: () => Promise<Storage> }[] = [
  { name: 'MemoryStorage (the SDK reference)', skip: false, make: async () => new MemoryStorage() },
  { name: 'BoundedMemoryStorage', skip: false, make: async () => new BoundedMemoryStorage({ maxItems: 100, idleTtlMs: 60_000 }) },
  { name: 'RedisStorage', skip: !installed, make: () => connectedRedisStorage() },
];

describe.each(backends)('$name follows the Storage contract', ({ skip, make }) => {
  it.skipIf(skip)('reads back what was written, with an eTag, and leaves out missing keys', async () => {
    const storage = await make();
    await storage.write({ 'msteams/bot/conversations/1': { context: { article: 'a', roles: ['digital'] } } });
    const items = await storage.read(['msteams/bot/conversations/1', 'msteams/bot/conversations/absent']);
    expect(Object.keys(items)).toEqual(['msteams/bot/conversations/1']);
    expect(items['msteams/bot/conversations/1']).toMatchObject({ context: { article: 'a', roles: ['digital'] } });
    expect(typeof items['msteams/bot/conversations/1'].eTag).toBe('string');
  });

  it.skipIf(skip)('refuses to read without keys', async () => {
    const storage = await make();
    await expect(storage.read([])).rejects.toThrow();
  });

  it.skipIf(skip)('deletes items', async () => {
    const storage = await make();
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a']);
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
  });

  it.skipIf(skip)('accepts a write carrying the eTag it read, and then changes the eTag', async () => {
    const storage = await make();
    await storage.write({ k: { n: 1 } });
    const first = (await storage.read(['k'])).k;
    await storage.write({ k: { ...first, n: 2 } });
    const second = (await storage.read(['k'])).k;
    expect(second.n).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
  });

  it.skipIf(skip)("rejects a stale eTag with the SDK's eTag conflict error, keeping the newer value", async () => {
    const storage = await make();
    await storage.write({ k: { n: 1 } });
    const stale = (await storage.read(['k'])).k;
    await storage.write({ k: { ...stale, n: 2 } });
    await expect(storage.write({ k: { ...stale, n: 3 } })).rejects.toMatchObject({
      code: ETAG_CONFLICT,
      message: expect.stringContaining('"k"'),
    });
    expect((await storage.read(['k'])).k.n).toBe(2);
  });

  it.skipIf(skip)("always writes an item whose eTag is '*' or missing", async () => {
    const storage = await make();
    await storage.write({ k: { n: 1 } });
    await storage.write({ k: { n: 2, eTag: '*' } });
    expect((await storage.read(['k'])).k.n).toBe(2);
    await storage.write({ k: { n: 3 } });
    expect((await storage.read(['k'])).k.n).toBe(3);
  });
});

describe.skipIf(!installed)('RedisStorage on a real redis-server', () => {
  it('stores JSON under the configured key prefix', async () => {
    const storage = await connectedRedisStorage({ keyPrefix: 'rh:' });
    await storage.write({ 'webchat/bot/conversations/x': { n: 1 } });
    const client = await rawClient();
    const raw = await client.get('rh:webchat/bot/conversations/x');
    await client.close();
    expect(JSON.parse(raw ?? 'null')).toMatchObject({ n: 1, eTag: expect.any(String) });
  });

  it('lets exactly one of two bot processes win when both write from the same read', async () => {
    const [one, two] = await Promise.all([connectedRedisStorage(), connectedRedisStorage()]);
    await one.write({ conv: { turn: 0 } });
    const [readByOne, readByTwo] = await Promise.all([one.read(['conv']), two.read(['conv'])]);
    const results = await Promise.allSettled([
      one.write({ conv: { ...readByOne.conv, turn: 1, by: 'one' } }),
      two.write({ conv: { ...readByTwo.conv, turn: 1, by: 'two' } }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const loser = results.find((result) => result.status === 'rejected');
    expect(loser?.reason).toMatchObject({ code: ETAG_CONFLICT });
  });

  it('writes a batch all or nothing when one eTag is stale', async () => {
    const storage = await connectedRedisStorage();
    await storage.write({ user: { n: 1 }, conv: { n: 1 } });
    const read = await storage.read(['user', 'conv']);
    await storage.write({ conv: { ...read.conv, n: 2 } });
    await expect(
      storage.write({ user: { ...read.user, n: 5 }, conv: { ...read.conv, n: 5 } }),
    ).rejects.toMatchObject({ code: ETAG_CONFLICT });
    const after = await storage.read(['user', 'conv']);
    expect([after.user.n, after.conv.n]).toEqual([1, 2]);
  });

  it('gives each key the configured TTL, renewed when the conversation is read again', async () => {
    const storage = await connectedRedisStorage({ ttlSeconds: 3_600 });
    await storage.write({ k: { n: 1 } });
    const client = await rawClient();
    const ttlAfterWrite = await client.ttl('test:k');
    await client.expire('test:k', 10);
    await storage.read(['k']);
    const ttlAfterRead = await client.ttl('test:k');
    await client.close();
    expect(ttlAfterWrite).toBeGreaterThan(3_590);
    expect(ttlAfterWrite).toBeLessThanOrEqual(3_600);
    expect(ttlAfterRead).toBeGreaterThan(3_590);
  });

  it('forgets a conversation once its TTL has run out', async () => {
    const storage = await connectedRedisStorage({ ttlSeconds: 1 });
    await storage.write({ k: { n: 1 } });
    expect(Object.keys(await storage.read(['k']))).toEqual(['k']);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await storage.read(['k'])).toEqual({});
  });

  it('keeps keys forever when the TTL is 0', async () => {
    const storage = await connectedRedisStorage({ ttlSeconds: 0 });
    await storage.write({ k: { n: 1 } });
    await storage.read(['k']);
    const client = await rawClient();
    const ttl = await client.ttl('test:k');
    await client.close();
    expect(ttl).toBe(-1);
  });

  it('answers without context while Redis is down, then recovers when it restarts on the same port', async () => {
    const logger = recordingLogger();
    const storage = await connectedRedisStorage({ logger });
    await storage.write({ conv: { n: 1 } });

    await redis!.kill();
    const read = await timed(storage.read(['conv']));
    expect(read.value).toEqual({});
    expect(read.ms).toBeLessThan(1_000);
    const write = await timed(storage.write({ conv: { n: 2 } }));
    expect(write.ms).toBeLessThan(1_000);
    await expect(storage.delete(['conv'])).resolves.toBeUndefined();
    await storage.read(['conv']);
    expect(storage.isAvailable).toBe(false);
    const warnings = logger.entries.filter((entry) => entry.level === 'warn');
    expect(warnings.map((entry) => entry.msg)).toEqual([REDIS_STORAGE_MESSAGES.unavailable]);

    await redis!.start();
    await eventually(async () => {
      await storage.write({ conv: { n: 3 } });
      expect((await storage.read(['conv'])).conv?.n).toBe(3);
    });
    expect(storage.isAvailable).toBe(true);
    expect(logger.entries.some((entry) => entry.msg === REDIS_STORAGE_MESSAGES.recovered)).toBe(true);
  }, 20_000);

  it('never holds a turn on a Redis that stops answering', async () => {
    const storage = await connectedRedisStorage();
    await storage.write({ conv: { n: 1 } });
    redis!.pause();
    try {
      const read = await timed(storage.read(['conv']));
      expect(read.value).toEqual({});
      expect(read.ms).toBeLessThan(1_000);
      const write = await timed(storage.write({ conv: { n: 2 } }));
      expect(write.ms).toBeLessThan(1_000);
    } finally {
      redis!.resume();
    }
    await eventually(async () => {
      await storage.write({ conv: { n: 3 } });
      expect((await storage.read(['conv'])).conv?.n).toBe(3);
    });
  }, 20_000);

  it('starts while Redis is down, answers without context, and picks Redis up when it appears', async () => {
    const port = await freePort();
    const logger = recordingLogger();
    const started = await timed(
      createStorage({ redisUrl: `redis://127.0.0.1:${port}`, logger, keyPrefix: 'test:', ...FAST }),
    );
    const handle = started.value;
    expect(handle.backend).toBe('redis');
    expect(started.ms).toBeLessThan(1_500);
    expect(await handle.storage.read(['conv'])).toEqual({});
    await expect(handle.storage.write({ conv: { n: 1 } })).resolves.toBeUndefined();
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1);

    const late = await startRedisServer(port);
    try {
      await eventually(async () => {
        await handle.storage.write({ conv: { n: 2 } });
        expect((await handle.storage.read(['conv'])).conv?.n).toBe(2);
      });
    } finally {
      await handle.close();
      await late.kill();
    }
  }, 20_000);

  it('closes cleanly, even while Redis is down', async () => {
    const handle = await createStorage({ redisUrl: redis!.url, logger: recordingLogger(), ...FAST });
    await redis!.kill();
    const closed = await timed(handle.close());
    expect(closed.ms).toBeLessThan(1_500);
    expect(await handle.storage.read(['conv'])).toEqual({});
  });
});

describe('createStorage', () => {
  it.runIf(process.env.CI === 'true')('runs the Redis tests on CI, where redis-server is installed', () => {
    expect(installed, 'CI must install redis-server (apt-get install -y redis-server)').toBe(true);
  });

  it('keeps state in bounded memory when no Redis URL is configured', async () => {
    const handle = await createStorage({ logger: recordingLogger() });
    expect(handle.backend).toBe('memory');
    expect(handle.storage).toBeInstanceOf(BoundedMemoryStorage);
    await expect(handle.close()).resolves.toBeUndefined();
  });

  it.skipIf(!installed)('expires Redis keys after the same idle lifetime as memory by default (24 h, not 30 days)', async () => {
    const handle = await createStorage({ redisUrl: redis!.url, logger: recordingLogger(), keyPrefix: 'test:' });
    try {
      await handle.storage.write({ 'conv-ttl': { welcomed: true } });
      const client = await rawClient();
      const ttl = await client.ttl('test:conv-ttl');
      await client.close();
      expect(ttl).toBeGreaterThan(24 * 3_600 - 10);
      expect(ttl).toBeLessThanOrEqual(24 * 3_600);
    } finally {
      await handle.close();
    }
  });

  it('refuses a malformed Redis URL at start-up', async () => {
    await expect(createStorage({ redisUrl: 'not a url', logger: recordingLogger() })).rejects.toThrow();
  });
});
