/**
 * `npm run bench:http`: the bot server under HTTP load, next to two yardsticks, in one run.
 *
 * Servers, each a child process started the same way (plain `node`, same environment, loopback only):
 * - the bot as `npm start` runs it: dist/index.js (the npm script builds first), MemoryStorage, info logs,
 *   insights in an SQLite file of its own, empty at the start of each benchmark;
 * - a bare Express route returning a fixed JSON (bench/servers/bareRoute.mjs);
 * - the SDK floor: the Agents SDK's turn pipeline sending the same replies without our code
 *   (bench/servers/sdkFloor.mjs), to show which part of the gap is the SDK's.
 * autocannon runs here. A server inside this process would share its one thread with the load
 * generator, so the figures would measure both at once, and its RSS would include autocannon's; a
 * child process has its own event loop and heap, as in production, and its RSS is the bot's alone.
 * The servers run one after the other, never at the same time.
 *
 * Load: POST /api/messages with deliveryMode expectReplies, Teams-style Activities: a question then its
 * follow-up in the same conversation, over a fixed pool of conversations (bounded state, as with real
 * users coming back), 10 connections. Every reply is checked: a 200 without an Adaptive Card (e.g. the
 * apology after a failed turn) counts as an error, and so does an error line in the bot's log. The
 * yardsticks send the bot's own reply to the first question, so all three send the same bytes.
 *
 * Memory: the bot's RSS after a warm-up, after a first run of N requests (V8 grows its heap to its
 * working size under load) and after a second run of N (steady state: a leak would show here).
 *
 * Bounded: a fixed number of requests per run (50,000 by default), a time limit per run.
 * Prints the figures and the verdict against the targets; exits 1 if a target is missed.
 *
 * Options: --requests N (per measured run), --connections N, --cpu-prof DIR (each server runs under
 * `node --cpu-prof`; its profile lands in DIR/<server>/ when it stops: `npm run bench:profile --
 * DIR/bot` lists the top frames).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/projectRoot.js';
import { BOT_CONFIG_KEYS, freePort, rssMb } from './serverProcesses.js';

const { values: options } = parseArgs({
  options: {
    requests: { type: 'string', default: '50000' },
    connections: { type: 'string', default: '10' },
    'cpu-prof': { type: 'string' },
  },
});
/** Requests per measured run. */
const REQUESTS = Number(options.requests);
/** Concurrent connections of autocannon. */
const CONNECTIONS = Number(options.connections);
if (!Number.isInteger(REQUESTS) || !Number.isInteger(CONNECTIONS) || CONNECTIONS < 1 || REQUESTS < CONNECTIONS) {
  console.error('--requests and --connections must be whole numbers, with at least one request per connection');
  process.exit(2);
}
/** Requests sent to each server before measuring: JIT, caches and the conversation pool filled. */
const WARM_UP_REQUESTS = 5_000;
/** Conversation ids reused in turn: bounded state, and never two turns of one conversation at once. */
const CONVERSATIONS = 1_000;
/** A run still going after this is stopped and reported as such. */
const RUN_TIME_LIMIT_MS = 300_000;

const TARGETS = Object.freeze({
  /** The bot's req/s as a share of the bare route's. */
  minRatio: 0.5,
  errors: 0,
  /** RSS growth of the bot process over one measured run. */
  maxRssGrowthMb: 20,
});

/** Question and follow-up pairs from the labelled set: lists, a comparison, follow-ups by context. */
const CONVERSATION_TURNS: readonly (readonly [string, string])[] = [
  ['Quelles sont les compétences du chef de produit digital ?', 'Et pour le marketing ?'],
  ['Quelles sont les responsabilités du CPD ?', 'Et pour le marketing ?'],
  ['Quels KPI pour le chef de produit digital ?', 'Et si on compare ?'],
  ["Qu'est-ce qu'un chef de produit numérique ?", 'Et ses missions ?'],
];

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** One timestamp for every request: bodies are built once (see BODIES). */
const TIMESTAMP = new Date().toISOString();

/** A Teams-style message Activity asking for its replies in the HTTP response. */
function activity(conversationId: string, text: string): string {
  return JSON.stringify({
    type: 'message',
    id: `${conversationId}-${text.length}`,
    timestamp: TIMESTAMP,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: `user-${conversationId}`, name: 'Camille', role: 'user' },
    recipient: { id: 'bot-1', name: 'Assistant RH', role: 'bot' },
    conversation: { id: conversationId, conversationType: 'personal' },
    locale: 'fr-FR',
    textFormat: 'plain',
    deliveryMode: 'expectReplies',
    text,
  });
}

interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  logFile: string;
}

