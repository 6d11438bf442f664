/**
 * The bot's log lines, read back from the real logger: one JSON object per line, the ids of the
 * turn on each line, what was answered at info level, and the question text kept out of info
 * lines unless LOG_QUESTIONS=1 (privacy).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { activity, fromPage, openPageSession, post, postFromPage, startTestBot } from './support/botServer.js';

/** A question whose words are easy to look for in the logs. */
const QUESTION = 'Quelles sont les compétences du chef de produit digital pour Mme Zébulonne ?';
const PRIVATE_WORD = 'Zébulonne';

interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

/** Starts a bot logging at `level` into memory, asks QUESTION on both endpoints, returns the lines. */
async function linesOf(environment: Record<string, string>): Promise<{ lines: LogLine[]; conversationId: string; activityId: string }> {
  const config = loadConfig(environment);
  const raw: string[] = [];
  const logger = createLogger(config, { write: (line: string) => void raw.push(line) });
  const bot = await startTestBot({ logger, logQuestions: config.logQuestions });
  const conversationId = `conv-${randomUUID()}`;
  const activityId = randomUUID();
  try {
    expect((await post(bot.url, activity(conversationId, { id: activityId, text: QUESTION }))).status).toBe(200);
    const page = await openPageSession(bot.url);
    expect((await postFromPage(bot.url, page, fromPage(page, { text: QUESTION }))).status).toBe(200);
  } finally {
    await bot.close();
  }
  return { lines: raw.map((line) => JSON.parse(line) as LogLine), conversationId, activityId };
}

describe('the logs of a turn', () => {
  it('are JSON lines with a level word and an ISO time', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'info' });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.level).toMatch(/^(?:fatal|error|warn|info|debug|trace)$/);
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });

  it('say at info level what was answered, with the conversation and activity ids', async () => {
    const { lines, conversationId, activityId } = await linesOf({ LOG_LEVEL: 'info' });
    const answered = lines.filter((line) => line.msg === 'question answered');
    expect(answered).toHaveLength(2);
    expect(answered[0]).toMatchObject({
      level: 'info',
      conversationId,
      activityId,
      channelId: 'msteams',
      kind: 'list',
      section: 'les-competences-requises',
      roles: ['chef-de-produit-digital'],
      confidence: expect.any(Number),
      answerId: expect.any(String),
    });
    expect(answered[1]).toMatchObject({ channelId: 'webchat', conversationId: expect.stringMatching(/^web-/), kind: 'list' });
  });

  it('leave the question text out at info level by default', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'info' });
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(lines)).not.toContain(PRIVATE_WORD);
  });

  it('show it only on debug lines with LOG_LEVEL=debug', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'debug' });
    const withQuestion = lines.filter((line) => JSON.stringify(line).includes(PRIVATE_WORD));
    expect(withQuestion.length).toBeGreaterThan(0);
    expect(withQuestion.every((line) => line.level === 'debug')).toBe(true);
  });

  it('include it at info level with LOG_QUESTIONS=1', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'info', LOG_QUESTIONS: '1' });
    const answered = lines.filter((line) => line.msg === 'question answered');
    expect(answered.map((line) => line.question)).toEqual([QUESTION, QUESTION]);
  });

  it('are silent with LOG_LEVEL=silent', async () => {
    const { lines } = await linesOf({ LOG_LEVEL: 'silent' });
    expect(lines).toEqual([]);
  });
});
