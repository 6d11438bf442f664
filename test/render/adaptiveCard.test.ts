import { describe, expect, it } from 'vitest';
import type { AnswerKind } from '../../src/answers/answer.js';
import { parseSubmitData } from '../../src/render/submitData.js';
import { ADAPTIVE_CARD_VERSION, CARD_BYTE_BUDGET, RESPONSIVE_LAYOUTS, cardBytes, renderAdaptiveCard, type CardElement } from '../../src/render/adaptiveCard.js';
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

  it('shows a comparison twice: one column per role for wide screens, role blocks stacked for narrow ones', () => {
    const card = renderAdaptiveCard(sampleAnswers.comparison, { feedback });
    const wide = card.body.find((element) => element.targetWidth === RESPONSIVE_LAYOUTS.wide.targetWidth);
    const narrow = card.body.find((element) => element.targetWidth === RESPONSIVE_LAYOUTS.narrow.targetWidth);
    expect(wide).toMatchObject({ type: 'ColumnSet', id: `${RESPONSIVE_LAYOUTS.wide.idPrefix}a1` });
    expect(narrow).toMatchObject({ type: 'Container', id: `${RESPONSIVE_LAYOUTS.narrow.idPrefix}a1` });
    const columns = wide?.columns as CardElement[];
    const stacked = narrow?.items as CardElement[];
    for (const blocks of [columns, stacked]) {
      expect(blocks).toHaveLength(2);
      expect(texts(blocks[0])).toEqual(expect.arrayContaining(['Chef de produit digital', 'Piloter le site web']));
      expect(texts(blocks[1])).toEqual(
        expect.arrayContaining(['Chef de produit marketing', 'Étudier le marché', 'Il travaille avec les ventes.']),
      );
    }
    expect(stacked.every((block) => block.type === 'Container' && block.style === 'emphasis')).toBe(true);
  });

  it('gives the layouts of two cards different ids, with or without an answer id', () => {
    const ids = (card: { body: CardElement[] }) => card.body.map((element) => element.id).filter(Boolean);
    expect(ids(renderAdaptiveCard(sampleAnswers.comparison, { id: 'x' }))).toEqual(['assistant-rh-wide-x', 'assistant-rh-narrow-x']);
    const first = ids(renderAdaptiveCard(sampleAnswers.comparison));
    const second = ids(renderAdaptiveCard({ ...sampleAnswers.comparison, title: 'Un autre titre' }));
    expect(first[0]).toMatch(/^assistant-rh-wide-[0-9a-f]{12}$/);
    expect(second[0]).not.toBe(first[0]);
  });

  it('shows an overview with each role’s bullets under each section heading, stacked, then the conclusion', () => {
    const overview = {
      ...sampleAnswers.overview,
      rows: [
        {
          ...sampleAnswers.overview.rows[0]!,
          cells: [
            { ...sampleAnswers.overview.rows[0]!.cells[0]!, summary: 'Diplôme en informatique ; Formation continue' },
            sampleAnswers.overview.rows[0]!.cells[1]!,
          ],
        },
      ],
    };
    const card = renderAdaptiveCard(overview);
    const shown = texts(card.body);
    // A role's bullets are one text block of "•" lines: an overview covers every section and role.
    expect(shown).toEqual(expect.arrayContaining(['Chef de produit digital', '• Diplôme en informatique\n• Formation continue']));
    expect(shown.join(' ')).not.toContain(' ; ');
    expect(card.body.some((element) => element.targetWidth !== undefined)).toBe(false);
    expect(shown).toContain('Deux métiers complémentaires.');
  });

  it('keeps an overview of many sections and roles under the byte budget Teams accepts, with fewer bullets per role', () => {
    const many = (count: number, word: string) => Array.from({ length: count }, (_, index) => `${word} ${index} : une phrase assez longue pour peser dans la carte`).join(' ; ');
    const roles = sampleAnswers.overview.rows[0]!.cells;
    const overview = {
      ...sampleAnswers.overview,
      rows: Array.from({ length: 14 }, (_, index) => ({ sectionId: `section-${index}`, heading: `Section ${index}`, cells: roles.map((cell) => ({ ...cell, summary: many(12, cell.roleName) })) })),
    };
    const card = renderAdaptiveCard(overview, { feedback });
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    expect(texts(card.body).some((value) => value.endsWith('• …'))).toBe(true);
    expect(card.speak.length).toBeLessThan(700);
  });

  it('puts 👍 and 👎 side by side under article answers (two auto-width columns), with data the runner reads back', () => {
    const card = renderAdaptiveCard(sampleAnswers.comparison, { feedback });
    const prompt = card.body.at(-2);
    const row = card.body.at(-1);
    expect(prompt?.text).toBe(feedback.prompt);
    expect(row?.type).toBe('ColumnSet');
    const columns = row?.columns as CardElement[];
    expect(columns.map((column) => column.width)).toEqual(['auto', 'auto']);
    const buttons = elements(columns).filter((element) => element.type === 'Action.Submit');
    expect(buttons.map((button) => button.title)).toEqual(['👍 Utile', '👎 Pas utile']);
    expect(buttons.map((button) => parseSubmitData(button.data))).toEqual([
      { action: 'feedback', vote: 'up', answerId: 'a1', questionId: 'q1' },
      { action: 'feedback', vote: 'down', answerId: 'a1', questionId: 'q1' },
    ]);
    expect(card.actions).toEqual([]);
  });

  it('has no feedback buttons when none are asked for', () => {
    const card = renderAdaptiveCard(sampleAnswers.list);
    expect(elements(card.body).filter((element) => element.type === 'Action.Submit')).toEqual([]);
    expect(card.actions).toEqual([]);
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
