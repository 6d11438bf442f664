/**
 * Part of `npm run build`: parses the project's YAML files (language pack, dialogs, lexicon) once and
 * writes their data to dist/data/yaml-data.json by hash of their text, so the server starts without a
 * YAML parse. Only a file whose text is unchanged uses it; any other is parsed at start as before.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PRECOMPILED_YAML, PRECOMPILED_YAML_FOLDERS } from '../projectRoot.js';
import { precompileYaml } from '../text/readYamlFile.js';

const sources = PRECOMPILED_YAML_FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => readFileSync(join(folder, name), 'utf8')),
);
mkdirSync(dirname(PRECOMPILED_YAML), { recursive: true });
writeFileSync(PRECOMPILED_YAML, JSON.stringify(precompileYaml(sources)));
