/**
 * `npm run bench` (second part): the whole-process cost of the CLI, as another tool would pay it.
 * - start-up: `npm run -s ask -- --jsonl` answering one question, spawn to exit;
 * - batch: the same command answering every question of the evaluation sets (test/eval/**.yaml, in
 *   their conversations), against the project's knowledge folder;
 * - for each, wall time, CPU time and peak memory (RSS) of the process that answers;
 * - the same batch through tsx, the way `npm run ask` ran before the CLIs were compiled.
 * Every output line must be JSON and there must be one per question. Figures are printed, not asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { PROJECT_ROOT } from '../src/projectRoot.js';
import { readYamlFile } from '../src/text/readYamlFile.js';

const STARTUP_RUNS = 5;
const BATCH_RUNS = 3;

const evalFile = z.object({ cases: z.array(z.object({ q: z.string().optional(), turns: z.array(z.object({ q: z.string() })).optional() }).passthrough()) }).passthrough();

/** Every .yaml file under a folder. */
function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : name.endsWith('.yaml') ? [path] : [];
  });
}

/** The evaluation questions as `ask --jsonl` input lines; the turns of one case share a conversation. */
function batchInput(): string[] {
  return yamlFiles(join(PROJECT_ROOT, 'test/eval')).sort().flatMap((file) =>
    readYamlFile(file, evalFile).cases.flatMap((entry, index) =>
      (entry.turns ?? [{ q: entry.q ?? '' }]).map((turn) => JSON.stringify({ conversation: `${file}#${index}`, text: turn.q })),
    ),
  );
}

/** Preloaded into every Node process of the run: records its peak RSS and CPU time when it exits. */
const RECORDER = `
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  const usage = process.resourceUsage();
  appendFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ script: process.argv[1] ?? '', maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }) + '\\n');
});
`;

interface Run {
  wallMs: number;
  /** Peak RSS of the process that answers (not npm's own). */
  rssMb: number;
  /** CPU time of every Node process of the run (npm and the CLI). */
  cpuMs: number;
  lines: number;
  allJson: boolean;
}

function run(command: string, args: string[], input: string, work: string): Run {
  const usageFile = join(work, `usage-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(usageFile, '');
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: PROJECT_ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NODE_OPTIONS: `--require ${join(work, 'recorder.cjs')}`, BENCH_USAGE_FILE: usageFile },
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const usages = readFileSync(usageFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { script: string; maxRssKb: number; cpuMs: number });
  const answering = usages.filter((usage) => !/npm-cli\.js$|[/\\]npm$/.test(usage.script));
  const lines = result.stdout.trimEnd().split('\n');
  const allJson = lines.every((line) => {
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  });
  return {
    wallMs,
    rssMb: Math.max(...answering.map((usage) => usage.maxRssKb)) / 1024,
    cpuMs: usages.reduce((sum, usage) => sum + usage.cpuMs, 0),
    lines: lines.length,
    allJson,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function measure(label: string, command: string, args: string[], input: string, runs: number, work: string, expected: number): void {
  const results = Array.from({ length: runs }, () => run(command, args, input, work));
  const wall = median(results.map((result) => result.wallMs));
  const cpu = median(results.map((result) => result.cpuMs));
  const rss = median(results.map((result) => result.rssMb));
  const checked = results.every((result) => result.allJson && result.lines === expected) ? `${expected} JSON lines` : 'OUTPUT NOT JSON LINES';
  const rate = expected > 1 ? `   ${Math.round(expected / (wall / 1000))} answers/s` : '';
  console.log(`  ${label.padEnd(44)} wall ${(wall / 1000).toFixed(2)} s   cpu ${(cpu / 1000).toFixed(2)} s   peak rss ${rss.toFixed(0)} MB${rate}   (${checked}, median of ${runs})`);
}

const work = mkdtempSync(join(tmpdir(), 'bench-cli-'));
try {
  writeFileSync(join(work, 'recorder.cjs'), RECORDER);
  const lines = batchInput();
  const all = `${lines.join('\n')}\n`;
  const one = `${lines[0]}\n`;
  // The first run compiles src/ and writes the word list if they are out of date: not timed.
  run('npm', ['run', '-s', 'ask', '--', '--jsonl'], one, work);
  console.log(`\nCLI — Node ${process.version}, the project's knowledge folder, ${lines.length} questions from test/eval\n`);
  console.log('Start-up (one question)');
  measure('npm run -s ask -- --jsonl', 'npm', ['run', '-s', 'ask', '--', '--jsonl'], one, STARTUP_RUNS, work, 1);
  measure('node scripts/cli.mjs ask --jsonl', process.execPath, ['scripts/cli.mjs', 'ask', '--jsonl'], one, STARTUP_RUNS, work, 1);
  measure('tsx src/cli/ask.ts --jsonl (before)', join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['src/cli/ask.ts', '--jsonl'], one, STARTUP_RUNS, work, 1);
  console.log(`\nBatch (${lines.length} questions)`);
  measure('npm run -s ask -- --jsonl', 'npm', ['run', '-s', 'ask', '--', '--jsonl'], all, BATCH_RUNS, work, lines.length);
  measure('tsx src/cli/ask.ts --jsonl (before)', join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['src/cli/ask.ts', '--jsonl'], all, BATCH_RUNS, work, lines.length);
} finally {
  rmSync(work, { recursive: true, force: true });
}
