#!/usr/bin/env node
/**
 * `npm run ask|chat|kb|check:knowledge|eval`: runs a CLI from compiled JavaScript, not through tsx.
 * When TypeScript is installed and a source is newer than the last build, compiles first (incremental,
 * its output on stderr so machine-readable stdout stays clean); writes the compact French word list
 * when it is missing or older than the package it comes from, and the YAML files' data when one of them
 * changed. Then runs the CLI in this same process.
 *
 *   node scripts/cli.mjs <name> [arguments…]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isStale, refreshYamlData } from './buildState.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const at = (path) => `${root}${path}`;

/** Each CLI: its compiled entry point, the build that produces it, the sources that build reads. */
const CLIS = {
  ask: { entry: 'dist/cli/ask.js', project: 'tsconfig.json', stamp: 'dist/.tsbuildinfo', sources: ['src'] },
  chat: { entry: 'dist/cli/chat.js', project: 'tsconfig.json', stamp: 'dist/.tsbuildinfo', sources: ['src'] },
  kb: { entry: 'dist/cli/kb.js', project: 'tsconfig.json', stamp: 'dist/.tsbuildinfo', sources: ['src'] },
  'check:knowledge': { entry: 'dist/cli/checkKnowledge.js', project: 'tsconfig.json', stamp: 'dist/.tsbuildinfo', sources: ['src'] },
  'insights:purge': { entry: 'dist/cli/insightsPurge.js', project: 'tsconfig.json', stamp: 'dist/.tsbuildinfo', sources: ['src'] },
  eval: { entry: 'dist/eval/test/eval/report.js', project: 'tsconfig.eval.json', stamp: 'dist/eval/.tsbuildinfo', sources: ['src', 'test/eval'] },
};
const DICTIONARY = 'dist/data/french-words.txt';

function compile(project, stamp) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // tsc reports on stdout: send it to stderr, stdout is the CLI's (JSON lines with --jsonl).
  execFileSync(process.execPath, [tsc, '-p', project, '--incremental', '--tsBuildInfoFile', stamp], { cwd: root, stdio: ['ignore', 2, 2] });
  // tsc leaves its build info alone when no output changed: date it now, so the sources read are older.
  const now = new Date();
  if (existsSync(at(stamp))) utimesSync(at(stamp), now, now);
}

function hasTypeScript() {
  try {
    createRequire(import.meta.url).resolve('typescript/bin/tsc');
    return true;
  } catch {
    return false; // a production install without devDependencies runs the dist/ it was given
  }
}

const name = process.argv[2];
const cli = CLIS[name];
if (!cli) {
  process.stderr.write(`usage: node scripts/cli.mjs <${Object.keys(CLIS).join('|')}> [arguments…]\n`);
  process.exit(2);
}
if (hasTypeScript()) {
  const inputs = [...cli.sources.map(at), at(cli.project), at('tsconfig.json')];
  if (isStale(at(cli.stamp), inputs)) compile(cli.project, cli.stamp);
  const wordsPackage = createRequire(import.meta.url).resolve('an-array-of-french-words/package.json');
  if (isStale(at(DICTIONARY), [wordsPackage, at('src/understanding/frenchDictionary.ts')])) {
    if (isStale(at('dist/.tsbuildinfo'), [at('src'), at('tsconfig.json')])) compile('tsconfig.json', 'dist/.tsbuildinfo');
    execFileSync(process.execPath, [at('dist/cli/buildDictionary.js')], { cwd: root, stdio: ['ignore', 2, 2] });
  }
  // The project's YAML files parsed ahead, again when one of them changed.
  refreshYamlData(root, ['ignore', 2, 2], () => {
    if (isStale(at('dist/.tsbuildinfo'), [at('src'), at('tsconfig.json')])) compile('tsconfig.json', 'dist/.tsbuildinfo');
  });
} else if (!existsSync(at(cli.entry))) {
  process.stderr.write(`${cli.entry} is missing and TypeScript is not installed: run npm install, then npm run build.\n`);
  process.exit(1);
}
// The CLI reads its own arguments: drop this script's CLI name from them.
process.argv.splice(2, 1);
await import(new URL(cli.entry, new URL('../', import.meta.url)).href);
