/**
 * Prometheus metrics (prom-client) for the usual monitoring: turns by kind and channel, answer
 * latency, feedback votes, storage errors, HTTP requests, and Node's own process metrics.
 * One registry per bot (not prom-client's global one), so several bots in one test process do not
 * collide. Served at GET /metrics by the server, to loopback clients or to holders of a token.
 */
import type { Storage, StoreItem } from '@microsoft/agents-hosting';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Buckets of the answer latency histogram, in seconds: the engine answers in about a millisecond. */
const ANSWER_LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
/** Buckets of the HTTP request duration, in seconds (includes the SDK and the channel's round trip). */
const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Channel ids used as label values. A channel id comes from the request, so anything else is counted
 * as `other`: a label value per forged id would grow the registry without bound.
 */
const KNOWN_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test', 'agents', 'm365extensions', 'outlook', 'email', 'slack', 'facebook', 'telegram', 'line', 'sms']);

/** The label value for a channel id. */
export function channelLabel(channelId: string | undefined): string {
  return channelId !== undefined && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}

/** The bot's metrics and the registry that serves them. */
export interface BotMetrics {
  readonly registry: Registry;
  /** One answered turn: the reply's kind (list, comparison, fallback, message…) on a channel. */
  turn(kind: string, channel: string, seconds: number): void;
  /** One 👍/👎 vote. */
  feedback(vote: 'up' | 'down', channel: string): void;
  /** A storage read, write or delete that failed (Redis down, timeout, eTag conflict). */
  storageError(operation: string): void;
  /** One HTTP request, by route (never the raw URL: unknown paths count as `other`). */
  httpRequest(method: string, route: string, status: number, seconds: number): void;
  /** The text format Prometheus scrapes. */
  exposition(): Promise<{ contentType: string; body: string }>;
}

/** Creates the metrics; `defaultMetrics: false` leaves out Node's process metrics (tests). */
export function createMetrics({ defaultMetrics = true }: { defaultMetrics?: boolean } = {}): BotMetrics {
  const registry = new Registry();
  if (defaultMetrics) collectDefaultMetrics({ register: registry });
  const turns = new Counter({
    name: 'assistant_turns_total',
    help: 'Messages answered, by reply kind (list, comparison, overview, clarify, fallback, smalltalk, message) and channel',
    labelNames: ['kind', 'channel'] as const,
    registers: [registry],
  });
  const fallbacks = new Counter({
    name: 'assistant_fallbacks_total',
    help: 'Questions the articles do not cover (fallback answers), by channel',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'assistant_answer_duration_seconds',
    help: 'Time to read a question and build its replies, by channel',
    labelNames: ['channel'] as const,
    buckets: ANSWER_LATENCY_BUCKETS,
    registers: [registry],
  });
  const votes = new Counter({
    name: 'assistant_feedback_total',
    help: 'Feedback votes on answers, by vote (up, down) and channel',
    labelNames: ['vote', 'channel'] as const,
    registers: [registry],
  });
  const storageErrors = new Counter({
    name: 'assistant_storage_errors_total',
    help: 'Conversation-state storage operations that failed, by operation (read, write, delete)',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const http = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests, by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_DURATION_BUCKETS,
    registers: [registry],
  });
  // Every series a dashboard reads exists from the start (0), not only after its first event.
  for (const operation of ['read', 'write', 'delete']) storageErrors.labels(operation).inc(0);
  // prom-client hashes the label values at every `labels()` call: each series is looked up once, then kept.
  const turnSeries = seriesCache((kind: string, channel: string) => turns.labels(kind, channel));
  const fallbackSeries = seriesCache((channel: string) => fallbacks.labels(channel));
  const latencySeries = seriesCache((channel: string) => latency.labels(channel));
  const httpSeries = seriesCache((method: string, route: string, status: string) => http.labels(method, route, status));

  return {
    registry,
    turn(kind, channel, seconds) {
      const label = channelLabel(channel);
      turnSeries(kind, label).inc();
      if (kind === 'fallback') fallbackSeries(label).inc();
      latencySeries(label).observe(seconds);
    },
    feedback(vote, channel) {
      votes.labels(vote, channelLabel(channel)).inc();
    },
    storageError(operation) {
      storageErrors.labels(operation).inc();
    },
    httpRequest(method, route, status, seconds) {
      httpSeries(method, route, String(status)).observe(seconds);
    },
    async exposition() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** Memoises `labels()` by its label values (a handful of kinds, channels, routes and statuses). */
function seriesCache<Labels extends string[], Series>(make: (...labels: Labels) => Series): (...labels: Labels) => Series {
  const cache = new Map<string, Series>();
  return (...labels) => {
    const key = labels.join('\u0000');
    let series = cache.get(key);
    if (series === undefined) {
      series = make(...labels);
      cache.set(key, series);
    }
    return series;
  };
}

/** A storage that counts the errors the wrapped one throws (and still throws them). */
export function countStorageErrors(storage: Storage, metrics: Pick<BotMetrics, 'storageError'>): Storage {
  const counted =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args);
      } catch (error) {
        metrics.storageError(operation);
        throw error;
      }
    };
  return {
    read: counted('read', (keys: string[]): Promise<StoreItem> => storage.read(keys)),
    write: counted('write', (changes: StoreItem): Promise<void> => storage.write(changes)),
    delete: counted('delete', (keys: string[]): Promise<void> => storage.delete(keys)),
  };
}
