#!/usr/bin/env node
/**
 * `npm start`: reads .env when there is one, compiles src/ → dist/ if TypeScript is installed
 * (incremental, so an up-to-date build costs a second), writes the compact French word list if it
 * is missing and the YAML files' data if one changed, bundles the server as `npm run build` does, then runs it.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { BUNDLE_BANNER, isStale, refreshYamlData } from './buildState.mjs';

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
  // The French word list in its compact form, written once per version of the package it comes from.
  const words = createRequire(import.meta.url).resolve('an-array-of-french-words/package.json');
  if (isStale(fileURLToPath(new URL('dist/data/french-words.txt', root)), [words])) {
    execFileSync(process.execPath, ['dist/cli/buildDictionary.js'], { cwd: root, stdio: 'inherit' });
  }
  // The project's YAML files parsed ahead, again when one of them changed.
  refreshYamlData(fileURLToPath(root), 'inherit');
  // The server as one module (what `npm run build` ships), again when tsc rewrote it or a source is newer.
  const server = fileURLToPath(new URL('dist/index.js', root));
  const bundled = existsSync(server) && bannerOf(server) === BUNDLE_BANNER;
  if (!bundled || isStale(server, [fileURLToPath(new URL('src', root))])) {
    execFileSync(process.execPath, ['scripts/bundleServer.mjs'], { cwd: root, stdio: 'inherit' });
  }
} else if (!existsSync(new URL('dist/index.js', root))) {
  console.error('dist/index.js is missing and TypeScript is not installed: run npm install, then npm start.');
  process.exit(1);
}
await import(new URL('dist/index.js', root).href);

/** The first bytes of a file, as long as the bundle's banner: enough to tell the bundle from tsc's output. */
function bannerOf(file) {
  const head = Buffer.alloc(Buffer.byteLength(BUNDLE_BANNER));
  const descriptor = openSync(file, 'r');
  try {
    return head.subarray(0, readSync(descriptor, head, 0, head.length, 0)).toString('utf8');
  } finally {
    closeSync(descriptor);
  }
}
