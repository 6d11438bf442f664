import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ExceptionHelper, type AgentErrorDefinition } from '@microsoft/agents-activity';
import { HostingErrors, type Storage, type StoreItem } from '@microsoft/agents-hosting';
import { createClient } from 'redis';
import { CONFIG_DEFAULTS } from '../config.js';

/** The two logging methods the storage needs; a pino logger fits as is. */
export interface StorageLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** Defaults for the Redis storage; every value can be overridden per instance. */
export const REDIS_STORAGE_DEFAULTS = Object.freeze({
  /** Namespace for every key, so the bot can share a Redis with other applications. */
  keyPrefix: 'assistant-rh:',
  /**
   * Idle lifetime of a stored state: reset by every read and write; 0 keeps keys forever.
   * The same idle lifetime as in memory (STATE_IDLE_TTL_MINUTES), so Redis does not keep more.
   */
  ttlSeconds: CONFIG_DEFAULTS.stateIdleTtlMinutes * 60,
  /** A TCP connect taking longer than this counts as a failed attempt (and is retried). */
  connectTimeoutMs: 1_000,
  /** A command not answered within this is abandoned, so a stalled Redis never holds a turn. */
  commandTimeoutMs: 500,
  /** First reconnection delay; doubled on each failed attempt… */
  reconnectBaseDelayMs: 100,
  /** …up to this ceiling, so a Redis that comes back is noticed within a few seconds. */
  reconnectMaxDelayMs: 5_000,
  /** Bounded wait for Redis to shut down cleanly before the socket is cut. */
  closeTimeoutMs: 1_000,
});

/** Options of {@link RedisStorage}; only `url` and `logger` are required. */
export interface RedisStorageOptions {
  url: string;
  logger: StorageLogger;
  keyPrefix?: string;
  ttlSeconds?: number;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  reconnectBaseDelayMs?: number;
  reconnectMaxDelayMs?: number;
  closeTimeoutMs?: number;
  /** Told of every operation skipped because Redis failed (the metrics count them). */
  onOperationFailed?: (operation: string) => void;
}

/** Log messages of the storage, kept together so tests can match them. */
export const REDIS_STORAGE_MESSAGES = Object.freeze({
  connected: 'Redis connected: conversation state is shared between bot processes',
  unavailable: 'Redis unreachable: answering without conversation context until it is back',
  recovered: 'Redis reachable again: conversation state is persisted again',
  corruptValue: 'Unreadable value in Redis ignored',
});

/**
 * Checks every eTag, then writes every item, in one atomic step (Lua scripts run alone on the server).
 * KEYS: the storage keys. ARGV[1]: TTL in seconds (0: none). Then, per key i:
 * ARGV[2i] the eTag the caller read ('' writes unconditionally), ARGV[2i+1] the JSON to store.
 * Returns 0 on success, or the 1-based index of the first key whose stored eTag differs.
 */
const WRITE_SCRIPT = `
local ttl = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local expected = ARGV[2 * i]
  if expected ~= '' then
    local current = redis.call('GET', key)
    if current then
      local ok, doc = pcall(cjson.decode, current)
      if ok and type(doc) == 'table' and doc.eTag ~= expected then
        return i
      end
    end
  end
end
for i, key in ipairs(KEYS) do
  if ttl > 0 then
    redis.call('SET', key, ARGV[2 * i + 1], 'EX', ttl)
  else
    redis.call('SET', key, ARGV[2 * i + 1])
  end
end
return 0
`;

