/**
 * `npm run build`'s last step: the server (`src/index.ts`) as one ES module, `dist/index.js`, in
 * place of the file tsc wrote. Node then reads one file instead of resolving, opening and compiling
 * about a thousand modules, which is most of the start-up (1.25 s → about 0.8 s to /readyz here).
 * What the first answer does not need (Redis, PostgreSQL, the insights database, the OpenID client)
 * is imported dynamically in the source and lands in chunks under `dist/chunks/`, loaded only when used.
 * The CLIs keep tsc's one-module-per-file output beside it.
 *
 * Left outside the bundle, loaded from node_modules at run time: better-sqlite3 (a native addon) and
 * the optional packages some dependencies try to require (pg-native, OpenTelemetry exporters).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_BANNER } from './buildState.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild's options for the server bundle (also read by the test that checks what start-up loads). */
export const bundleOptions = Object.freeze({
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  external: ['better-sqlite3', 'pg-native', '@opentelemetry/*'],
  // CommonJS dependencies call require(); an ES module has none unless it makes one.
  banner: { js: BUNDLE_BANNER },
  logLevel: 'warning',
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });
  await build(bundleOptions);
}
