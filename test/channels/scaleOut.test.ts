/**
 * Scale-out: two real bot processes (src/index.ts, as a load balancer would reach them) sharing one
 * real redis-server. A question asked on one process and its follow-up on the other keep the thread;
 * with Redis down both keep answering, without context, and say so in their logs; once Redis is back
 * the context is shared again.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_STORAGE_MESSAGES } from '../../src/channels/redisStorage.js';
import { activity, ask, cardOf, cardTexts, type ReplyActivity } from './support/botServer.js';
import { startBotProcess, type BotProcess } from './support/botProcess.js';
import { redisServerInstalled, startRedisServer, type RedisServer } from './support/redisServer.js';

const QUESTION = 'Quelles sont les compétences du chef de produit digital ?';
const FOLLOW_UP = 'Et pour le marketing ?';
const DIGITAL_SKILLS = ['Analyse de données', 'Connaissance des outils Agile', 'Compétences techniques (développement, UX/UI)', 'Gestion de projets numériques'];
const MARKETING_SKILLS = ['Stratégie de communication', 'Connaissance des études de marché', 'Compétence en branding', 'Capacité à élaborer des campagnes publicitaires'];

const installed = redisServerInstalled();
if (!installed) {
  console.warn('Scale-out tests skipped: `redis-server` is not installed (apt-get install -y redis-server).');
}

/** Everything a user reads in the one message reply of a turn: the card's texts, else the text. */
function readAnswer(replies: ReplyActivity[]): string {
  expect(replies).toHaveLength(1);
  const [reply] = replies;
  const card = cardOf(reply);
  return card ? cardTexts(card.body).join('\n') : String(reply?.text ?? '');
}

/** Asks `text` on one bot process in a conversation and returns what the user reads. */
async function askOn(bot: BotProcess, conversationId: string, text: string): Promise<string> {
  return readAnswer(await ask(bot.url, activity(conversationId, { text })));
}

/** The question on A, the follow-up on B, in a new conversation. */
async function questionOnAFollowUpOnB(a: BotProcess, b: BotProcess): Promise<{ first: string; followUp: string }> {
  const conversationId = `scale-out-${randomUUID()}`;
  const first = await askOn(a, conversationId, QUESTION);
  const followUp = await askOn(b, conversationId, FOLLOW_UP);
  return { first, followUp };
}

const expectMarketingSkills = (answer: string) => {
  expect(answer).toMatch(/compétences.*Chef de produit marketing/i);
  for (const skill of MARKETING_SKILLS) expect(answer).toContain(skill);
  for (const skill of DIGITAL_SKILLS) expect(answer).not.toContain(skill);
};

describe.skipIf(!installed)('two bot processes sharing one redis-server', () => {
  let redis: RedisServer;
  let a: BotProcess;
  let b: BotProcess;

  beforeAll(async () => {
    redis = await startRedisServer();
    [a, b] = await Promise.all([startBotProcess({ REDIS_URL: redis.url }), startBotProcess({ REDIS_URL: redis.url })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.kill();
  });

  it('both processes keep conversation state in Redis', async () => {
    for (const bot of [a, b]) {
      await expect(bot.waitForLog((line) => line.storage === 'redis')).resolves.toBeDefined();
    }
  });

  it('answers the follow-up on process B with the context of the question asked on process A', async () => {
    const { first, followUp } = await questionOnAFollowUpOnB(a, b);
    for (const skill of DIGITAL_SKILLS) expect(first).toContain(skill);
    expectMarketingSkills(followUp);
  });

  it('keeps answering without context while Redis is down, logs the outage, and shares context again once Redis is back', async () => {
    await redis.kill();

    const { first, followUp } = await questionOnAFollowUpOnB(a, b);
    for (const skill of DIGITAL_SKILLS) expect(first).toContain(skill);
    // Without the context, "Et pour le marketing ?" is read as a question about the marketing role itself.
    expect(followUp).toMatch(/Chef de produit marketing/);
    for (const skill of MARKETING_SKILLS) expect(followUp).not.toContain(skill);
    for (const bot of [a, b]) {
      const warning = await bot.waitForLog((line) => line.msg === REDIS_STORAGE_MESSAGES.unavailable);
      expect(warning.level).toBe('warn');
    }

    await redis.start();
    // Each process notices on its own schedule (reconnection backoff, at most 5 s between attempts).
    const deadline = Date.now() + 20_000;
    for (;;) {
      const attempt = await questionOnAFollowUpOnB(a, b);
      if (MARKETING_SKILLS.every((skill) => attempt.followUp.includes(skill))) {
        expectMarketingSkills(attempt.followUp);
        break;
      }
      if (Date.now() > deadline) throw new Error(`context not shared again 20 s after Redis restarted; last follow-up answer:\n${attempt.followUp}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const bot of [a, b]) {
      await expect(bot.waitForLog((line) => line.msg === REDIS_STORAGE_MESSAGES.recovered)).resolves.toBeDefined();
    }
  }, 60_000);
});

describe('scale-out tests on CI', () => {
  it.runIf(process.env.CI === 'true')('run there, where redis-server is installed', () => {
    expect(installed, 'CI must install redis-server (apt-get install -y redis-server)').toBe(true);
  });
});
