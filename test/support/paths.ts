/** Paths of the project's data used by tests. */
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/projectRoot.js';

/** The shared article as a fixture: tests never depend on what an HR team puts in knowledge/. */
export const SHARED_KNOWLEDGE = resolve(PROJECT_ROOT, 'test/fixtures/shared-article');
export const SHARED_ARTICLE = resolve(SHARED_KNOWLEDGE, 'differences-chef-de-produit-digital-marketing.txt');
export const SECOND_KNOWLEDGE = resolve(PROJECT_ROOT, 'test/fixtures/second-article');
export const SECOND_KNOWLEDGE_MD = resolve(PROJECT_ROOT, 'test/fixtures/second-article-md');
export const DIALOGS = resolve(PROJECT_ROOT, 'dialogs');

/** Every fixture article in one folder: the union library the evaluation and the library tests read. */
export const LIBRARY_KNOWLEDGE = resolve(PROJECT_ROOT, 'test/fixtures/library');

/** Reading the whole library (well over a hundred articles) takes seconds on a machine running every test file at once. */
export const LIBRARY_LOAD_TIMEOUT_MS = 60_000;
