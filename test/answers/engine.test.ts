import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/answer.js';
import { loadEngine, MAX_QUESTION_LENGTH, type Engine } from '../../src/answers/engine.js';
import { emptyContext, type ConversationContext } from '../../src/understanding/context.js';
import { DIALOGS, SECOND_KNOWLEDGE, SHARED_KNOWLEDGE } from '../support/paths.js';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { renderText } from '../../src/render/text.js';

const DIGITAL = 'chef-de-produit-digital';
const MARKETING = 'chef-de-produit-marketing';
let engine: Engine;

beforeAll(async () => {
  engine = await loadEngine({ knowledgeDir: SHARED_KNOWLEDGE, dialogsDir: DIALOGS });
});

/** Asks questions one after the other in one conversation and returns every answer. */
function conversation(...questions: string[]): Answer[] {
  let context: ConversationContext = emptyContext();
  return questions.map((question) => {
    const result = engine.answer(question, context);
    context = result.context;
    return result.answer;
  });
}
const ask = (question: string) => conversation(question)[0]!;

describe('engine answers', () => {
  it('gives one role\'s full list for one section, in article order', () => {
    const answer = ask('Quelles sont les responsabilités du chef de produit digital ?');
    expect(answer).toMatchObject({ kind: 'list', section: 'responsabilites-principales', roles: [DIGITAL] });
    expect(renderText(answer)).toContain('• Identifier les besoins des utilisateurs\n• Concevoir des prototypes');
  });

  it('compares a section side by side when no role is named', () => {
    const answer = ask('Compare les KPI');
    expect(answer).toMatchObject({ kind: 'comparison', section: 'objectifs-et-indicateurs-de-succes', roles: [DIGITAL, MARKETING] });
    if (answer.kind !== 'comparison') throw new Error('comparison expected');
    expect(answer.blocks.map((block) => block.roleName)).toEqual(['Chef de produit digital', 'Chef de produit marketing']);
  });

  it('answers the general difference with one row per section, then the conclusion', () => {
    const answer = ask('Quelle est la différence entre un CPD et un CPM ?');
    if (answer.kind !== 'overview') throw new Error(`overview expected, got ${answer.kind}`);
    expect(answer.rows.map((row) => row.sectionId)).toContain('les-competences-requises');
    expect(answer.rows[1]!.cells[0]!.summary).toBe('Analyse de données ; Connaissance des outils Agile ; Compétences techniques (développement, UX/UI) ; Gestion de projets numériques');
    expect(answer.conclusion[0]).toMatch(/^Il est clair que/);
  });

  it('leaves out of the general difference a section about one role only, and never shows a role with nothing', async () => {
    const faq = await loadEngine({ knowledgeDir: join(import.meta.dirname, '../fixtures/holdout46'), dialogsDir: DIALOGS });
    const answer = faq.answer('Quelle différence entre géomètre et dessinateur ?', emptyContext()).answer;
    if (answer.kind !== 'overview') throw new Error(`overview expected, got ${answer.kind}`);
    expect(answer.rows.length).toBeGreaterThan(3);
    for (const row of answer.rows) expect(row.cells.map((cell) => cell.roleId)).toEqual(['geometre-topographe', 'dessinateur-projeteur']);
    expect(answer.rows.map((row) => row.sectionId)).not.toContain('qu-est-ce-qu-un-geometre-topographe');
  });

  it('defines a role from its paragraph', () => {
    const answer = ask("C'est quoi un chef de produit numérique ?");
    expect(answer).toMatchObject({ kind: 'list', section: 'definition-des-roles', roles: [DIGITAL] });
    expect(renderText(answer)).toContain('Le Chef de produit digital est responsable du développement');
  });

  it('finds the role and section that own a bullet', () => {
    const answer = ask('Qui collabore avec les équipes techniques ?');
    expect(answer).toMatchObject({ kind: 'list', section: 'responsabilites-principales', roles: [DIGITAL] });
    if (answer.kind !== 'list') throw new Error('list expected');
    expect(answer.blocks[0]!.items.find((item) => item.highlight)?.text).toBe('Collaborer avec les équipes techniques');
  });

  it('answers no when a bullet belongs to the other role', () => {
    const answer = ask("Le chef de produit marketing fait-il de l'analyse de données ?");
    expect(answer).toMatchObject({ kind: 'list', section: 'les-competences-requises', roles: [DIGITAL] });
    expect(renderText(answer)).toMatch(/^Non, pas d'après l'article : « Analyse de données »/);
  });

  it('says plainly that the article does not cover salary, and offers three questions', () => {
    const answer = ask("Combien gagne un chef de produit digital ?");
    expect(answer).toMatchObject({ kind: 'fallback', section: null, roles: [] });
    expect(renderText(answer)).toContain("L'article ne traite pas de la rémunération");
    expect(answer.suggestions).toHaveLength(3);
  });

  it('does not answer about other jobs', () => {
    expect(ask('Quelles sont les compétences d\'un chef de projet ?').kind).toBe('fallback');
    expect(ask('Différence entre data analyst et data scientist ?').kind).toBe('fallback');
  });

  it('explains its choice in `why`, with the runner-up', () => {
    const answer = ask('Quelles études pour devenir CPM ?');
    expect(answer.why).toMatchObject({ section: 'origine-et-formation', roles: [MARKETING] });
    expect(answer.why.matched).toContain('formation');
    expect(answer.confidence).toBeGreaterThan(0.5);
  });

  it('treats smalltalk as smalltalk, and a greeting before a question as the question', () => {
    expect(ask('Bonjour !')).toMatchObject({ kind: 'smalltalk' });
    expect(ask('merci beaucoup')).toMatchObject({ kind: 'smalltalk' });
    expect(ask('Bonjour, quelles sont les compétences du CPD ?')).toMatchObject({ kind: 'list', roles: [DIGITAL] });
  });
});

