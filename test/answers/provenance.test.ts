/**
 * Every French sentence the bot says comes from an article or from dialogs/: each line of
 * every answer's text is checked against the article's own texts and the dialog templates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../src/answers/engine.js';
import { emptyContext } from '../../src/understanding/context.js';
import type { Item } from '../../src/knowledge/knowledgeBase.js';
import { DIALOGS, SECOND_KNOWLEDGE, SHARED_KNOWLEDGE } from '../support/paths.js';
import { renderText } from '../../src/render/text.js';

const QUESTIONS = [
  'Quelles sont les compétences du CPD ?',
  'Compare les responsabilités',
  'Quelle différence entre les deux rôles ?',
  "C'est quoi un chef de produit marketing ?",
  'Qui conçoit des prototypes ?',
  'Le CPM analyse-t-il les données ?',
  'Quel salaire pour un CPD ?',
  'Où est la machine à café ?',
  'bonjour',
  'aide',
  'qui es-tu ?',
  'merci',
  'au revoir',
  'Quelle est la conclusion ?',
  'Quelles sont les missions du chargé de communication ?',
  'Quel salaire pour un responsable RP ?',
  '',
  '🙂',
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function allItems(items: Item[]): string[] {
  return items.flatMap((item) => [item.text, ...allItems(item.children)]);
}

function allowedLines(engine: Engine): { texts: Set<string>; templates: RegExp[] } {
  const texts = new Set<string>();
  for (const article of engine.knowledge.articles) {
    for (const text of [article.title, ...article.intro, ...article.conclusion, ...article.roles.map((role) => role.name)]) texts.add(text);
    for (const section of article.sections) {
      texts.add(section.heading);
      for (const text of section.intro) texts.add(text);
      for (const content of Object.values(section.byRole)) {
        for (const text of [...content.prose, ...allItems(content.items)]) texts.add(text);
      }
      for (const text of allItems(section.sharedItems)) texts.add(text);
    }
  }
  const templates: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') templates.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(engine.dialogs);
  return {
    texts,
    templates: templates.map((template) => new RegExp(`^${template.split(/\{\w+\}/).map(escape).join('.+')}$`, 's')),
  };
}

/** A line is allowed if it is an article text, a dialog sentence, or a list of article texts joined by the renderer. */
function isAllowed(line: string, allowed: ReturnType<typeof allowedLines>): boolean {
  const bare = line.replace(/^\s*•\s*/, '').replace(/\s*◀$/, '').replace(/\s*:$/, '').trim();
  if (bare === '') return true;
  if (allowed.texts.has(bare) || allowed.templates.some((template) => template.test(bare))) return true;
  // Overview cells: "Role : item ; item ; item", and comparison titles "Section : Role / Role".
  const [head, rest] = bare.split(/ : (.*)/s);
  if (rest !== undefined && allowed.texts.has(head!)) {
    return rest.split(/ ; | \/ /).every((part) => allowed.texts.has(part) || [...allowed.texts].some((text) => text.startsWith(part)));
  }
  return false;
}

describe('every sentence the bot says', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await loadEngine({ knowledgeDir: SHARED_KNOWLEDGE, dialogsDir: DIALOGS });
  });

  it.each(QUESTIONS)('comes from the article or dialogs/ for %j', async (question) => {
    const second = await loadEngine({ knowledgeDir: SECOND_KNOWLEDGE, dialogsDir: DIALOGS });
    for (const current of [engine, second]) {
      const allowed = allowedLines(current);
      const { answer } = current.answer(question, emptyContext());
      const strays = renderText(answer).split('\n').filter((line) => !isAllowed(line, allowed));
      expect(strays).toEqual([]);
    }
  });
});