/** Builds the SDK's own storage errors, so RedisStorage and MemoryStorage fail alike. */
function sdkError(name: string, params?: Record<string, string>): Error {
  const definition: AgentErrorDefinition = HostingErrors[name] ?? { code: -1, description: name };
  return ExceptionHelper.generateException(Error, definition, undefined, params);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** What a Redis call resolves to when Redis failed or did not answer in time. */
const UNAVAILABLE = Symbol('Redis unavailable');

/** A node-redis client that fails fast while disconnected and reconnects with capped backoff. */
function openClient(options: Required<Omit<RedisStorageOptions, 'logger' | 'onOperationFailed'>>) {
  const { url, connectTimeoutMs, reconnectBaseDelayMs, reconnectMaxDelayMs } = options;
  return createClient({
    url,
    // Fail fast instead of queueing commands while disconnected: a turn must never wait for Redis.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: connectTimeoutMs,
      reconnectStrategy: (retries: number) =>
        Math.min(reconnectBaseDelayMs * 2 ** retries, reconnectMaxDelayMs) + Math.floor(Math.random() * reconnectBaseDelayMs),
    },
  });
}

type RedisClient = ReturnType<typeof openClient>;

/**
 * The SDK's `Storage` on Redis, so that several bot processes share conversation state.
 *
 * Same eTag rules as `MemoryStorage` (a write whose eTag is neither missing nor '*' must match the
 * stored one), checked atomically on the server. When Redis is unreachable the bot keeps answering
 * without context: reads return {}, writes and deletes are skipped, one warning is logged per
 * outage, and the client reconnects by itself with backoff.
 */
export class RedisStorage implements Storage {
  private client: RedisClient;
  private readonly options: Required<Omit<RedisStorageOptions, 'logger' | 'onOperationFailed'>>;
  private readonly logger: StorageLogger;
  private readonly onOperationFailed: (operation: string) => void;
  private state: 'starting' | 'up' | 'down' = 'starting';
  private skippedOperations = 0;
  private closed = false;
  private connecting: Promise<boolean> | undefined;

  constructor(options: RedisStorageOptions) {
    const { logger, onOperationFailed = () => {}, ...rest } = options;
    this.options = { ...REDIS_STORAGE_DEFAULTS, ...definedOnly(rest), url: rest.url };
    this.onOperationFailed = onOperationFailed;
    this.options.ttlSeconds = Math.max(0, Math.floor(this.options.ttlSeconds));
    this.logger = logger;
    this.client = this.newClient();
  }

  /**
   * Opens the connection in the background and waits at most `waitMs` for it.
   * Resolves `true` once connected, `false` if Redis is not there yet (it keeps retrying); never rejects.
   */
  connect(waitMs: number = this.options.connectTimeoutMs): Promise<boolean> {
    this.connecting ??= this.client.connect().then(
      () => true,
      () => false,
    );
    return Promise.race([this.connecting, delay(waitMs, false, { ref: false })]);
  }

  /** Whether the last contact with Redis succeeded. */
  get isAvailable(): boolean {
    return this.state === 'up';
  }

  async read(keys: string[]): Promise<StoreItem> {
    if (!keys || keys.length === 0) {
      throw sdkError('StorageReadKeysRequired');
    }
    const { keyPrefix, ttlSeconds } = this.options;
    const values = await this.call('read', (client) =>
      Promise.all(
        keys.map((key) =>
          // GETEX renews the TTL: a conversation expires after a quiet period, not after its first turn.
          ttlSeconds > 0 ? client.getEx(keyPrefix + key, { type: 'EX', value: ttlSeconds }) : client.get(keyPrefix + key),
        ),
      ),
    );
    const items: StoreItem = {};
    if (values === UNAVAILABLE) return items;
    keys.forEach((key, index) => {
      const value = values[index];
      if (value === null || value === undefined) return;
      try {
        items[key] = JSON.parse(value);
      } catch {
        this.logger.warn({ key }, REDIS_STORAGE_MESSAGES.corruptValue);
      }
    });
    return items;
  }

