/**
 * Fuzzing both endpoints of the running server with random Activity JSON: random and unknown
 * types, missing fields, wrong types, nested junk, huge strings, arrays, null, markup, control
 * characters. Never a 5xx (but the protocol's 501 for an unhandled invoke), never a stack trace;
 * the body is JSON or empty. Replies of bodies that lost `deliveryMode: expectReplies` are posted
 * to a fake channel.
 * Seeded: the same bodies on every run; a failure shows its index and body.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random, randomActivity } from '../support/fuzz.js';
import { activity, openPageSession, post, startTestBot, type PageSession, type TestBot } from './support/botServer.js';
import { startFakeChannel, type FakeChannel } from './support/fakeChannel.js';

/** Bodies posted to each endpoint. */
export const ACTIVITY_FUZZ_COUNT = 500;
const SEED = 4_242;
/** Requests in flight at once (the fuzz also exercises concurrent turns). */
const CONCURRENCY = 8;
const STACK_LINE = /\bat .*[\w-]+\.(?:c|m)?[jt]s:\d+|node:internal|\bError: /;

let bot: TestBot;
/** Where replies go when a body loses its `deliveryMode: expectReplies`. */
let channel: FakeChannel;
/** The page session the web channel's bodies are posted in. */
let page: PageSession;
beforeAll(async () => {
  bot = await startTestBot({ http: { rateLimitPerMinute: 100_000 } });
  channel = await startFakeChannel();
  page = await openPageSession(bot.url);
});
afterAll(async () => {
  await bot.close();
  await channel.close();
});

/** A few conversation ids, so that turns build up state and follow-ups happen. */
const conversations = Array.from({ length: 5 }, () => randomUUID());

const ENDPOINTS = [
  {
    path: '/api/messages',
    valid: (random: Random) => activity(random.pick(conversations), { serviceUrl: channel.url }),
    headers: (): Record<string, string> => ({}),
  },
  {
    path: '/api/webchat',
    valid: () => ({ type: 'message', from: { id: page.userId, name: 'Vous' }, conversation: { id: page.conversationId } }),
    headers: (): Record<string, string> => ({ authorization: `Bearer ${page.token}` }),
  },
];

describe.each(ENDPOINTS)('POST $path with random activities', ({ path, valid, headers }) => {
  it(`answers ${ACTIVITY_FUZZ_COUNT} random bodies without a 500 or a stack trace`, async () => {
    const random = new Random(SEED + path.length);
    const bodies = Array.from({ length: ACTIVITY_FUZZ_COUNT }, () => randomActivity(random, () => valid(random)));
    const statuses: Record<number, number> = {};
    const failures: { index: number; status: number; text: string; body: string }[] = [];
    for (let start = 0; start < bodies.length; start += CONCURRENCY) {
      await Promise.all(
        bodies.slice(start, start + CONCURRENCY).map(async (body, offset) => {
          const { status, text } = await post(bot.url, body, { path, headers: headers() });
          statuses[status] = (statuses[status] ?? 0) + 1;
          let json = text === '';
          try {
            json ||= JSON.parse(text) !== undefined;
          } catch {
            json = false;
          }
          // An invoke nobody handles is answered 501, as the Bot Framework protocol asks.
          const unhandledInvoke = status === 501 && (body as { type?: unknown } | null)?.type === 'invoke';
          if ((status >= 500 && !unhandledInvoke) || !json || STACK_LINE.test(text)) {
            failures.push({ index: start + offset, status, text: text.slice(0, 300), body: JSON.stringify(body).slice(0, 300) });
          }
        }),
      );
    }
    expect(failures.slice(0, 3), `seed ${SEED + path.length}`).toEqual([]);
    // Both refusals and real turns were exercised.
    expect(statuses[200]).toBeGreaterThan(ACTIVITY_FUZZ_COUNT / 10);
    expect(statuses[400]).toBeGreaterThan(ACTIVITY_FUZZ_COUNT / 10);
    // About 1.5 s on an idle machine; the default 5 s is not enough on two cores shared with other jobs.
  }, 30_000);
});
