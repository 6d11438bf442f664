#!/usr/bin/env node
/**
 * `npm start`: reads .env when there is one, compiles src/ → dist/ if TypeScript is installed
 * (incremental, so an up-to-date build costs a second), then runs the bot server.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('../', import.meta.url);
const envFile = new URL('.env', root);
if (existsSync(envFile)) process.loadEnvFile(envFile);

let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  tsc = undefined; // a production install without devDependencies runs the dist/ it was given
}
if (tsc) {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'], {
    cwd: root,
    stdio: 'inherit',
  });
} else if (!existsSync(new URL('dist/index.js', root))) {
  console.error('dist/index.js is missing and TypeScript is not installed: run npm install, then npm start.');
  process.exit(1);
}
await import(new URL('dist/index.js', root).href);