  async write(changes: StoreItem): Promise<void> {
    if (!changes) {
      throw sdkError('StorageWriteChangesRequired');
    }
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const keys: string[] = [];
    const args: string[] = [String(this.options.ttlSeconds)];
    for (const [key, item] of entries) {
      const expected = item?.eTag === undefined || item.eTag === '*' ? '' : String(item.eTag);
      keys.push(this.options.keyPrefix + key);
      args.push(expected, JSON.stringify({ ...item, eTag: randomUUID() }));
    }
    const conflict = await this.call('write', (client) => client.eval(WRITE_SCRIPT, { keys, arguments: args }));
    if (conflict === UNAVAILABLE) return;
    const index = Number(conflict);
    if (index > 0) {
      throw sdkError('StorageETagConflict', { key: entries[index - 1]?.[0] ?? '' });
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys || keys.length === 0) return;
    await this.call('delete', (client) => client.del(keys.map((key) => this.options.keyPrefix + key)));
  }

  /** Lets pending commands finish (bounded), then closes the connection and stops reconnecting. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const client = this.client;
    if (!client.isOpen) return;
    if (client.isReady) {
      const closing = client.close().then(
        () => true,
        () => false,
      );
      if (await Promise.race([closing, delay(this.options.closeTimeoutMs, false, { ref: false })])) return;
    }
    client.destroy();
    // node-redis does not cut a TCP connect already under way: if it completes, cut it then.
    void this.connecting?.then(() => client.destroy());
  }

  private newClient(): RedisClient {
    const client = openClient(this.options);
    // Without an 'error' listener node-redis would crash the process; outages are handled here instead.
    client.on('error', (error: unknown) => {
      if (client === this.client) this.markDown(error);
    });
    return client;
  }

  /**
   * Runs one Redis call within the command timeout. Any failure (offline, refused, timed out) is an
   * outage: it is counted, logged once per outage, and reported as UNAVAILABLE so the caller degrades.
   */
  private async call<T>(operation: string, work: (client: RedisClient) => Promise<T>): Promise<T | typeof UNAVAILABLE> {
    if (this.closed) return UNAVAILABLE;
    const client = this.client;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof UNAVAILABLE>((resolve) => {
      timer = setTimeout(resolve, this.options.commandTimeoutMs, UNAVAILABLE);
    });
    try {
      const result = await Promise.race([work(client), deadline]);
      if (result === UNAVAILABLE) {
        this.dropStalledConnection(client);
        this.skip(operation, new Error(`no reply within ${this.options.commandTimeoutMs} ms`));
      } else {
        this.markUp();
      }
      return result;
    } catch (error) {
      this.skip(operation, error);
      return UNAVAILABLE;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * node-redis only times out commands still waiting to be sent; once sent, a silent server
   * (frozen, or cut off without a TCP reset) would hold them forever. Drop that connection and start a new one.
   */
  private dropStalledConnection(stalled: RedisClient): void {
    if (this.closed || stalled !== this.client) return;
    this.client = this.newClient();
    this.connecting = undefined;
    void this.connect(0);
    stalled.destroy();
  }

  private skip(operation: string, error: unknown): void {
    if (this.closed) return;
    this.skippedOperations += 1;
    this.onOperationFailed(operation);
    this.markDown(error, operation);
  }

  private markDown(error: unknown, operation?: string): void {
    if (this.closed || this.state === 'down') return;
    this.state = 'down';
    this.logger.warn({ operation, error: describeError(error) }, REDIS_STORAGE_MESSAGES.unavailable);
  }

  /** Called after a successful command, so a half-working Redis does not flap between up and down. */
  private markUp(): void {
    if (this.state === 'up') return;
    if (this.state === 'down') {
      this.logger.info({ skippedOperations: this.skippedOperations }, REDIS_STORAGE_MESSAGES.recovered);
    } else {
      const { keyPrefix, ttlSeconds } = this.options;
      this.logger.info({ keyPrefix, ttlSeconds }, REDIS_STORAGE_MESSAGES.connected);
    }
    this.state = 'up';
    this.skippedOperations = 0;
  }
}

/** Drops `undefined` values so they do not override the defaults when spread. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
