/**
 * A turn that hangs is answered with the French apology of dialogs/ within the per-turn limit,
 * and does not hold the server's shutdown. The hang is a real one: the feedback file is a named
 * pipe nobody reads, so appending a vote blocks in the kernel, as on a stalled network disk.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUNG_TURNS_AT_EXIT, TURN_TIMED_OUT } from '../../src/channels/turnDeadline.js';
import { createLogger } from '../../src/logger.js';
import { FileFeedbackStore } from '../../src/conversation/feedbackStore.js';
import { activity, post, realEngine, startTestBot, type ReplyActivity, type TestBot } from './support/botServer.js';
import { startBotProcess } from './support/botProcess.js';

const TURN_TIMEOUT_MS = 500;

/** A named pipe: opening it to append blocks until someone opens it to read. */
function stalledFile(): string {
  const fifo = join(mkdtempSync(join(tmpdir(), 'assistant-rh-stalled-')), 'feedback.jsonl');
  execFileSync('mkfifo', [fifo]);
  return fifo;
}

/** Opens the pipe for reading, which lets the blocked append (and its thread) go. */
function unblock(fifo: string): void {
  closeSync(openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK));
}

/** A 👍 on some answer: recording it appends to the feedback file. */
const vote = (conversationId: string) =>
  activity(conversationId, { value: { action: 'feedback', vote: 'up', answerId: 'a-1', questionId: 'q-1' } });

const fifo = stalledFile();
const logged: Record<string, unknown>[] = [];
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({
    feedbackStore: new FileFeedbackStore(fifo),
    turnTimeoutMs: TURN_TIMEOUT_MS,
    logger: createLogger({ logLevel: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) }),
  });
});
afterAll(async () => {
  unblock(fifo);
  await bot?.close();
});

describe('a turn that hangs', () => {
  it('is answered with the apology within the per-turn limit', async () => {
    const started = performance.now();
    const { status, json } = await post(bot.url, vote('c-hung'));
    const elapsed = performance.now() - started;
    expect(status).toBe(200);
    const messages = (json.activities as ReplyActivity[]).filter((reply) => reply.type === 'message');
    const { dialogs } = await realEngine();
    expect(messages.map((reply) => reply.text)).toEqual([dialogs.fallback.timeout]);
    expect(elapsed).toBeGreaterThanOrEqual(TURN_TIMEOUT_MS - 10);
    expect(elapsed).toBeLessThan(TURN_TIMEOUT_MS + 1_000);
    expect(logged).toContainEqual(expect.objectContaining({ level: 'warn', msg: TURN_TIMED_OUT, conversationId: 'c-hung' }));
  });

  it('leaves the other turns alone: a question is still answered at once', async () => {
    const started = performance.now();
    const { status, json } = await post(bot.url, activity('c-other', { text: 'Quelles sont les compétences du CPD ?' }));
    expect(status).toBe(200);
    expect(performance.now() - started).toBeLessThan(TURN_TIMEOUT_MS);
    expect((json.activities as ReplyActivity[]).some((reply) => reply.type === 'message' && reply.text !== undefined)).toBe(false);
  });

  it('does not hold the shutdown: the server closes without cutting anything', async () => {
    const hung = await startTestBot({ feedbackStore: new FileFeedbackStore(stalledFile()), turnTimeoutMs: TURN_TIMEOUT_MS });
    const answered = post(hung.url, vote('c-hung-at-shutdown'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    const { forced } = await hung.close(5_000);
    expect(forced).toBe(false);
    expect(performance.now() - started).toBeLessThan(TURN_TIMEOUT_MS + 1_000);
    expect((await answered).status).toBe(200);
  });
});

describe('the real process with a stalled feedback file', () => {
  it('apologises within TURN_TIMEOUT_MS, then ends promptly on SIGTERM without waiting for the hung write', async () => {
    const stalled = stalledFile();
    const process = await startBotProcess({ FEEDBACK_FILE: stalled, TURN_TIMEOUT_MS: String(TURN_TIMEOUT_MS) });
    try {
      const started = performance.now();
      const { status, json } = await post(process.url, vote('c-hung-process'));
      expect(status).toBe(200);
      expect(performance.now() - started).toBeLessThan(TURN_TIMEOUT_MS + 1_000);
      expect(JSON.stringify(json)).toContain('je mets trop de temps à répondre');
      // Node's own exit would wait for ever for the thread blocked on the pipe: the process ends itself.
      const stopping = performance.now();
      await process.stop();
      expect(performance.now() - stopping).toBeLessThan(3_000);
      expect(await process.waitForLog((line) => line.msg === HUNG_TURNS_AT_EXIT, 2_000)).toMatchObject({ level: 'warn', hungTurns: 1 });
    } finally {
      unblock(stalled);
      await process.stop();
    }
  }, 30_000);
});
