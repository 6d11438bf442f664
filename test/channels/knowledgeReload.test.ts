/**
 * Knowledge reload end to end: the real bot process (src/index.ts) with KNOWLEDGE_WATCH=1 on a copy
 * of the knowledge folder; the folder is edited while the server runs and questions are posted to
 * /api/messages as Teams would.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { problems } from '../../src/knowledge/checkerMessages.js';
import { KNOWLEDGE_WATCH_MESSAGES } from '../../src/knowledge/watchKnowledge.js';
import { KNOWLEDGE_CHANGES_MESSAGE } from '../../src/knowledgeChanges.js';
import { activity, ask, cardOf, cardTexts, knowledgeDir } from './support/botServer.js';
import { startBotProcess, type BotProcess } from './support/botProcess.js';

const ARTICLE = 'differences-chef-de-produit-digital-marketing.txt';
const QUESTION = 'Quelles sont les compétences du chef de produit digital ?';
const NEW_SKILL = 'Pilotage de la feuille de route produit';
/** A title, then a bullet before any heading and no section at all: the parser refuses it at line 1. */
const BROKEN_ARTICLE = 'Différences entre un A et un B\n\n  • une puce avant tout titre\n';

/** A writable copy of the project's knowledge folder. */
function knowledgeCopy(): string {
  const folder = mkdtempSync(join(tmpdir(), 'assistant-rh-reload-'));
  cpSync(knowledgeDir, folder, { recursive: true });
  for (const name of readdirSync(folder)) chmodSync(join(folder, name), 0o644);
  return folder;
}

function addSkill(folder: string, skill: string): void {
  const file = join(folder, ARTICLE);
  writeFileSync(file, readFileSync(file, 'utf8').replace('    • Analyse de données\n', `    • Analyse de données\n    • ${skill}\n`));
}

/** What the user reads in answer to `text`, in a new conversation. */
async function answerOn(bot: BotProcess, text: string): Promise<string> {
  const replies = await ask(bot.url, activity(`reload-${randomUUID()}`, { text }));
  expect(replies).toHaveLength(1);
  return cardTexts(cardOf(replies[0])?.body).join('\n');
}

/** Asks until the answer passes `check` (the reload runs in the background), or fails after `timeoutMs`. */
async function eventuallyAnswer(bot: BotProcess, text: string, check: (answer: string) => void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await answerOn(bot, text);
    try {
      check(answer);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

let bot: BotProcess | undefined;
let folder: string | undefined;

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('the bot server with KNOWLEDGE_WATCH=1', () => {
  it('answers from an edited article, skips a broken file (logging file:line in French) while the others serve, and takes it once fixed', async () => {
    folder = knowledgeCopy();
    bot = await startBotProcess({ KNOWLEDGE_WATCH: '1', KNOWLEDGE_DIR: folder });
    await bot.waitForLog((line) => line.msg === KNOWLEDGE_WATCH_MESSAGES.watching);
    expect(await answerOn(bot, QUESTION)).not.toContain(NEW_SKILL);

    addSkill(folder, NEW_SKILL);
    await eventuallyAnswer(bot, QUESTION, (answer) => expect(answer).toContain(NEW_SKILL));
    // The operator reads what the edit changed.
    const changes = await bot.waitForLog((line) => line.msg === KNOWLEDGE_CHANGES_MESSAGE);
    expect(changes).toMatchObject({ added: [], changed: [ARTICLE.replace(/\.txt$/, '')], removed: [] });

    const broken = join(folder, 'nouvel-article.txt');
    writeFileSync(broken, BROKEN_ARTICLE);
    const error = await bot.waitForLog((line) => line.level === 'error');
    expect(error.msg.startsWith(`${broken}:1: ${problems.noSection}`)).toBe(true);
    expect(error).toMatchObject({ file: broken, line: 1 });
    // Nothing lost: the good article (with the edit) keeps answering.
    expect(await answerOn(bot, QUESTION)).toContain(NEW_SKILL);
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);

    const reloads = () => bot!.logs.filter((line) => line.msg === KNOWLEDGE_WATCH_MESSAGES.reloaded).length;
    const before = reloads();
    rmSync(broken);
    await bot.waitForLog(() => reloads() > before);
    expect(bot.logs.filter((line) => line.msg === KNOWLEDGE_CHANGES_MESSAGE).at(-1)).toMatchObject({ added: [], changed: [], removed: [] });
    expect(await answerOn(bot, QUESTION)).toContain(NEW_SKILL);
  }, 60_000);
});

describe('the bot server started on a folder with a broken file', () => {
  it('starts, logs the broken file with its file:line problem in French, and answers about the good article', async () => {
    folder = knowledgeCopy();
    const broken = join(folder, 'brouillon.txt');
    writeFileSync(broken, BROKEN_ARTICLE);
    bot = await startBotProcess({ KNOWLEDGE_DIR: folder });
    const error = await bot.waitForLog((line) => line.level === 'error');
    expect(error.msg.startsWith(`${broken}:1: ${problems.noSection}`)).toBe(true);
    expect(error.msg).toContain(KNOWLEDGE_WATCH_MESSAGES.skipped);
    expect(await answerOn(bot, QUESTION)).toContain('Analyse de données');
  }, 60_000);
});

describe('the bot server without KNOWLEDGE_WATCH', () => {
  it('keeps the knowledge it started with', async () => {
    folder = knowledgeCopy();
    bot = await startBotProcess({ KNOWLEDGE_DIR: folder });
    addSkill(folder, NEW_SKILL);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await answerOn(bot, QUESTION)).not.toContain(NEW_SKILL);
    expect(bot.logs.some((line) => line.msg === KNOWLEDGE_WATCH_MESSAGES.watching)).toBe(false);
  }, 60_000);
});
