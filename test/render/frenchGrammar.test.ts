/**
 * Every framing sentence the bot builds around role names reads as French: elision before a vowel or
 * an h (l'Assistant RH, de l'Hôtesse), contraction (du Chef, au Chef, des congés), agreement with a
 * feminine role (la Gouvernante, une Gouvernante), no "? :". Run over an article whose roles start
 * with a vowel, an h, a feminine and a masculine noun, and over every template of dialogs/answers.yaml.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fill, loadDialogs } from '../../src/answers/dialogs.js';
import { loadEngine } from '../../src/answers/engine.js';
import { DEFAULT_DIALOGS_DIR, PROJECT_ROOT } from '../../src/projectRoot.js';
import { renderText } from '../../src/render/text.js';
import { contract, withArticle } from '../../src/text/morphology.js';
import { emptyContext } from '../../src/understanding/context.js';

const engine = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/french-grammar'), dialogsDir: DEFAULT_DIALOGS_DIR });
const dialogs = loadDialogs(DEFAULT_DIALOGS_DIR);
const article = engine.knowledge.articles[0]!;
const nouns = article.roles.map((role) => ({ name: role.name, feminine: role.feminine, plural: false }));

/** What a French reader would notice at once. */
const MISTAKES: [RegExp, string][] = [
  [/(?:^|[\s'’])(?:le|la|de|que|ce) [AEIOUYHÉÈÊÂÎÔÛaeiouyhéèêâîôû]/, 'no elision before a vowel or an h'],
  [/(?:^|\s)(?:du|au) [AEIOUYHÉÈÊÂÎÔÛ]/, 'a contraction before a vowel'],
  [/(?:^|\s)(?:de|à) les?\s/, 'no contraction'],
  [/(?:^|\s)(?:le|du|au|un) Gouvernante/, 'a feminine role with a masculine article'],
  [/\?\s*:/, 'a colon after a question mark'],
];

function mistakesIn(text: string): string[] {
  return MISTAKES.filter(([pattern]) => pattern.test(text)).map(([pattern, what]) => `${what}: « ${text.match(pattern)?.[0]} » in « ${text} »`);
}

describe('French grammar of the framing sentences', () => {
  it('reads the roles\' genders from how the article writes them', () => {
    expect(Object.fromEntries(article.roles.map((role) => [role.id, role.feminine]))).toEqual({
      'assistant-rh': false,
      'hotesse-d-accueil': true,
      gouvernante: true,
      'chef-de-rang': false,
    });
  });

  it('elides, contracts and agrees in every template of the answers with every role', () => {
    const templates = Object.values(dialogs.answers);
    const found = nouns.flatMap((role) =>
      nouns.flatMap((other) => templates.map((template) => fill(template, { role, otherRole: other, role1: role, role2: other, section: 'Missions', item: 'Servir', roles: 'x', count: 4 }))),
    );
    expect(found.flatMap(mistakesIn)).toEqual([]);
  });

  it('says the framing sentences of real answers without a mistake', () => {
    const questions = [
      "Qu'est-ce qu'une hôtesse d'accueil ?",
      "C'est quoi un assistant RH ?",
      'Les missions de la gouvernante',
      "Qui accueille les visiteurs ?",
      "L'assistant RH accueille-t-il les visiteurs ?",
      'Avec qui travaillent-ils ?',
      'Quelle différence entre la gouvernante et le chef de rang ?',
      'Bonjour',
      'Combien de jours de congés ?',
    ];
    const lines = questions.flatMap((question) => {
      const { answer } = engine.answer(question, emptyContext());
      return [...renderText(answer).split('\n'), ...('suggestions' in answer ? answer.suggestions.map((suggestion) => suggestion.title) : [])];
    });
    expect(lines.flatMap(mistakesIn)).toEqual([]);
    expect(lines).toContain("Qu'est-ce qu'une Hôtesse d'accueil ?");
    expect(lines.some((line) => line.includes("l'Assistant RH"))).toBe(true);
    expect(engine.welcome().message).toContain("l'Assistant RH, l'Hôtesse d'accueil, la Gouvernante et le Chef de rang");
  });
});

describe('withArticle and contract', () => {
  it('writes each article form for a vowel, an h, a feminine and a plural', () => {
    const masculine = { feminine: false, plural: false };
    const feminine = { feminine: true, plural: false };
    const plural = { feminine: false, plural: true };
    expect(withArticle('le', 'Assistant RH', masculine)).toBe("l'Assistant RH");
    expect(withArticle('du', 'Hôtesse', feminine)).toBe("de l'Hôtesse");
    expect(withArticle('au', 'Ingénieur', masculine)).toBe("à l'Ingénieur");
    expect(withArticle('du', 'Chef', masculine)).toBe('du Chef');
    expect(withArticle('au', 'Chef', masculine)).toBe('au Chef');
    expect(withArticle('au', 'Gouvernante', feminine)).toBe('à la Gouvernante');
    expect(withArticle('un', 'Gouvernante', feminine)).toBe('une Gouvernante');
    expect(withArticle('du', 'Infirmiers', plural)).toBe('des Infirmiers');
    expect(withArticle('le', 'Infirmiers', plural)).toBe('les Infirmiers');
  });

  it('contracts "de les" and "à le" that a filled sentence puts side by side', () => {
    expect(contract("L'article ne traite pas de les congés.")).toBe("L'article ne traite pas des congés.");
    expect(contract('Je réponds à le service.')).toBe('Je réponds au service.');
    expect(contract('de la rémunération')).toBe('de la rémunération');
  });
});