describe('engine follow-ups', () => {
  it('keeps the section and swaps the role', () => {
    const [, second] = conversation('Quelles sont les compétences du CPD ?', 'Et côté marketing ?');
    expect(second).toMatchObject({ kind: 'list', section: 'les-competences-requises', roles: [MARKETING] });
  });

  it('keeps the role and changes the section', () => {
    const [, second] = conversation('Quelles sont les missions du chef de produit marketing ?', 'Et ses diplômes ?');
    expect(second).toMatchObject({ kind: 'list', section: 'origine-et-formation', roles: [MARKETING] });
  });

  it('compares the current section', () => {
    const [, second] = conversation('Quels KPIs pour le CPD ?', 'Et si on compare ?');
    expect(second).toMatchObject({ kind: 'comparison', section: 'objectifs-et-indicateurs-de-succes' });
  });

  it('keeps the context through an out-of-scope question', () => {
    const [, second, third] = conversation('Quelle formation pour un CPD ?', 'Et le salaire ?', "Et pour l'autre ?");
    expect(second!.kind).toBe('fallback');
    expect(third).toMatchObject({ kind: 'list', section: 'origine-et-formation', roles: [MARKETING] });
  });
});

describe('engine on bad input', () => {
  const badInputs: [string, string][] = [
    ['empty', ''],
    ['spaces only', '    \t  '],
    ['10,000 characters', 'compétences '.repeat(834)],
    ['emoji only', '🤔🤔🙏'],
    ['HTML and script', '<script>alert("x")</script><b>salut</b>'],
    ['control characters', '\u0000\u0007comp\u0008étences\u001b[31m du CPD'],
    ['a lone surrogate', 'compétences \uD800 du CPD'],
    ['punctuation only', '?!?!...'],
  ];
  it.each(badInputs)('answers %s politely, without throwing', (_name, input) => {
    const { answer, context } = engine.answer(input, emptyContext());
    expect(renderText(answer).length).toBeGreaterThan(0);
    expect(renderText(answer)).not.toMatch(/Error|undefined|\{\w+\}/);
    expect(context).toBeDefined();
  });

  it('asks to shorten a question over the length limit', () => {
    const answer = ask('a'.repeat(MAX_QUESTION_LENGTH + 1));
    expect(answer.kind).toBe('fallback');
    expect(renderText(answer)).toContain(`${MAX_QUESTION_LENGTH + 1} caractères`);
  });

  it('answers through control characters and broken surrogates', () => {
    expect(ask('\u0007Quelles compétences\uDC00 pour le CPD ?')).toMatchObject({ kind: 'list', roles: [DIGITAL] });
  });
});

