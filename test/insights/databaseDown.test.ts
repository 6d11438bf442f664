/**
 * A database that is down never breaks an answer: with PostgreSQL stopped (a real server, killed)
 * or unreachable from start-up, and with the SQLite database closed, questions are answered, the
 * events are dropped and counted, and a hand-off tells the employee the question could not be sent.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../channels/support/redisServer.js';
import { activity, ask, cardOf, startTestBot, type TestBot } from '../channels/support/botServer.js';
import { postgresDatabases, sqliteDatabases } from './support/databases.js';
import { buttonData } from './support/handoff.js';

const FAILED = "n'a pas pu être transmise à l'équipe RH";

/** Asks an answered and an unanswered question, then clicks the hand-off: what the employee sees. */
async function askAndHandOff(bot: TestBot): Promise<{ answered: boolean; handoffText: string }> {
  const conversation = `down-${randomUUID()}`;
  const [answer] = await ask(bot.url, activity(conversation, { text: 'Quelles compétences pour un CPD ?' }));
  const [fallback] = await ask(bot.url, activity(conversation, { text: 'Combien de jours de congés ?' }));
  const [told] = await ask(bot.url, activity(conversation, { value: buttonData(fallback, 'handoff') }));
  return { answered: cardOf(answer)?.body !== undefined && String(cardOf(answer)?.fallbackText).includes('Compétences'), handoffText: String(told?.text) };
}

describe('with PostgreSQL', () => {
  const databases = postgresDatabases();
  let bot: TestBot;

  beforeAll(async () => {
    if (!databases.available) return;
    await databases.setUp();
    bot = await startTestBot({ database: await databases.fresh() });
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await databases.tearDown();
  });

  it.skipIf(!databases.available)('stopped: questions are still answered, events are dropped and counted, a hand-off says it could not be sent', async () => {
    databases.stop!();
    const started = Date.now();
    const seen = await askAndHandOff(bot);
    expect(seen.answered).toBe(true);
    expect(seen.handoffText).toContain(FAILED);
    await bot.insights!.flush();
    expect(bot.insights!.dropped).toBeGreaterThanOrEqual(2);
    // A refused connection fails fast: the turns did not wait for a time-out.
    expect(Date.now() - started).toBeLessThan(5_000);
    databases.start!();
  }, 30_000);

  it.skipIf(!databases.available)('unreachable from start-up: the bot starts and answers all the same', async () => {
    const port = await freePort();
    const unreachable = await startTestBot({ database: { kind: 'postgres', url: `postgres://postgres@127.0.0.1:${port}/nothing` } });
    try {
      expect(unreachable.insightsDatabase!.store()).toBeNull();
      const seen = await askAndHandOff(unreachable);
      expect(seen.answered).toBe(true);
      expect(seen.handoffText).toContain(FAILED);
    } finally {
      await unreachable.close();
    }
  }, 30_000);
});

describe('with SQLite', () => {
  const databases = sqliteDatabases();
  let bot: TestBot;

  beforeAll(async () => {
    await databases.setUp();
    bot = await startTestBot({ database: await databases.fresh() });
  });

  afterAll(async () => {
    await bot?.close();
    await databases.tearDown();
  });

  it('closed: questions are still answered, events are dropped and counted, a hand-off says it could not be sent', async () => {
    await bot.insightsDatabase!.close();
    const seen = await askAndHandOff(bot);
    expect(seen.answered).toBe(true);
    expect(seen.handoffText).toContain(FAILED);
    await bot.insights!.flush();
    expect(bot.insights!.dropped).toBeGreaterThanOrEqual(2);
  });
});
