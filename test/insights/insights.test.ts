/**
 * The recorder on the turn's path: events carry no identity (a keyed hash of the conversation),
 * keep the question only when it went unanswered, never throw, and are dropped with a counter and
 * one warning when the database fails.
 */
import { createHmac } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { EVENT_QUEUE, Insights } from '../../src/insights/insights.js';
import type { InsightsStore } from '../../src/insights/insightsStore.js';
import { emptyContext } from '../../src/understanding/context.js';
import { realEngine } from '../channels/support/botServer.js';

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

/** A store that keeps what it is given, or fails. */
function fakeStore(fail = false): { store: InsightsStore; written: unknown[] } {
  const written: unknown[] = [];
  const store = {
    write: async (batch: unknown[]) => {
      if (fail) throw new Error('connection refused');
      written.push(...batch);
    },
  } as unknown as InsightsStore;
  return { store, written };
}

/** A logger that keeps its warnings. */
function recordingLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const logger: Logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line).msg as string) });
  return { logger, warnings };
}

describe('the insights recorder', () => {
  it('records an answered question without its text or any identity, and an unanswered one with its text', async () => {
    const { store, written } = fakeStore();
    const insights = new Insights({ store: () => store, logger: pino({ level: 'silent' }), hashKey: 'k'.repeat(32) });
    const answered = engine.answer('Quelles compétences pour un CPD ?', emptyContext()).answer;
    const unanswered = engine.answer('Où est la cantine ?', emptyContext()).answer;
    insights.recordAnswer({ channelId: 'msteams', conversationId: 'a:conversation-de-camille', answerId: 'a1', answer: answered, question: 'Quelles compétences pour un CPD ?' });
    insights.recordAnswer({ channelId: 'msteams', conversationId: 'a:conversation-de-camille', answerId: 'a2', answer: unanswered, question: 'Où est la cantine ?' });
    await insights.flush();
    const [first, second] = written as { event: Record<string, unknown> }[];
    expect(first!.event).toMatchObject({ kind: 'list', question: null, question_key: null });
    expect(second!.event).toMatchObject({ kind: 'fallback', question: 'Où est la cantine ?', reason: 'topic', topic: 'lieu' });
    expect(JSON.stringify(written)).not.toContain('camille');
    expect(first!.event.conversation_hash).toBe(insights.conversationHash('msteams', 'a:conversation-de-camille'));
    expect(first!.event.conversation_hash).not.toBe(new Insights({ store: () => store, logger: pino({ level: 'silent' }) }).conversationHash('msteams', 'a:conversation-de-camille'));
  });

  it('drops events when the database fails, counts them, and warns once', async () => {
    const { store } = fakeStore(true);
    const { logger, warnings } = recordingLogger();
    const insights = new Insights({ store: () => store, logger });
    const answer = engine.answer('Quelles compétences pour un CPD ?', emptyContext()).answer;
    for (let turn = 0; turn < 3; turn += 1) {
      expect(() => insights.recordAnswer({ channelId: 'webchat', conversationId: 'c', answerId: `a${turn}`, answer, question: 'q' })).not.toThrow();
      await insights.flush();
    }
    expect(insights.dropped).toBe(3);
    expect(warnings).toEqual(['insights events dropped (answers are not affected)']);
  });

  it('drops events while there is no database at all', async () => {
    const insights = new Insights({ store: () => null, logger: pino({ level: 'silent' }) });
    insights.recordAnswer({ channelId: 'webchat', conversationId: 'c', answerId: 'a', answer: engine.answer('bonjour', emptyContext()).answer, question: 'bonjour' });
    await insights.flush();
    expect(insights.dropped).toBe(1);
  });
});

describe('the event queue', () => {
  /** A store that counts its transactions (one `write` call each). */
  function countingStore(): { store: InsightsStore; batches: unknown[][] } {
    const batches: unknown[][] = [];
    return { store: { write: async (batch: unknown[]) => void batches.push([...batch]) } as unknown as InsightsStore, batches };
  }
  const record = (insights: Insights, answerId: string) =>
    insights.recordAnswer({ channelId: 'msteams', conversationId: 'c', answerId, answer: engine.answer('Quelles compétences pour un CPD ?', emptyContext()).answer, question: 'q' });

  it(`writes the events of a burst together, in one transaction, ${EVENT_QUEUE.flushDelayMs} ms after the first`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { store, batches } = countingStore();
      const insights = new Insights({ store: () => store, logger: pino({ level: 'silent' }) });
      for (let turn = 0; turn < 20; turn += 1) record(insights, `a${turn}`);
      await vi.advanceTimersByTimeAsync(EVENT_QUEUE.flushDelayMs - 1);
      expect(batches).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(batches).toHaveLength(1);
      expect(batches[0]!.map((entry) => (entry as { event: { answer_id: string } }).event.answer_id)).toEqual(Array.from({ length: 20 }, (_, turn) => `a${turn}`));
      expect(insights.written).toBe(20);
      // The next event starts a new delay.
      record(insights, 'later');
      await vi.advanceTimersByTimeAsync(EVENT_QUEUE.flushDelayMs);
      expect(batches).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes everything queued at once when flushed (a graceful stop), without waiting for the timer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { store, batches } = countingStore();
      const insights = new Insights({ store: () => store, logger: pino({ level: 'silent' }) });
      const total = EVENT_QUEUE.maxBatch * 2 + 7;
      for (let turn = 0; turn < total; turn += 1) record(insights, `a${turn}`);
      await insights.flush();
      // In bounded transactions, in order, none lost; the timer no longer fires anything.
      expect(batches.map((batch) => batch.length)).toEqual([EVENT_QUEUE.maxBatch, EVENT_QUEUE.maxBatch, 7]);
      expect(batches.flat().map((entry) => (entry as { event: { answer_id: string } }).event.answer_id)).toEqual(Array.from({ length: total }, (_, turn) => `a${turn}`));
      await vi.advanceTimersByTimeAsync(EVENT_QUEUE.flushDelayMs * 2);
      expect(batches).toHaveLength(3);
      expect(insights.written).toBe(total);
      expect(insights.dropped).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the conversation hash', () => {
  it('is the HMAC of channel and conversation under the key, the same when computed again, and follows a new key', () => {
    const insights = new Insights({ store: () => null, logger: pino({ level: 'silent' }), hashKey: 'k'.repeat(32) });
    const expected = (key: string) => createHmac('sha256', key).update('msteams\u0000a:conversation').digest('hex').slice(0, 32);
    expect(insights.conversationHash('msteams', 'a:conversation')).toBe(expected('k'.repeat(32)));
    expect(insights.conversationHash('msteams', 'a:conversation')).toBe(expected('k'.repeat(32)));
    expect(insights.conversationHash('webchat', 'a:conversation')).not.toBe(expected('k'.repeat(32)));
    // The key shared by every process, read from the database at start-up: kept hashes are forgotten.
    insights.useHashKey('z'.repeat(32));
    expect(insights.conversationHash('msteams', 'a:conversation')).toBe(expected('z'.repeat(32)));
  });
});
