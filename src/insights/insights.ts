/**
 * Records what the bot answers, without ever slowing or breaking an answer: events are queued in
 * memory and written in small batches after the turn; when the database is down they are dropped,
 * counted, and a warning is logged (at most once a minute). No identity is recorded: the
 * conversation is kept as a keyed hash, the question text only for unanswered questions and 👎.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Answer } from '../answers/answer.js';
import type { FeedbackEntry } from '../conversation/feedbackStore.js';
import { questionKey } from './questionKey.js';
import type { InsightEvent, InsightsStore, VoteRecord } from './insightsStore.js';
import { weekOf } from './week.js';

/** Tuning of the event queue. */
export const EVENT_QUEUE = Object.freeze({
  /** Events waiting beyond this are dropped (the database is down or far too slow). */
  maxPending: 10_000,
  /**
   * Events are written this long after the first one queued, in one batch (and at once on a
   * graceful stop: the composition root flushes before it closes the database). Each transaction
   * costs SQLite a commit and a rewrite of the pages it touched: in batches of 8 an event costs
   * about 80 µs of CPU, in batches of 100 about 40 µs (at 25 ms, writing them took about 3 % of a
   * turn's CPU under load). Events wait in memory this long at most, lost only if the process dies.
   */
  flushDelayMs: 250,
  /**
   * Largest batch written in one transaction (SQLite writes on the event loop: small batches keep
   * it free; larger ones cost no less per event and hold it longer).
   */
  maxBatch: 100,
  /** At most one warning about dropped events per this period. */
  warnEveryMs: 60_000,
});

/**
 * Conversations whose hash is kept in memory: each answer of a conversation needs it, and an HMAC
 * costs about 1 % of a turn. Ids stay in this process's memory only, as in the conversation state.
 */
const HASHES_KEPT = 2_000;

/** Longest question text kept. */
const MAX_KEPT_QUESTION = 2_000;

/** Options of {@link Insights}. */
export interface InsightsOptions {
  /** Where events go; null while the database is unavailable (events are then dropped and counted). */
  store: () => InsightsStore | null;
  logger: Logger;
  /** Key of the conversation hash; a random one (this process only) when omitted. */
  hashKey?: string | Buffer;
  now?: () => Date;
}

type Pending = { type: 'event'; event: InsightEvent } | { type: 'vote'; vote: VoteRecord };

/** Why a fallback was given, from the engine's explanation. */
export function fallbackReason(answer: Answer): string | null {
  if (answer.kind !== 'fallback') return null;
  const reason = answer.why.reason;
  if (reason.startsWith('topic')) return 'topic';
  if (reason.startsWith('other-job')) return 'other-job';
  if (reason.startsWith('no section')) return 'unknown';
  if (reason.startsWith('empty')) return 'empty';
  if (reason.includes('too long')) return 'too-long';
  if (reason.startsWith('no words')) return 'no-words';
  return 'other';
}

/** The insights recorder of one process. */
export class Insights {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private lastWarning = 0;
  private droppedSinceWarning = 0;
  private hashKey: Buffer;
  private readonly hashes = new LRUCache<string, string>({ max: HASHES_KEPT });
  /** Events and votes dropped since start-up (database down, queue full). */
  dropped = 0;
  /** Events and votes written since start-up. */
  written = 0;

  constructor(private readonly options: InsightsOptions) {
    this.hashKey = options.hashKey === undefined ? randomBytes(32) : Buffer.from(options.hashKey);
  }

  /** Sets the conversation hash key (read from the database at start-up, shared by every process). */
  useHashKey(key: string | Buffer): void {
    this.hashKey = Buffer.from(key);
    this.hashes.clear();
  }

