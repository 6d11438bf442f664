/**
 * `npm run bench:start`: how long the server takes to be ready, as an orchestrator sees it — from
 * spawning `node dist/index.js` (the npm script builds first) to the first 200 from GET /readyz,
 * polled every 5 ms. Started again and again, one at a time, each with an SQLite file of its own (as
 * on a first deployment) and the project's knowledge folder, anonymous mode, warn-level logs; the
 * median and the range, and the RSS once ready. Exits 1 when the median misses the target (issue 10:
 * under 1 s on this machine).
 *
 * Options: --starts N (11 by default).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/projectRoot.js';
import { BOT_CONFIG_KEYS, freePort, rssMb } from './serverProcesses.js';

const TARGET_MS = 1_000;
const POLL_MS = 5;
const GIVE_UP_MS = 30_000;

const { values: options } = parseArgs({ options: { starts: { type: 'string', default: '11' } } });
const starts = Number(options.starts);
const workDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
const environment = Object.fromEntries(Object.entries(process.env).filter(([key]) => !BOT_CONFIG_KEYS.test(key)));

/** One start: milliseconds from spawn to ready, and the RSS then. */
async function timeOneStart(run: number): Promise<{ readyMs: number; rssMb: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/index.js'], {
    cwd: PROJECT_ROOT,
    env: { ...environment, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', INSIGHTS_SQLITE_FILE: join(workDir, `insights-${run}.sqlite`) },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return { readyMs: performance.now() - started, rssMb: rssMb(child.pid!) };
      } catch {
        // not listening yet
      }
      if (performance.now() - started > GIVE_UP_MS) throw new Error(`not ready after ${GIVE_UP_MS / 1000} s`);
      await delay(POLL_MS);
    }
  } finally {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
}

const results: { readyMs: number; rssMb: number }[] = [];
for (let run = 0; run < starts; run++) results.push(await timeOneStart(run));
rmSync(workDir, { recursive: true, force: true });

const ready = results.map((result) => result.readyMs).sort((a, b) => a - b);
const median = ready[Math.floor(ready.length / 2)]!;
const memory = results.map((result) => result.rssMb).sort((a, b) => a - b);
console.log(`node dist/index.js → /readyz 200, ${starts} starts one after the other`);
console.log(`  ready: median ${median.toFixed(0)} ms, range ${ready[0]!.toFixed(0)}–${ready.at(-1)!.toFixed(0)} ms`);
console.log(`  each: ${results.map((result) => result.readyMs.toFixed(0)).join(' ')} ms`);
console.log(`  RSS when ready: median ${memory[Math.floor(memory.length / 2)]!.toFixed(1)} MB`);
const met = median < TARGET_MS;
console.log(`  target: ready in under ${TARGET_MS} ms (median): ${met ? 'met' : 'missed'}`);
process.exitCode = met ? 0 : 1;
