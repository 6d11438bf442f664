/** The project folder (one level above src/ or dist/), so default paths work from any working directory. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The project's own HR lexicon, used when a knowledge folder brings none. */
export const DEFAULT_LEXICON = resolve(PROJECT_ROOT, 'knowledge', 'lexique.yaml');
export const DEFAULT_KNOWLEDGE_DIR = resolve(PROJECT_ROOT, 'knowledge');
export const DEFAULT_DIALOGS_DIR = resolve(PROJECT_ROOT, 'dialogs');
/** The French language pack: word classes the reader and the parser refer to by name. */
export const DEFAULT_LANGUAGE_PACK = resolve(PROJECT_ROOT, 'language', 'fr.yaml');