  /** A keyed hash of a conversation: tells conversations apart, names none. */
  conversationHash(channelId: string, conversationId: string): string {
    const conversation = `${channelId}\u0000${conversationId}`;
    let hash = this.hashes.get(conversation);
    if (hash === undefined) {
      hash = createHmac('sha256', this.hashKey).update(conversation).digest('hex').slice(0, 32);
      this.hashes.set(conversation, hash);
    }
    return hash;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Queues the event of one answered question. Never throws, never waits. */
  recordAnswer(input: { channelId: string; conversationId: string; answerId: string; answer: Answer; question: string }): void {
    const { answer } = input;
    const at = this.now();
    const unanswered = answer.kind === 'fallback';
    const question = unanswered && input.question.trim() !== '' ? input.question.slice(0, MAX_KEPT_QUESTION) : null;
    const closest = answer.kind === 'fallback' ? answer.closest : null;
    this.enqueue({
      type: 'event',
      event: {
        answer_id: input.answerId,
        at: at.toISOString(),
        week: weekOf(at),
        channel: input.channelId,
        conversation_hash: this.conversationHash(input.channelId, input.conversationId),
        kind: answer.kind,
        article: answer.article,
        section: answer.section,
        roles: answer.roles.join(','),
        confidence: Math.round(answer.confidence * 1000) / 1000,
        reason: fallbackReason(answer),
        topic: answer.kind === 'fallback' ? answer.topic : null,
        question,
        question_key: question === null ? null : questionKey(question),
        closest_article: closest?.article ?? null,
        closest_section: closest?.section ?? null,
      },
    });
  }

  /** Queues a 👍/👎 (one per answer: a later vote replaces the earlier). The question is kept with a 👎 only. */
  recordVote(entry: FeedbackEntry, question: string | null): void {
    const at = this.now();
    const kept = entry.vote === 'down' && question ? question.slice(0, MAX_KEPT_QUESTION) : null;
    this.enqueue({
      type: 'vote',
      vote: {
        answerId: entry.answerId,
        conversationHash: this.conversationHash(entry.channelId, entry.conversationId),
        vote: entry.vote,
        at: entry.at,
        question: kept,
        questionKey: kept === null ? null : questionKey(kept),
        answered: {
          at: at.toISOString(),
          week: weekOf(at),
          channel: entry.channelId,
          kind: entry.answerKind ?? 'unknown',
          article: entry.article,
          section: entry.section,
          roles: entry.roles.join(','),
          confidence: 0,
          reason: null,
          topic: null,
          closest_article: null,
          closest_section: null,
        },
      },
    });
  }

  private enqueue(entry: Pending): void {
    if (this.queue.length >= EVENT_QUEUE.maxPending) {
      this.drop(1, 'queue full');
      return;
    }
    this.queue.push(entry);
    if (!this.timer && !this.flushing) {
      this.timer = setTimeout(() => void this.flush(), EVENT_QUEUE.flushDelayMs);
      this.timer.unref();
    }
  }

  /** Writes what is queued now (tests and shutdown call it; it also runs by itself). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.flushing) await this.flushing;
    if (this.queue.length === 0) return;
    this.flushing = this.writeQueued().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
    if (this.queue.length > 0) {
      // Let waiting turns run between two batches.
      await new Promise((resolve) => setImmediate(resolve));
      await this.flush();
    }
  }

  private async writeQueued(): Promise<void> {
    const batch = this.queue.splice(0, EVENT_QUEUE.maxBatch);
    const store = this.options.store();
    if (!store) {
      this.drop(batch.length, 'database unavailable');
      return;
    }
    try {
      await store.write(batch);
      this.written += batch.length;
    } catch (error) {
      this.drop(batch.length, 'write failed', error);
    }
  }

  private drop(count: number, why: string, error?: unknown): void {
    this.dropped += count;
    this.droppedSinceWarning += count;
    const now = Date.now();
    if (now - this.lastWarning >= EVENT_QUEUE.warnEveryMs) {
      this.options.logger.warn(
        { dropped: this.droppedSinceWarning, droppedTotal: this.dropped, why, ...(error ? { err: error } : {}) },
        'insights events dropped (answers are not affected)',
      );
      this.lastWarning = now;
      this.droppedSinceWarning = 0;
    }
  }
}
