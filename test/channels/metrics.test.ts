/**
 * GET /metrics: the Prometheus text a monitoring system scrapes after real turns on both endpoints,
 * and who may read it (loopback clients by default, token holders when a token is set, nobody when off).
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from '@microsoft/agents-hosting';
import { MemoryStorage } from '@microsoft/agents-hosting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, ask, cardButtons, cardOf, fromPage, openPageSession, post, postFromPage, startTestBot, type TestBot } from './support/botServer.js';

const TOKEN = 'a-long-enough-metrics-token';

/** The value of one sample line, e.g. `assistant_turns_total{kind="list",channel="msteams"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const scrape = (bot: TestBot, headers: Record<string, string> = {}) => fetch(`${bot.url}/metrics`, { headers });

describe('GET /metrics after real turns', () => {
  let bot: TestBot;
  let text: string;
  beforeAll(async () => {
    bot = await startTestBot();
    const conversation = `metrics-${randomUUID()}`;
    const [answer] = await ask(bot.url, activity(conversation, { text: 'Quelles sont les compétences du chef de produit digital ?' }));
    await ask(bot.url, activity(conversation, { text: 'Quel est le salaire d’un astronaute ?' }));
    const vote = cardButtons(cardOf(answer)).find((button) => button.data.vote === 'up')?.data;
    await ask(bot.url, activity(conversation, { value: vote }));
    // The page's channel needs a session the server issued (issue 9).
    const session = await openPageSession(bot.url);
    expect((await postFromPage(bot.url, session, fromPage(session, { text: 'Compare les compétences' }))).status).toBe(200);
    const response = await scrape(bot);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    text = await response.text();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('counts turns by kind and channel, and fallbacks apart', () => {
    expect(sample(text, 'assistant_turns_total{kind="list",channel="msteams"}')).toBe(1);
    expect(sample(text, 'assistant_turns_total{kind="fallback",channel="msteams"}')).toBe(1);
    expect(sample(text, 'assistant_turns_total{kind="comparison",channel="webchat"}')).toBe(1);
    expect(sample(text, 'assistant_fallbacks_total{channel="msteams"}')).toBe(1);
  });

  it('has an answer latency histogram', () => {
    expect(sample(text, 'assistant_answer_duration_seconds_count{channel="msteams"}')).toBe(2);
    expect(text).toContain('assistant_answer_duration_seconds_bucket{le="0.005",channel="msteams"}');
  });

  it('counts feedback votes', () => {
    expect(sample(text, 'assistant_feedback_total{vote="up",channel="msteams"}')).toBe(1);
  });

  it('shows storage errors at 0, and HTTP requests by route pattern and status', () => {
    expect(sample(text, 'assistant_storage_errors_total{operation="write"}')).toBe(0);
    expect(sample(text, 'http_request_duration_seconds_count{method="POST",route="/api/messages",status_code="200"}')).toBe(3);
    expect(sample(text, 'http_request_duration_seconds_count{method="POST",route="/api/webchat",status_code="200"}')).toBe(1);
  });

  it('includes Node process metrics', () => {
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('counts a channel id it does not know as `other`, so forged ids cannot grow the registry', async () => {
    await ask(bot.url, activity(`metrics-${randomUUID()}`, { channelId: `forged-${randomUUID()}`, text: 'aide' }));
    const after = await (await scrape(bot)).text();
    expect(after).toMatch(/assistant_turns_total\{kind="[a-z]+",channel="other"\} 1/);
    expect(after).not.toContain('forged-');
  });

  it('is hidden (404) from a request relayed by a proxy, even one on this machine', async () => {
    expect((await scrape(bot, { 'x-forwarded-for': '203.0.113.5' })).status).toBe(404);
  });
});

describe('access to GET /metrics', () => {
  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const bot = await startTestBot({ http: { metrics: { enabled: true, token: TOKEN } } });
    try {
      expect((await scrape(bot)).status).toBe(404);
      expect((await scrape(bot, { authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(404);
      expect((await scrape(bot, { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    } finally {
      await bot.close();
    }
  });

  it('is not served with METRICS=0', async () => {
    const bot = await startTestBot({ http: { metrics: { enabled: false } } });
    try {
      expect((await scrape(bot)).status).toBe(404);
    } finally {
      await bot.close();
    }
  });

  it('counts a storage that fails', async () => {
    const memory = new MemoryStorage();
    const failing: Storage = {
      read: (keys) => memory.read(keys),
      write: async () => {
        throw new Error('disk full');
      },
      delete: (keys) => memory.delete(keys),
    };
    const bot = await startTestBot({ storage: failing });
    try {
      await post(bot.url, activity(`metrics-${randomUUID()}`, { text: 'aide' }));
      const text = await (await scrape(bot)).text();
      expect(sample(text, 'assistant_storage_errors_total{operation="write"}')).toBeGreaterThanOrEqual(1);
    } finally {
      await bot.close();
    }
  });
});
