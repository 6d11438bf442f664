/**
 * The default conversation-state storage: the SDK's `Storage` in this process's memory, bounded.
 * The SDK's own `MemoryStorage` never forgets a conversation, so memory grows with every visitor
 * until a restart (100,000 short conversations: +520 MB). Here an LRU keeps at most `maxItems`
 * states and drops any state idle for `idleTtlMs`; a dropped conversation simply starts again
 * without follow-up context, as after a restart.
 */
import { ExceptionHelper, type AgentErrorDefinition } from '@microsoft/agents-activity';
import { HostingErrors, type Storage, type StoreItem } from '@microsoft/agents-hosting';
import { LRUCache } from 'lru-cache';

/** Options of {@link BoundedMemoryStorage}. */
export interface BoundedMemoryStorageOptions {
  /** States kept at most (one per conversation, plus one per user when the SDK writes user state). */
  maxItems: number;
  /** A state not read or written for this long is dropped. */
  idleTtlMs: number;
}

/** Builds the SDK's own storage errors, so this storage fails as MemoryStorage does. */
function sdkError(name: string, params?: Record<string, string>): Error {
  const definition: AgentErrorDefinition = HostingErrors[name] ?? { code: -1, description: name };
  return ExceptionHelper.generateException(Error, definition, undefined, params);
}

/**
 * Same contract as the SDK's `MemoryStorage` (values stored as JSON, so callers never share
 * objects; a write whose eTag is neither missing nor `*` must match the stored one), with a size
 * and an idle lifetime.
 */
export class BoundedMemoryStorage implements Storage {
  private readonly items: LRUCache<string, string>;
  private nextETag = 1;

  constructor({ maxItems, idleTtlMs }: BoundedMemoryStorageOptions) {
    this.items = new LRUCache<string, string>({
      max: maxItems,
      ttl: idleTtlMs,
      // Idle, not age: every turn of a conversation renews its lifetime.
      updateAgeOnGet: true,
      // Expired entries are not swept by a timer; they are dropped when met or pushed out by newer ones.
      ttlAutopurge: false,
    });
  }

  /** How many states are held now (expired ones not yet met included). */
  get size(): number {
    return this.items.size;
  }

  async read(keys: string[]): Promise<StoreItem> {
    if (!keys || keys.length === 0) throw sdkError('StorageReadKeysRequired');
    const found: StoreItem = {};
    for (const key of keys) {
      const stored = this.items.get(key);
      if (stored !== undefined) found[key] = JSON.parse(stored);
    }
    return found;
  }

  async write(changes: StoreItem): Promise<void> {
    if (!changes) throw sdkError('StorageWriteChangesRequired');
    const entries = Object.entries(changes);
    // Checked first, written after: a batch is written all or nothing, as RedisStorage does.
    for (const [key, item] of entries) {
      const stored = this.items.get(key);
      if (stored === undefined || item?.eTag === undefined || item.eTag === '*') continue;
      if ((JSON.parse(stored) as { eTag?: unknown }).eTag !== item.eTag) throw sdkError('StorageETagConflict', { key });
    }
    for (const [key, item] of entries) {
      this.items.set(key, JSON.stringify({ ...item, eTag: String(this.nextETag++) }));
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys ?? []) this.items.delete(key);
  }
}
