import { describe, expect, it } from 'vitest';
import type { AnswerKind } from '../../src/answers/answer.js';
import { parseSubmitData } from '../../src/render/submitData.js';
import { ADAPTIVE_CARD_VERSION, renderAdaptiveCard, type CardElement } from '../../src/render/adaptiveCard.js';
import { sampleAnswers } from './sampleAnswers.js';
import { renderText } from '../../src/render/text.js';

const feedback = { answerId: 'a1', questionId: 'q1', prompt: 'Cette réponse vous a-t-elle aidé ?', up: '👍 Utile', down: '👎 Pas utile' };

/** Every element of a card, depth first. */
function elements(nodes: unknown): CardElement[] {
  if (Array.isArray(nodes)) return nodes.flatMap(elements);
  if (typeof nodes !== 'object' || nodes === null) return [];
  const node = nodes as Record<string, unknown>;
  const children = ['body', 'items', 'columns', 'actions'].flatMap((key) => elements(node[key]));
  return typeof node.type === 'string' ? [node as CardElement, ...children] : children;
}

const texts = (nodes: unknown): string[] =>
  elements(nodes)
    .filter((element) => element.type === 'TextBlock')
    .map((element) => String(element.text));

describe('renderAdaptiveCard', () => {
  it.each(Object.keys(sampleAnswers) as AnswerKind[])('renders a %s answer as a valid 1.5 card', (kind) => {
    const card = renderAdaptiveCard(sampleAnswers[kind], { feedback });
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe(ADAPTIVE_CARD_VERSION);
    expect(card.fallbackText).toBe(renderText(sampleAnswers[kind]));
    expect(card.body.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it('never hard-codes a colour, so Teams light, dark and high-contrast themes stay readable', () => {
    for (const answer of Object.values(sampleAnswers)) {
      const json = JSON.stringify(renderAdaptiveCard(answer, { feedback }));
      expect(json).not.toMatch(/#[0-9a-f]{3,8}\b|"color"|backgroundImage/i);
    }
  });

  it('shows a list as its title then one bullet per item, nested items indented', () => {
    const card = renderAdaptiveCard(sampleAnswers.list);
    expect(texts(card.body)).toEqual([
      'Les compétences requises — Chef de produit digital',
      'Compétences du Chef de produit digital',
      '•',
      'Maîtrise des outils numériques',
      '◦',
      'Analytics',
      '•',
      'Méthodes agiles',
    ]);
    const highlighted = elements(card.body).find((element) => element.text === 'Méthodes agiles');
    expect(highlighted?.weight).toBe('Bolder');
  });

  it('shows a comparison as one column per role, each headed by the role name', () => {
    const card = renderAdaptiveCard(sampleAnswers.comparison);
    const columnSet = card.body.find((element) => element.type === 'ColumnSet');
    const columns = columnSet?.columns as CardElement[];
    expect(columns).toHaveLength(2);
    expect(texts(columns[0])).toEqual(expect.arrayContaining(['Chef de produit digital', 'Piloter le site web']));
    expect(texts(columns[1])).toEqual(
      expect.arrayContaining(['Chef de produit marketing', 'Étudier le marché', 'Il travaille avec les ventes.']),
    );
  });

  it('shows an overview compactly: one fact per role under each section, then the conclusion', () => {
    const card = renderAdaptiveCard(sampleAnswers.overview);
    const facts = card.body.find((element) => element.type === 'FactSet');
    expect(facts?.facts).toEqual([
      { title: 'Chef de produit digital', value: 'Produits numériques' },
      { title: 'Chef de produit marketing', value: 'Produits physiques et marque' },
    ]);
    expect(texts(card.body)).toContain('Deux métiers complémentaires.');
  });

  it('puts 👍/👎 buttons under article answers, whose data the runner reads back as feedback', () => {
    const card = renderAdaptiveCard(sampleAnswers.comparison, { feedback });
    expect(texts(card.body).at(-1)).toBe(feedback.prompt);
    expect(card.actions.map((action) => action.title)).toEqual(['👍 Utile', '👎 Pas utile']);
    expect(card.actions.map((action) => parseSubmitData(action.data))).toEqual([
      { action: 'feedback', vote: 'up', answerId: 'a1', questionId: 'q1' },
      { action: 'feedback', vote: 'down', answerId: 'a1', questionId: 'q1' },
    ]);
  });

  it('has no feedback buttons when none are asked for', () => {
    expect(renderAdaptiveCard(sampleAnswers.list).actions).toEqual([]);
  });

  it('shows a fallback as its message and its suggestions as buttons that ask the question', () => {
    const card = renderAdaptiveCard(sampleAnswers.fallback, { feedback });
    expect(texts(card.body)).toEqual(["L'article ne traite pas de la rémunération."]);
    expect(card.actions).toHaveLength(1);
    const [action] = card.actions;
    expect(action?.type).toBe('Action.Submit');
    expect(action?.title).toBe('Les missions');
    // Teams sends msteams.imBack as typed text; Web Chat posts the data as activity.value.
    expect(action?.data).toMatchObject({ msteams: { type: 'imBack', value: 'Quelles sont les missions du Chef de produit digital ?' } });
    expect(parseSubmitData(action?.data)).toEqual({ action: 'ask', question: 'Quelles sont les missions du Chef de produit digital ?' });
  });

  it('offers the choices of a clarification as buttons', () => {
    const card = renderAdaptiveCard(sampleAnswers.clarify);
    expect(card.actions.map((action) => action.title)).toEqual(['Chef de produit digital', 'Chef de produit marketing']);
  });
});
