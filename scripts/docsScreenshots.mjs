#!/usr/bin/env node
/**
 * `npm run docs:screenshots`: runs the browser tests with SCREENSHOT_DIR=docs, so the pictures in
 * docs/ (shown by the README) are refreshed on purpose; `npm run test:e2e` writes its screenshots to
 * test-results/screenshots/, ignored by git.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// vitest's command-line entry, beside its package.json (its exports map does not list it).
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.e2e.config.ts'], {
  cwd: new URL('../', import.meta.url),
  env: { ...process.env, SCREENSHOT_DIR: 'docs' },
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
