/**
 * Whether a build output is older than what it is built from, for the scripts that build before they
 * run (`npm start`, `npm run ask`…): a walk over the sources' modification times, no compiler started.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The latest modification time of the files ending in `extension` under `folder` (0 when there is none). */
export function newestSource(folder, extension = '.ts') {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, extension));
    else if (entry.name.endsWith(extension)) newest = Math.max(newest, statSync(path).mtimeMs);
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

/** The folders whose YAML files `npm run build` parses ahead (dist/cli/buildYamlData.js). */
const YAML_FOLDERS = ['language', 'dialogs', 'knowledge'];

/**
 * Writes the project's YAML files' data again (dist/data/yaml-data.json) when it is missing or older than one of
 * them (`beforeBuilding` first: compiling what writes it). A failure is only reported: a stale or missing file costs the parse it would have saved, nothing else.
 */
export function refreshYamlData(root, stdio, beforeBuilding = () => {}) {
  const output = join(root, 'dist', 'data', 'yaml-data.json');
  const built = existsSync(output) ? statSync(output).mtimeMs : -1;
  if (!YAML_FOLDERS.some((folder) => newestSource(join(root, folder), '.yaml') > built)) return;
  try {
    beforeBuilding();
    execFileSync(process.execPath, [join(root, 'dist', 'cli', 'buildYamlData.js')], { cwd: root, stdio });
  } catch {
    process.stderr.write('The YAML files could not be parsed ahead: they are parsed as the program starts.\n');
  }
}
