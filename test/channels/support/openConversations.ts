/**
 * Opens many conversations through the web channel of one bot (in memory mode), one question
 * each, and prints the process's memory as JSON, each time after full GCs: before, halfway, after. Run in a child
 * process of its own by memoryBound.test.ts, so that its RSS is the bot's alone:
 *   node --expose-gc --import tsx test/channels/support/openConversations.ts 100000 [sdk]
 * `sdk` uses the SDK's own MemoryStorage instead of the bounded default, for comparison.
 */
import { MemoryStorage } from '@microsoft/agents-hosting';
import { pino } from 'pino';
import { createBot } from '../../../src/channels/bot.js';
import { createStorage } from '../../../src/channels/conversationStorage.js';
import { runWebTurn } from '../../../src/channels/webChannel.js';
import { MemoryFeedbackStore } from '../../../src/conversation/feedbackStore.js';
import { realEngine } from './botServer.js';

const count = Number(process.argv[2] ?? 100_000);
const sdkStorage = process.argv[3] === 'sdk';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** Questions of ordinary length, with a follow-up context and an answer remembered for feedback. */
const QUESTIONS = [
  'Quelles sont les compétences du chef de produit digital ?',
  'Quelle est la différence entre un chef de produit digital et un chef de produit marketing ?',
  'Quelles sont les missions du chef de produit marketing ?',
  'Quelle formation pour devenir chef de produit digital ?',
];

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
async function measure() {
  gc!();
  // V8 gives freed pages back to the system lazily: a quiet second, then a second full GC.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  gc!();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rssMb: megabytes(rss), heapUsedMb: megabytes(heapUsed), heapTotalMb: megabytes(heapTotal), externalMb: megabytes(external) };
}

const engine = await realEngine();
const storage = sdkStorage ? new MemoryStorage() : (await createStorage({ logger: pino({ level: 'silent' }) })).storage;
const bot = createBot({ engine: () => engine, storage, feedbackStore: new MemoryFeedbackStore(), logger: pino({ level: 'silent' }), auth: {} });

// Warm-up: the JIT, the SDK's lazy modules and the typo corrector's word list load before the baseline.
for (let index = 0; index < 200; index += 1) {
  const session = bot.webSessions.issue();
  await runWebTurn(bot.adapter, bot.runTurn, { type: 'message', text: QUESTIONS[index % QUESTIONS.length] }, session);
}
const before = await measure();
const started = performance.now();
let last = bot.webSessions.issue();
let halfway: Awaited<ReturnType<typeof measure>> | undefined;
for (let index = 0; index < count; index += 1) {
  last = bot.webSessions.issue();
  await runWebTurn(bot.adapter, bot.runTurn, { type: 'message', text: QUESTIONS[index % QUESTIONS.length] }, last);
  // Halfway, to show whether the second half adds anything: a bounded store is full by then.
  if (index === Math.floor(count / 2)) halfway = await measure();
}
const seconds = Math.round((performance.now() - started) / 100) / 10;
const after = await measure();
// The most recent conversation still has its context: a follow-up in it is understood.
const followUp = await runWebTurn(bot.adapter, bot.runTurn, { type: 'message', text: 'Et pour le marketing ?' }, last);
const storedStates = storage instanceof MemoryStorage ? Object.keys((storage as unknown as { memory: object }).memory).length : (storage as { size?: number }).size;
process.stdout.write(
  `${JSON.stringify({ conversations: count, storage: sdkStorage ? 'MemoryStorage' : 'BoundedMemoryStorage', seconds, before, halfway, after, storedStates, followUp: JSON.stringify(followUp.activities).includes('marketing') })}\n`,
);