describe('engine with several articles', () => {
  let both: Engine;
  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'knowledge-'));
    for (const source of [SHARED_KNOWLEDGE, SECOND_KNOWLEDGE]) {
      for (const name of readdirSync(source)) if (name.endsWith('.txt')) cpSync(join(source, name), join(folder, name));
    }
    both = await loadEngine({ knowledgeDir: folder, dialogsDir: DIALOGS });
  });

  it('sends a question to the article whose roles it names', () => {
    expect(both.answer('Quelles sont les missions du chargé de communication ?', emptyContext()).answer).toMatchObject({
      kind: 'list',
      article: 'differences-responsable-relations-publiques-charge-de-communication',
      roles: ['charge-de-communication'],
    });
    expect(both.answer('Quels KPI pour le CPM ?', emptyContext()).answer).toMatchObject({ article: 'differences-chef-de-produit-digital-marketing' });
  });

  it('asks which article when a question fits both, then answers the original question', () => {
    const first = both.answer('Quelles sont les compétences ?', emptyContext());
    expect(first.answer.kind).toBe('clarify');
    if (first.answer.kind !== 'clarify') throw new Error('clarify expected');
    const choice = first.answer.choices.find((entry) => entry.title.includes('Chef de produit'))!;
    const second = both.answer(choice.value, first.context);
    expect(second.answer).toMatchObject({ kind: 'comparison', article: 'differences-chef-de-produit-digital-marketing', section: 'les-competences-requises' });
  });
});

describe('a clarification answered in words', () => {
  let projects: Engine;
  beforeAll(async () => {
    projects = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout95'), dialogsDir: DIALOGS });
  });

  it('takes a typed reply that holds a word of only one offered article for that article', () => {
    const first = projects.answer('Quelle formation pour être chef de projet ?', emptyContext());
    expect(first.answer.kind).toBe('clarify');
    // « événementiel » is in one article's title and roles only.
    expect(projects.answer("Celui de l'événementiel", first.context).answer).toMatchObject({ kind: 'list', article: 'chef-de-projet-evenementiel-vs-regisseur', roles: ['chef-de-projet-evenementiel'] });
    // « projet » is in both: it picks neither.
    expect(projects.answer('celui du projet', first.context).answer.kind).not.toBe('list');
  });
});


describe('a lookup whose bullet is in two roles\' lists', () => {
  let museum: Engine;
  beforeAll(async () => {
    museum = await loadEngine({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/holdout281'), dialogsDir: DIALOGS });
  });

  it('answers a list for both roles, in the article\'s order, the bullet marked in each, each role named over its list', () => {
    const { answer } = museum.answer("Qui a droit à une prime d'ancienneté ?", emptyContext());
    expect(answer).toMatchObject({ kind: 'list', section: 'remuneration', roles: ['cordier', 'guide-animateur-du-musee'] });
    if (answer.kind !== 'list') return;
    expect(answer.blocks.map((block) => block.items.filter((item) => item.highlight).map((item) => item.text))).toEqual([
      ["Prime d'ancienneté à partir de trois ans"],
      ["Prime d'ancienneté à partir de trois ans"],
    ]);
    const text = renderText(answer);
    expect(text).toContain('cordier :');
    expect(text).toContain('Guide-animateur du musée :');
  });

  it('answers for the one role a question names', () => {
    const { answer } = museum.answer("Est-ce que le cordier a une prime d'ancienneté ?", emptyContext());
    expect(answer).toMatchObject({ kind: 'list', roles: ['cordier'] });
  });
});
