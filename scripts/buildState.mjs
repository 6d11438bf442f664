/**
 * Whether a build output is older than what it is built from, for the scripts that build before they
 * run (`npm start`, `npm run ask`…): a walk over the sources' modification times, no compiler started.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';

/** The latest modification time of the .ts files under `folder` (0 when there is none). */
export function newestSource(folder) {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when `output` is missing or older than one of `inputs` (files, or folders of .ts sources). */
export function isStale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => (statSync(input).isDirectory() ? newestSource(input) : statSync(input).mtimeMs) > built);
}

/** The first line of the server bundle (scripts/bundleServer.mjs), how `npm start` tells it from tsc's output. */
export const BUNDLE_BANNER = "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";
