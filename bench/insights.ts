/**
 * `npm run bench:insights`: what recording insights costs a turn.
 * 1. In process: the time `Insights.recordAnswer()` takes on the turn's path (building the event,
 *    hashing the conversation, queueing it; the write happens after the turn), p50/p99 over
 *    20,000 answers, and the time of the deferred batch writes on SQLite and PostgreSQL.
 * 2. End to end: the same questions posted to the real bot's /api/messages (expectReplies), without
 *    insights, with SQLite and with PostgreSQL (when Debian's postgresql is installed), the three bots
 *    asked in turn: turn latency p50/p99 and the difference. On a shared machine the end-to-end difference is within the noise;
 *    the in-process figure is the cost itself.
 * Figures are printed, not asserted.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import type { Answer } from '../src/answers/answer.js';
import { emptyContext } from '../src/understanding/context.js';
import { Insights } from '../src/insights/insights.js';
import { InsightsStore } from '../src/insights/insightsStore.js';
import { openDatabase, type DatabaseLocation } from '../src/insights/openDatabase.js';
import { activity, post, realEngine, startTestBot } from '../test/channels/support/botServer.js';
import { postgresDatabases } from '../test/insights/support/databases.js';

const QUESTIONS = [
  'Quelles compétences pour un CPD ?',
  'Et côté marketing ?',
  'Comparer les responsabilités principales',
  'Quelle est la différence entre les deux ?',
  'Combien de jours de congés ?',
  'Avec qui travaille le chef de produit marketing ?',
  'Quels indicateurs pour le CPM ?',
  'Où est la cantine ?',
];
const IN_PROCESS_EVENTS = 10_000;
const HTTP_TURNS = 1_500;
const WARM_UP_TURNS = 200;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: times.reduce((sum, t) => sum + t, 0) / times.length };
};
const fmt = (value: number, unit: 'ms' | 'µs' = 'ms') => (unit === 'µs' ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(3)} ms`);

/** The cost on the turn's path, and of the deferred writes, for one database. */
async function inProcess(name: string, location: DatabaseLocation): Promise<void> {
  const engine = await realEngine();
  const answers: Answer[] = QUESTIONS.map((question) => engine.answer(question, emptyContext()).answer);
  const database = await openDatabase(location);
  await database.migrate();
  const store = new InsightsStore(database.db);
  const writes: number[] = [];
  const timedStore = Object.create(store) as InsightsStore;
  timedStore.write = async (batch) => {
    const started = performance.now();
    await store.write(batch);
    writes.push(performance.now() - started);
  };
  const insights = new Insights({ store: () => timedStore, logger: pino({ level: 'silent' }) });
  const onPath: number[] = [];
  for (let turn = 0; turn < IN_PROCESS_EVENTS; turn += 1) {
    const answer = answers[turn % answers.length]!;
    const started = performance.now();
    insights.recordAnswer({ channelId: 'msteams', conversationId: `c-${turn % 500}`, answerId: randomUUID(), answer, question: QUESTIONS[turn % QUESTIONS.length]! });
    onPath.push(performance.now() - started);
    // A turn every so often lets the queue flush, as real traffic does.
    if (turn % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await insights.flush();
  const path = summary(onPath.slice(500));
  const batches = summary(writes);
  console.log(
    `${name.padEnd(10)} on the turn's path: p50 ${fmt(path.p50, 'µs')}, p99 ${fmt(path.p99, 'µs')}; ` +
      `deferred writes: ${writes.length} batches, p50 ${fmt(batches.p50)}, p99 ${fmt(batches.p99)}; written ${insights.written}, dropped ${insights.dropped}`,
  );
  await database.db.destroy();
}

/** Turn latency through HTTP, the configurations served side by side and asked in turn, so that the machine's load weighs on all alike. */
async function endToEnd(configurations: { name: string; location: DatabaseLocation | undefined }[]): Promise<Map<string, { p50: number; p99: number }>> {
  const http = { messagesRateLimitPerMinute: 1_000_000 };
  const bots = await Promise.all(configurations.map(({ location }) => startTestBot(location ? { database: location, http } : { http })));
  const times = configurations.map(() => [] as number[]);
  const results = new Map<string, { p50: number; p99: number }>();
  try {
    for (let turn = 0; turn < WARM_UP_TURNS + HTTP_TURNS; turn += 1) {
      // A different configuration goes first each turn.
      for (let offset = 0; offset < bots.length; offset += 1) {
        const index = (turn + offset) % bots.length;
        const started = performance.now();
        const { status } = await post(bots[index]!.url, activity(`bench-${turn % 100}`, { text: QUESTIONS[turn % QUESTIONS.length] }));
        if (status !== 200) throw new Error(`status ${status}`);
        if (turn >= WARM_UP_TURNS) times[index]!.push(performance.now() - started);
      }
    }
    for (const [index, { name }] of configurations.entries()) {
      const bot = bots[index]!;
      await bot.insights?.flush();
      const result = summary(times[index]!);
      results.set(name, result);
      console.log(`${name.padEnd(10)} turn latency over HTTP: p50 ${fmt(result.p50)}, p99 ${fmt(result.p99)} (${HTTP_TURNS} turns${bot.insights ? `, events written ${bot.insights.written}, dropped ${bot.insights.dropped}` : ''})`);
    }
    return results;
  } finally {
    await Promise.all(bots.map((bot) => bot.close()));
  }
}

const folder = mkdtempSync(join(tmpdir(), 'assistant-rh-bench-'));
const postgres = postgresDatabases();
try {
  if (postgres.available) await postgres.setUp();
  console.log('1. Cost of recording one event (in process)');
  await inProcess('sqlite', { kind: 'sqlite', file: join(folder, 'in-process.sqlite') });
  if (postgres.available) await inProcess('postgres', await postgres.fresh());
  console.log('\n2. Turn latency through the bot (in-process HTTP, one client, the configurations asked in turn)');
  const configurations = [
    { name: 'none', location: undefined },
    { name: 'sqlite', location: { kind: 'sqlite', file: join(folder, 'http.sqlite') } as DatabaseLocation },
    ...(postgres.available ? [{ name: 'postgres', location: await postgres.fresh() }] : []),
  ];
  const results = await endToEnd(configurations);
  const none = results.get('none')!;
  const delta = (name: string) => {
    const other = results.get(name);
    if (!other) return `${name}: not run (postgresql not installed)`;
    const sign = (value: number) => `${value >= 0 ? '+' : ''}${fmt(value)}`;
    return `${name}: p50 ${sign(other.p50 - none.p50)}, p99 ${sign(other.p99 - none.p99)}`;
  };
  console.log(`added per turn by ${delta('sqlite')}; ${delta('postgres')}`);
} finally {
  await postgres.tearDown();
  rmSync(folder, { recursive: true, force: true });
}