/** Starts `node <args>` (env.PORT is its port) and waits for GET /readyz to answer 200. */
async function startServerProcess(name: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<ServerProcess> {
  // Output to a file, not a pipe: draining a pipe would cost this process CPU during the run.
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', log, log] });
  closeSync(log);
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${readFileSync(logFile, 'utf8')}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) return { name, url, child, logFile };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} not ready after 30 s:\n${readFileSync(logFile, 'utf8')}`);
    await delay(100);
  }
}

async function stopServerProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const killer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
  await once(server.child, 'exit');
  clearTimeout(killer);
}

/**
 * The request bodies, built once so the load generator spends its time sending, not serialising:
 * conversation k asks the question, then the follow-up, of pair k mod 4.
 */
const BODIES: readonly (readonly [string, string])[] = Array.from({ length: CONVERSATIONS }, (_, k) => {
  const [question, followUp] = CONVERSATION_TURNS[k % CONVERSATION_TURNS.length]!;
  return [activity(`bench-${k}`, question), activity(`bench-${k}`, followUp)] as const;
});

/** Per-connection state of autocannon, reset after each question + follow-up. */
interface TurnContext {
  conversation?: number;
}

interface LoadResult {
  result: autocannon.Result;
  /** Responses per second from the first request to the last response (autocannon's own figures are whole seconds). */
  perSecond: number;
  /** CPU time of the server process per request (all its threads, GC included); undefined without /proc. */
  cpuMsPerRequest: number | undefined;
  /** 200 responses whose body is not an answer card. */
  badAnswers: number;
  stoppedEarly: boolean;
}

const CLOCK_TICKS_PER_SECOND = existsSync('/proc/self/stat') ? Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100 : 100;

/** User + system CPU seconds of a process so far (Linux /proc), or undefined elsewhere. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Sends `amount` requests (question, follow-up, question, …) to a server and checks every reply. */
async function load(server: ServerProcess, amount: number): Promise<LoadResult> {
  let conversations = 0;
  let badAnswers = 0;
  let responses = 0;
  let lastResponse = 0;
  const check = (status: number, body: string) => {
    responses += 1;
    lastResponse = performance.now();
    if (status === 200 && !body.includes(ADAPTIVE_CARD)) badAnswers += 1;
  };
  const request = { method: 'POST' as const, path: '/api/messages', headers: { 'content-type': 'application/json' }, onResponse: check };
  const cpuBefore = cpuSeconds(server.child.pid!);
  const started = performance.now();
  let stoppedEarly = false;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        amount,
        connections: CONNECTIONS,
        pipelining: 1,
        timeout: 10,
        requests: [
          {
            ...request,
            setupRequest: (raw, context) => {
              const turn = context as TurnContext;
              turn.conversation = conversations++ % CONVERSATIONS;
              return { ...raw, body: BODIES[turn.conversation]![0] };
            },
          },
          { ...request, setupRequest: (raw, context) => ({ ...raw, body: BODIES[(context as TurnContext).conversation!]![1] }) },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    const limit = setTimeout(() => {
      stoppedEarly = true;
      instance.stop();
    }, RUN_TIME_LIMIT_MS);
    instance.once('done', () => clearTimeout(limit));
  });
  const cpuAfter = cpuSeconds(server.child.pid!);
  const cpuMsPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / responses;
  return { result, perSecond: responses / ((lastResponse - started) / 1000), cpuMsPerRequest, badAnswers, stoppedEarly };
}

/** Error lines (level ≥ 50) in a pino log file: failed turns that still answered 200 with an apology. */
function errorLogLines(file: string): number {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /"level":("error"|"fatal"|5\d|60)/.test(line)).length;
}

/** `node --cpu-prof` options for a server when profiling is asked for: one folder per server. */
const profiled = (name: string): string[] =>
  options['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', join(options['cpu-prof'], name)] : [];

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
const errorsOf = ({ result, badAnswers }: LoadResult) => result.errors + result.timeouts + result.non2xx + badAnswers;

const workDir = mkdtempSync(join(tmpdir(), 'bench-http-'));
const servers: ServerProcess[] = [];
let exitCode = 0;
try {
  if (!existsSync(join(PROJECT_ROOT, 'dist/index.js'))) throw new Error('dist/index.js is missing: run `npm run bench:http` (it builds first) or `npm run build`.');
  console.log(`HTTP benchmark — Node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model ?? 'unknown'}), ${REQUESTS} requests per run, ${CONNECTIONS} connections, loopback\n`);
  const childEnvironment = Object.fromEntries(Object.entries(process.env).filter(([key]) => !BOT_CONFIG_KEYS.test(key)));

  const botLog = join(workDir, 'bot.log');
  // One load generator is one client address: the per-client limit on /api/messages (600 a minute by
  // default, against floods) is lifted, as Teams' traffic comes from a few addresses too.
  // Insights in an empty SQLite file of this run: every run starts from the same database (inserts
  // cost more as the file grows), and the project's data/insights.sqlite gets no benchmark events.
  const botEnvironment = {
    ...childEnvironment,
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    MESSAGES_RATE_LIMIT_PER_MINUTE: '1000000',
    INSIGHTS_SQLITE_FILE: join(workDir, 'insights.sqlite'),
  };
  const bot = await startServerProcess('bot', [...profiled('bot'), 'dist/index.js'], botEnvironment, botLog);
  servers.push(bot);
  const botPid = bot.child.pid!;
  const rssReady = rssMb(botPid);

  // The yardsticks answer with the bot's own reply to the first question.
  const firstReply = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: activity('bench-sample', CONVERSATION_TURNS[0]![0]),
  });
  const sample = await firstReply.text();
  if (firstReply.status !== 200 || !sample.includes(ADAPTIVE_CARD)) throw new Error(`the bot did not answer the sample question with a card (${firstReply.status}): ${sample}`);
  const responseFile = join(workDir, 'response.json');
  writeFileSync(responseFile, sample);

  const yardstick = async (name: string, script: string): Promise<LoadResult> => {
    const port = String(await freePort());
    const server = await startServerProcess(name, [...profiled(name), script, port, responseFile], { ...childEnvironment, PORT: port }, join(workDir, `${name}.log`));
    servers.push(server);
    await load(server, WARM_UP_REQUESTS);
    const run = await load(server, REQUESTS);
    await stopServerProcess(server);
    return run;
  };
  const bareRun = await yardstick('bare', 'bench/servers/bareRoute.mjs');
  const floorRun = await yardstick('sdk-floor', 'bench/servers/sdkFloor.mjs');

  await load(bot, WARM_UP_REQUESTS);
  const rssBefore = rssMb(botPid);
  const botRun = await load(bot, REQUESTS);
  const rssAfterFirst = rssMb(botPid);
  const secondRun = await load(bot, REQUESTS);
  const rssAfterSecond = rssMb(botPid);
  const botErrorLines = errorLogLines(botLog);

  const row = (name: string, run: LoadResult) =>
    `${name.padEnd(34)} ${fixed(run.perSecond, 0).padStart(6)} req/s   ${run.cpuMsPerRequest === undefined ? '' : `${fixed(run.cpuMsPerRequest, 3)} ms CPU/req   `}p50 ${fixed(run.result.latency.p50, 0).padStart(3)} ms   p99 ${fixed(run.result.latency.p99, 0).padStart(3)} ms   max ${fixed(run.result.latency.max, 0).padStart(4)} ms   ` +
    `${run.result['2xx']} × 2xx, ${run.result.non2xx} non-2xx, ${run.result.errors} errors, ${run.result.timeouts} timeouts, ${run.badAnswers} without a card${run.stoppedEarly ? '   STOPPED AT THE TIME LIMIT' : ''}`;
  console.log(row('bare Express route', bareRun));
  console.log(row('SDK floor (no engine)', floorRun));
  console.log(row('bot POST /api/messages, run 1', botRun));
  console.log(row('bot POST /api/messages, run 2', secondRun));
  const ratio = botRun.perSecond / bareRun.perSecond;
  console.log(`\nbot / bare route ${fixed(ratio * 100)} %   bot / SDK floor ${fixed((botRun.perSecond / floorRun.perSecond) * 100)} %   SDK floor / bare route ${fixed((floorRun.perSecond / bareRun.perSecond) * 100)} %`);
  if (bareRun.cpuMsPerRequest && botRun.cpuMsPerRequest) {
    console.log(`server CPU per request, bare route / bot: ${fixed((bareRun.cpuMsPerRequest / botRun.cpuMsPerRequest) * 100)} % (the req/s ratio without the load generator's share of the machine)`);
  }
  console.log(`bot error log lines: ${botErrorLines}`);
  console.log(
    `bot RSS: ${fixed(rssReady)} MB when ready, ${fixed(rssBefore)} MB after the warm-up, ${fixed(rssAfterFirst)} MB after run 1 (${signed(rssAfterFirst - rssBefore)} MB), ${fixed(rssAfterSecond)} MB after run 2 (${signed(rssAfterSecond - rssAfterFirst)} MB)`,
  );

  const errors = errorsOf(botRun) + errorsOf(secondRun) + botErrorLines;
  const growth = rssAfterSecond - rssAfterFirst;
  const verdicts: [string, boolean, string][] = [
    [`bot ≥ ${TARGETS.minRatio * 100} % of the bare route's req/s`, ratio >= TARGETS.minRatio, `${fixed(ratio * 100)} %`],
    [`${TARGETS.errors} errors over ${2 * REQUESTS} bot requests`, errors <= TARGETS.errors && !botRun.stoppedEarly && !secondRun.stoppedEarly, `${errors}`],
    [`RSS growth < ${TARGETS.maxRssGrowthMb} MB over ${REQUESTS} requests at steady state (run 2)`, growth < TARGETS.maxRssGrowthMb, `${signed(growth)} MB`],
  ];
  console.log('\nTargets');
  for (const [target, met, value] of verdicts) console.log(`  ${met ? 'met   ' : 'MISSED'}  ${target}: ${value}`);
  if (verdicts.some(([, met]) => !met)) exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 2;
} finally {
  await Promise.all(servers.map(stopServerProcess));
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);
