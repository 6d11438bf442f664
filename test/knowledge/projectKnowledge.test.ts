/**
 * Invariants of the project's own knowledge folder, whatever articles an HR team puts there:
 * every file is served, every article compares roles that each have content of their own, and the
 * bot answers about each article from that article. No count of articles or sections is assumed.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/answers/engine.js';
import { readArticles } from '../../src/knowledge/loadKnowledge.js';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { DEFAULT_DIALOGS_DIR, DEFAULT_KNOWLEDGE_DIR, DEFAULT_LANGUAGE_PACK } from '../../src/projectRoot.js';
import { emptyContext } from '../../src/understanding/context.js';

const { articles, skipped } = readArticles(DEFAULT_KNOWLEDGE_DIR, loadLanguagePack(DEFAULT_LANGUAGE_PACK));
const engine = await loadEngine({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR, dialogsDir: DEFAULT_DIALOGS_DIR });

describe('the project knowledge folder', () => {
  it('serves every file in it', () => {
    expect(skipped.map((error) => error.message)).toEqual([]);
    expect(articles.length).toBeGreaterThan(0);
  });

  it.each(articles.map((article) => [article.id, article] as const))('compares roles that each have content of their own (%s)', (_id, article) => {
    expect(article.roles.length).toBeGreaterThanOrEqual(2);
    for (const role of article.roles) expect(article.sections.some((section) => section.byRole[role.id])).toBe(true);
  });

  it.each(articles.map((article) => [article.id, article] as const))('answers a list for a role of the article from that article (%s)', (_id, article) => {
    const role = article.roles[0]!;
    const section = article.sections.find((candidate) => candidate.byRole[role.id]?.items.length)!;
    const { answer } = engine.answer(`${section.heading} du ${role.name}`, emptyContext());
    expect(answer.article).toBe(article.id);
    expect(answer.roles).toContain(role.id);
  });
});
