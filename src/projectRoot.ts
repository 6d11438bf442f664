/**
 * The project folder: the nearest folder above this module that holds package.json, so default paths
 * work from src/, dist/ or a compiled copy of the evaluation (dist/eval/src/), from any working directory.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(resolve(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) return resolve(from, '..');
  }
}

export const PROJECT_ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));
/** The project's own HR lexicon, used when a knowledge folder brings none. */
export const DEFAULT_LEXICON = resolve(PROJECT_ROOT, 'knowledge', 'lexique.yaml');
export const DEFAULT_KNOWLEDGE_DIR = resolve(PROJECT_ROOT, 'knowledge');
export const DEFAULT_DIALOGS_DIR = resolve(PROJECT_ROOT, 'dialogs');
/** The French language pack: word classes the reader and the parser refer to by name. */
export const DEFAULT_LANGUAGE_PACK = resolve(PROJECT_ROOT, 'language', 'fr.yaml');
/** The French word list in its compact form (folded, sorted, one per line), written by `npm run build`. */
export const COMPACT_FRENCH_WORDS = resolve(PROJECT_ROOT, 'dist', 'data', 'french-words.txt');
/** The data of the project's YAML files, parsed by `npm run build`, by hash of their text. */
export const PRECOMPILED_YAML = resolve(PROJECT_ROOT, 'dist', 'data', 'yaml-data.json');
/** The folders whose YAML files `npm run build` parses ahead (the language pack, the dialogs, the lexicon and contacts). */
export const PRECOMPILED_YAML_FOLDERS = [resolve(PROJECT_ROOT, 'language'), DEFAULT_DIALOGS_DIR, DEFAULT_KNOWLEDGE_DIR];
