#!/usr/bin/env node
/**
 * CI's check of a production build (scripts/buildProduction.sh): in the given folder, the dev
 * dependencies are gone; `node dist/index.js` with NODE_ENV=production and no Azure credentials stops
 * with a message saying what to set; without credentials in development mode it answers /healthz and
 * one question posted to /api/messages as Teams would (with credentials the SDK would ask for a real
 * Entra token, which CI cannot have). Node built-ins only (it runs from the CI's tree against the
 * pruned copy).
 * With `--dockerfile FILE`, the checks run on a folder holding only what the Dockerfile's runtime stage
 * copies from its build stage, so a file the image forgets fails here although docker cannot run.
 * Usage: node scripts/checkProduction.mjs <folder> [--dockerfile Dockerfile]
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: options, positionals } = parseArgs({ options: { dockerfile: { type: 'string' } }, allowPositionals: true });
const built = resolve(positionals[0] ?? '.');
const folder = options.dockerfile ? imageFolder(built, resolve(options.dockerfile)) : built;
const QUESTION = 'Quelles sont les compétences du chef de produit digital ?';
const READY_TIMEOUT_MS = 30_000;

function fail(message) {
  console.error(`checkProduction: ${message}`);
  process.exit(1);
}

/**
 * Copies into a new folder what the Dockerfile's last stage takes from the build stage
 * (`COPY --from=build /app/<path>… <destination>`, WORKDIR /app), and returns that folder.
 */
function imageFolder(source, dockerfile) {
  const image = mkdtempSync(join(tmpdir(), 'assistant-rh-image-'));
  process.on('exit', () => rmSync(image, { recursive: true, force: true }));
  const copies = readFileSync(dockerfile, 'utf8')
    .split('\n')
    .map((line) => /^COPY\s+--from=build\s+(.+)$/.exec(line.trim())?.[1].split(/\s+/))
    .filter(Boolean);
  if (copies.length === 0) fail(`${dockerfile} has no COPY --from=build line`);
  for (const words of copies) {
    const destination = join(image, words.pop());
    for (const from of words) {
      if (!from.startsWith('/app/')) fail(`unexpected COPY source ${from} in ${dockerfile}`);
      const path = from.slice('/app/'.length);
      const target = words.length > 1 || destination.endsWith('/') ? join(destination, basename(path)) : destination;
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(source, path), target, { recursive: true });
    }
  }
  return image;
}

/** A free TCP port on the loopback interface. */
function freePort() {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

// npm's hidden lockfile lists what is installed; `dev: true` marks a package only dev dependencies need.
const { packages = {} } = JSON.parse(readFileSync(join(folder, 'node_modules', '.package-lock.json'), 'utf8'));
const devOnly = Object.entries(packages).filter(([, entry]) => entry.dev).map(([path]) => path);
if (devOnly.length > 0) fail(`${devOnly.length} dev-only packages still installed, e.g. ${devOnly.slice(0, 5).join(', ')}`);
for (const tool of ['typescript', 'vitest', 'tsx']) {
  if (existsSync(join(folder, 'node_modules', tool))) fail(`${tool} is still installed`);
}
if (!existsSync(join(folder, 'dist', 'index.js'))) fail('dist/index.js is missing: the build did not run');

// Production without a client id: refused at start-up, with the key to set.
const refused = spawnSync(process.execPath, ['dist/index.js'], {
  cwd: folder,
  env: { PATH: process.env.PATH, NODE_ENV: 'production' },
  encoding: 'utf8',
  timeout: READY_TIMEOUT_MS,
});
if (refused.status === 0 || !`${refused.stdout}${refused.stderr}`.includes('connections__serviceConnection__settings__clientId')) {
  fail(`NODE_ENV=production without a client id should stop with a clear message:\n${refused.stdout}${refused.stderr}`);
}

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
// Only what a container would have: no credentials, no developer settings.
const env = { PATH: process.env.PATH, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' };
const started = Date.now();
const bot = spawn(process.execPath, ['dist/index.js'], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
bot.stdout.on('data', (chunk) => (output += chunk));
bot.stderr.on('data', (chunk) => (output += chunk));
const stop = (message) => {
  bot.kill('SIGTERM');
  if (message) fail(`${message}\n--- bot output ---\n${output}`);
};

try {
  for (;;) {
    if (bot.exitCode !== null) stop(`node dist/index.js exited with ${bot.exitCode}`);
    const status = await fetch(`${url}/healthz`).then((response) => response.status, () => 0);
    if (status === 200) break;
    if (Date.now() - started > READY_TIMEOUT_MS) stop(`/healthz not 200 within ${READY_TIMEOUT_MS} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
  const readyMs = Date.now() - started;
  const activity = {
    type: 'message',
    id: 'check-1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: 'user-1', name: 'Camille', role: 'user' },
    recipient: { id: 'bot-1', name: 'Assistant RH', role: 'bot' },
    conversation: { id: 'production-check' },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
    text: QUESTION,
  };
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = await response.json().catch(() => undefined);
  const card = body?.activities?.find((reply) => reply.type === 'message')?.attachments?.[0]?.content;
  const text = JSON.stringify(card ?? {});
  if (response.status !== 200 || !text.includes('Analyse de données')) {
    stop(`POST /api/messages answered ${response.status} without the expected card: ${JSON.stringify(body).slice(0, 500)}`);
  }
  console.log(
    `production build OK${options.dockerfile ? ' (with only the files the image copies)' : ''}: no dev dependency, ready in ${readyMs} ms, /api/messages answered "${QUESTION}"`,
  );
  stop();
} catch (error) {
  stop(error instanceof Error ? error.message : String(error));
}
