/**
 * Where conversation state lives: this process's bounded memory by default, Redis when a URL is given.
 * The Redis client is loaded only then, so a bot without Redis does not pay for it at start-up.
 */
import type { Storage } from '@microsoft/agents-hosting';
import { CONFIG_DEFAULTS } from '../config.js';
import { BoundedMemoryStorage, type BoundedMemoryStorageOptions } from './boundedMemoryStorage.js';
import type { RedisStorageOptions } from './redisStorage.js';

/** Options of {@link createStorage}: without `redisUrl` state stays in this process's memory. */
export interface CreateStorageOptions extends Omit<RedisStorageOptions, 'url'> {
  redisUrl?: string | undefined;
  /** Bounds of the in-memory storage; the configuration's defaults when omitted. */
  memory?: Partial<BoundedMemoryStorageOptions>;
}

/** The storage for `new AgentApplication({ storage })`, and how to release it on shutdown. */
export interface StorageHandle {
  storage: Storage;
  backend: 'memory' | 'redis';
  close(): Promise<void>;
}

/**
 * Picks the conversation-state storage: BoundedMemoryStorage by default, RedisStorage when a URL is given.
 * Waits briefly for Redis but never fails because it is down (the bot then answers without context);
 * a malformed URL, on the other hand, throws at start-up.
 */
export async function createStorage(options: CreateStorageOptions): Promise<StorageHandle> {
  const { redisUrl, memory, ...redisOptions } = options;
  if (!redisUrl) {
    const storage = new BoundedMemoryStorage({
      maxItems: memory?.maxItems ?? CONFIG_DEFAULTS.stateMaxConversations,
      idleTtlMs: memory?.idleTtlMs ?? CONFIG_DEFAULTS.stateIdleTtlMinutes * 60_000,
    });
    return { storage, backend: 'memory', close: async () => {} };
  }
  const { RedisStorage, REDIS_STORAGE_DEFAULTS } = await import('./redisStorage.js');
  const storage = new RedisStorage({ ...redisOptions, url: redisUrl });
  // Down at start-up is not fatal: the 'error' listener has logged it and reconnection goes on.
  await storage.connect(options.connectTimeoutMs ?? REDIS_STORAGE_DEFAULTS.connectTimeoutMs);
  return { storage, backend: 'redis', close: () => storage.close() };
}

