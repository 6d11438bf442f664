import { appendFileSync, chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/answers/engine.js';
import { emptyContext } from '../../src/understanding/context.js';
import { KNOWLEDGE_WATCH_MESSAGES, watchKnowledge, type KnowledgeWatcher, type WatchLogger } from '../../src/knowledge/watchKnowledge.js';
import { problems } from '../../src/knowledge/checkerMessages.js';
import { DEFAULT_DIALOGS_DIR, DEFAULT_LEXICON, PROJECT_ROOT } from '../../src/projectRoot.js';
import { SHARED_KNOWLEDGE } from '../support/paths.js';
import { renderText } from '../../src/render/text.js';

const ARTICLE = 'differences-chef-de-produit-digital-marketing.txt';
const COMPETENCES_DIGITAL = 'Quelles sont les compétences du chef de produit digital ?';
const NEW_SKILL = 'Pilotage de la feuille de route produit';
/** A title, then a bullet before any heading: the parser refuses it at line 3. */
const BROKEN_ARTICLE = 'Différences entre un A et un B\n\n  • une puce avant tout titre\n';
/** Short debounce so the tests run fast; the behaviour is the same as with the default. */
const DEBOUNCE_MS = 100;

interface LogEntry {
  level: 'info' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

function recordingLogger(): WatchLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (obj, msg) => entries.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    error: (obj, msg) => entries.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
}

/** Retries `check` until it passes or `timeoutMs` runs out. */
async function eventually(check: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the engine answers to a first question. */
const answerOf = (engine: Engine, question: string) => renderText(engine.answer(question, emptyContext()).answer);

/** Adds a skill to the digital product manager's list, right after "Analyse de données". */
function addSkill(folder: string, skill: string): void {
  const file = join(folder, ARTICLE);
  writeFileSync(file, readFileSync(file, 'utf8').replace('    • Analyse de données\n', `    • Analyse de données\n    • ${skill}\n`));
}

let folder: string;
let current: Engine;
let loads: number;
let logger: ReturnType<typeof recordingLogger>;
let watcher: KnowledgeWatcher | undefined;

const load = async () => {
  loads += 1;
  return loadEngine({ knowledgeDir: folder, dialogsDir: DEFAULT_DIALOGS_DIR, lexiconFile: DEFAULT_LEXICON });
};

/** The composition root's wiring, on a copy of the project's knowledge folder. */
async function startWatching(): Promise<void> {
  current = await load();
  loads = 0;
  watcher = watchKnowledge({ directory: folder, load, onLoad: (next) => (current = next), logger, debounceMs: DEBOUNCE_MS });
}

const reloadedCount = () => logger.entries.filter((entry) => entry.msg === KNOWLEDGE_WATCH_MESSAGES.reloaded).length;
const errors = () => logger.entries.filter((entry) => entry.level === 'error');

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'assistant-rh-watch-'));
  cpSync(SHARED_KNOWLEDGE, folder, { recursive: true });
  // The shipped article is read-only in the repository; the copy must be editable.
  for (const name of readdirSync(folder)) chmodSync(join(folder, name), 0o644);
  logger = recordingLogger();
  await startWatching();
});

afterEach(() => {
  watcher?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('watchKnowledge', () => {
  it('reloads an edited article: the next question is answered from the new text', async () => {
    expect(answerOf(current, COMPETENCES_DIGITAL)).not.toContain(NEW_SKILL);
    addSkill(folder, NEW_SKILL);
    await eventually(() => expect(answerOf(current, COMPETENCES_DIGITAL)).toContain(NEW_SKILL));
    expect(errors()).toEqual([]);
  });

  it('picks up an added article', async () => {
    expect(current.knowledge.articles).toHaveLength(1);
    cpSync(join(PROJECT_ROOT, 'test/fixtures/second-article'), folder, { recursive: true });
    await eventually(() => expect(current.knowledge.articles).toHaveLength(2));
  });

  it('skips a broken file with its file:line problem in French, the other articles still answering, and takes it once fixed', async () => {
    addSkill(folder, NEW_SKILL);
    await eventually(() => expect(reloadedCount()).toBe(1));

    const broken = join(folder, 'nouvel-article.txt');
    writeFileSync(broken, BROKEN_ARTICLE);
    await eventually(() => expect(errors()).toHaveLength(1));
    expect(current.knowledge.articles).toHaveLength(1);
    expect(answerOf(current, COMPETENCES_DIGITAL)).toContain(NEW_SKILL);
    const [error] = errors();
    expect(error?.msg.startsWith(`${broken}:1: ${problems.noSection}`)).toBe(true);
    expect(error?.msg).toContain(KNOWLEDGE_WATCH_MESSAGES.skipped);
    expect(error?.obj).toMatchObject({ file: broken, line: 1 });

    cpSync(join(PROJECT_ROOT, 'test/fixtures/second-article/differences-responsable-relations-publiques-charge-de-communication.txt'), broken);
    await eventually(() => expect(current.knowledge.articles).toHaveLength(2));
    expect(reloadedCount()).toBe(3);
  });

  it('keeps the last good engine when the lexicon is broken', async () => {
    const good = current;
    appendFileSync(join(folder, 'lexique.yaml'), '\n  - [unclosed\n');
    await eventually(() => expect(errors()).toHaveLength(1));
    expect(errors()[0]?.msg).toMatch(/lexique\.yaml:\d+: /);
    expect(current).toBe(good);
  });

  it('keeps the last good engine when the last article is deleted', async () => {
    const good = current;
    rmSync(join(folder, ARTICLE));
    await eventually(() => expect(errors()).toHaveLength(1));
    expect(errors()[0]?.msg).toContain(problems.noArticle);
    expect(current).toBe(good);
  });

  it('turns a burst of writes into one reload', async () => {
    for (let step = 1; step <= 5; step += 1) {
      appendFileSync(join(folder, ARTICLE), '\n');
      await pause(DEBOUNCE_MS / 5);
    }
    await eventually(() => expect(reloadedCount()).toBe(1));
    await pause(DEBOUNCE_MS * 4);
    expect(loads).toBe(1);
  });

  it('ignores files the loader does not read (editor swap files, hidden files, other extensions)', async () => {
    writeFileSync(join(folder, `.${ARTICLE}.swp`), 'swap');
    writeFileSync(join(folder, `${ARTICLE}~`), 'backup');
    writeFileSync(join(folder, 'notes.docx'), 'notes');
    await pause(DEBOUNCE_MS * 6);
    expect(loads).toBe(0);
  });

  it('stops reloading once closed', async () => {
    watcher?.close();
    addSkill(folder, NEW_SKILL);
    await pause(DEBOUNCE_MS * 6);
    expect(loads).toBe(0);
    expect(answerOf(current, COMPETENCES_DIGITAL)).not.toContain(NEW_SKILL);
  });
});
