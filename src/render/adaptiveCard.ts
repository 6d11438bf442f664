/**
 * Answer → Adaptive Card, for Teams and Web Chat.
 *
 * Readable in Teams light, dark and high-contrast themes and in Web Chat: no colour is hard-coded,
 * only the host's semantic styles (weight, size, `isSubtle`, `emphasis` containers).
 * Version 1.5: the highest Teams renders on desktop and mobile; Web Chat renders it too.
 *
 * Readable on a phone: a comparison comes in two layouts, roles side by side for wide screens and
 * role blocks stacked under each other for narrow ones; an overview is stacked at every width. Teams shows one of them by
 * `targetWidth`; Web Chat's renderer ignores `targetWidth`, so each layout also carries an `id` that
 * the web page's stylesheet shows or hides by the width of the screen (public/style.css).
 */
import { createHash } from 'node:crypto';
import type { Answer, AnswerItem, ComparisonAnswer, ListAnswer, OverviewAnswer, RoleBlock, Suggestion } from '../answers/answer.js';
import type { AskSubmit, FeedbackSubmit, HandoffSubmit } from './submitData.js';
import { renderText } from './text.js';

/** MIME type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Schema version of the cards: Teams supports up to 1.5. */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** Teams renders at most six card-level actions. */
export const MAX_CARD_ACTIONS = 6;

/** Indentation of a nested bullet, per level. */
const BULLET_INDENT_PX = 16;

/**
 * The largest card we send, in bytes of JSON. Teams refuses a message over about 28 kB; the activity around
 * the card (ids, addresses, suggested actions) takes a little of that. An overview of many sections and roles
 * shows fewer bullets per role until it fits.
 */
export const CARD_BYTE_BUDGET = 25_000;

/** What `speak` holds at most: the beginning of the answer, not a 7 kB reading of the whole card. */
const SPEAK_MAX_CHARS = 600;

/** What `fallbackText` (shown by a client that cannot render the card) holds at most. */
const FALLBACK_MAX_CHARS = 4_000;

/** The beginning of a text, cut at a space, with "…" when something was left out. */
function beginning(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, text.lastIndexOf(' ', maxChars))} …` : text;
}

/**
 * The two layouts of a comparison or an overview: Teams' `targetWidth` for each, and the `id` prefix
 * the web page's stylesheet uses to show only one (public/style.css hides `narrow` on wide screens and
 * `wide` on narrow ones). Teams calls a phone "narrow" or "very narrow".
 */
export const RESPONSIVE_LAYOUTS = Object.freeze({
  wide: { targetWidth: 'atLeast:Standard', idPrefix: 'assistant-rh-wide-' },
  narrow: { targetWidth: 'atMost:Narrow', idPrefix: 'assistant-rh-narrow-' },
});

/** How buildAnswer joins a role's bullets in an overview cell; the card shows them as bullets again. */
const SUMMARY_SEPARATOR = ' ; ';

/** An Adaptive Card element: a plain JSON object, as the card schema defines it. */
export interface CardElement {
  type: string;
  [property: string]: unknown;
}

/** The card sent as `attachments[0].content`. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  /** What a client that cannot render cards (or a notification) shows instead. */
  fallbackText: string;
  /** Spoken by screen readers and voice clients. */
  speak: string;
  lang: string;
  body: CardElement[];
  actions: CardElement[];
}

/** The labels and ids that put 👍/👎 buttons under an answer. */
export interface FeedbackButtons {
  answerId: string;
  questionId: string;
  prompt: string;
  up: string;
  down: string;
  /** The question, sent back with a 👎 so it can be passed on to HR without being kept in the state. */
  question?: string;
}

/** The "Transmettre ma question à l'équipe RH" button. */
export interface HandoffButton {
  label: string;
  data: HandoffSubmit;
}

/** Options of {@link renderAdaptiveCard}. */
export interface AdaptiveCardOptions {
  /** Feedback buttons under the answer; none when omitted. */
  feedback?: FeedbackButtons;
  /**
   * Makes the ids of the card's two layouts unique in a transcript; defaults to the feedback's answer
   * id, else a digest of the answer's text.
   */
  id?: string;
  /** The hand-off button under a fallback; none when omitted. */
  handoff?: HandoffButton;
}

const text = (value: string, style: Record<string, unknown> = {}): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...style,
});

const title = (value: string): CardElement => text(value, { size: 'Medium', weight: 'Bolder', style: 'heading' });

const paragraphs = (values: readonly string[], style: Record<string, unknown> = {}): CardElement[] =>
  values.filter((value) => value.trim() !== '').map((value) => text(value, style));

/** One bullet as a two-column row, so wrapped lines stay aligned after the bullet sign. */
function bullet(item: AnswerItem, depth: number): CardElement[] {
  const columns: CardElement[] = [];
  if (depth > 0) {
    columns.push({ type: 'Column', width: `${depth * BULLET_INDENT_PX}px`, items: [] });
  }
  columns.push(
    { type: 'Column', width: 'auto', items: [text(depth === 0 ? '•' : '◦', { wrap: false })] },
    {
      type: 'Column',
      width: 'stretch',
      items: [text(item.text, item.highlight ? { weight: 'Bolder' } : {})],
    },
  );
  const row: CardElement = { type: 'ColumnSet', spacing: 'Small', columns };
  return [row, ...item.children.flatMap((child) => bullet(child, depth + 1))];
}

/** A role's part: optional role name, the list header, the bullets, the prose. */
function roleBlock(block: RoleBlock, showRoleName: boolean): CardElement[] {
  const elements: CardElement[] = [];
  if (showRoleName) elements.push(text(block.roleName, { weight: 'Bolder', size: 'Default', style: 'heading' }));
  if (block.header && block.header !== block.roleName) {
    elements.push(text(block.header, showRoleName ? { isSubtle: true, spacing: 'Small' } : { weight: 'Bolder' }));
  }
  elements.push(...block.items.flatMap((item) => bullet(item, 0)));
  elements.push(...paragraphs(block.prose));
  return elements;
}

function listBody(answer: ListAnswer): CardElement[] {
  const several = answer.blocks.length > 1;
  return [
    title(answer.title),
    ...(answer.lead ? [text(answer.lead, { weight: 'Bolder' })] : []),
    ...paragraphs(answer.intro),
    ...answer.blocks.flatMap((block) => roleBlock(block, several)),
  ];
}

/**
 * The same content in its two layouts: `wide` (roles side by side) and `narrow` (stacked), each
 * marked for Teams (`targetWidth`) and for the web page (`id`).
 */
function responsive(id: string, wide: CardElement, narrow: CardElement): CardElement[] {
  return [
    { ...wide, id: `${RESPONSIVE_LAYOUTS.wide.idPrefix}${id}`, targetWidth: RESPONSIVE_LAYOUTS.wide.targetWidth },
    { ...narrow, id: `${RESPONSIVE_LAYOUTS.narrow.idPrefix}${id}`, targetWidth: RESPONSIVE_LAYOUTS.narrow.targetWidth },
  ];
}

/** One role's block in the stacked layout: a shaded container under the previous one. */
const stackedBlock = (items: CardElement[], first: boolean): CardElement => ({
  type: 'Container',
  style: 'emphasis',
  spacing: first ? 'None' : 'Small',
  items,
});

/** Roles side by side on a wide screen, role blocks stacked under each other on a narrow one. */
function comparisonBody(answer: ComparisonAnswer, id: string): CardElement[] {
  return [
    title(answer.title),
    ...paragraphs(answer.intro),
    ...responsive(
      id,
      {
        type: 'ColumnSet',
        spacing: 'Medium',
        columns: answer.blocks.map((block) => ({
          type: 'Column',
          width: 'stretch',
          style: 'emphasis',
          bleed: false,
          items: roleBlock(block, true),
        })),
      },
      {
        type: 'Container',
        spacing: 'Medium',
        items: answer.blocks.map((block, index) => stackedBlock(roleBlock(block, true), index === 0)),
      },
    ),
  ];
}

/** An overview cell's bullets: the role's items, as buildAnswer joined them. */
const summaryItems = (summary: string): AnswerItem[] =>
  summary
    .split(SUMMARY_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => ({ text: part, children: [] }));

/**
 * One role's line of an overview row: its name, then its first `maxItems` bullets in one text block (an
 * overview covers every section and role: a block per bullet would make the card several times larger).
 */
const overviewCell = (cell: OverviewAnswer['rows'][number]['cells'][number], maxItems: number): CardElement[] => {
  const items = summaryItems(cell.summary);
  const shown = items.slice(0, maxItems).map((item) => `• ${item.text}`);
  if (items.length > maxItems) shown.push('• …');
  return [text(cell.roleName, { weight: 'Bolder', spacing: 'Small' }), ...(shown.length > 0 ? [text(shown.join('\n'), { spacing: 'Small' })] : [])];
};

/**
 * Each section heading, then each role's name and its bullets, then the conclusion. One layout,
 * stacked, at every width: an overview covers every section, so two layouts would double the
 * largest card (Teams refuses messages over about 28 kB).
 */
function overviewBody(answer: OverviewAnswer, maxItems = Infinity): CardElement[] {
  return [
    title(answer.title),
    ...paragraphs(answer.intro),
    ...answer.rows.flatMap((row): CardElement[] => [
      text(row.heading, { weight: 'Bolder', size: 'Default', spacing: 'Medium', style: 'heading' }),
      ...row.cells.flatMap((cell) => overviewCell(cell, maxItems)),
    ]),
    ...(answer.conclusion.length > 0
      ? [{ type: 'Container', separator: true, spacing: 'Medium', items: paragraphs(answer.conclusion) }]
      : []),
  ];
}

/**
 * A button that asks a question. Teams turns `msteams.imBack` into a typed message; Web Chat and the
 * Playground post the data as `activity.value`, which the dialog runner reads as an {@link AskSubmit}.
 */
export function askAction(suggestion: Suggestion): CardElement {
  const data: AskSubmit & { msteams: { type: 'imBack'; value: string } } = {
    action: 'ask',
    question: suggestion.value,
    msteams: { type: 'imBack', value: suggestion.value },
  };
  return { type: 'Action.Submit', title: suggestion.title, data };
}

function feedbackAction(feedback: FeedbackButtons, vote: FeedbackSubmit['vote']): CardElement {
  const data: FeedbackSubmit = { action: 'feedback', vote, answerId: feedback.answerId, questionId: feedback.questionId };
  // Only a 👎 carries the question: it may be passed on to HR.
  if (vote === 'down' && feedback.question) data.question = feedback.question;
  return { type: 'Action.Submit', title: vote === 'up' ? feedback.up : feedback.down, data };
}

/** The hand-off button: posts its data back (Teams and Web Chat alike). */
export function handoffAction(handoff: HandoffButton): CardElement {
  return { type: 'Action.Submit', title: handoff.label, data: handoff.data, style: 'positive' };
}

/** A short message with one hand-off button (after a 👎). */
export function renderHandoffOffer(message: string, handoff: HandoffButton): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: message,
    speak: message,
    lang: 'fr',
    body: [text(message)],
    actions: [handoffAction(handoff)],
  };
}

/** The message of a fallback, clarification or smalltalk answer, with its suggestions as buttons. */
function messageBody(message: string): CardElement[] {
  return [text(message)];
}

function bodyOf(answer: Answer, id: string): CardElement[] {
  switch (answer.kind) {
    case 'list':
      return listBody(answer);
    case 'comparison':
      return comparisonBody(answer, id);
    case 'overview':
      return overviewBody(answer);
    case 'clarify':
    case 'fallback':
    case 'smalltalk':
      return messageBody(answer.message);
  }
}

/** Buttons carried by the card itself: choices and offers for messages (feedback is in the body). */
function actionsOf(answer: Answer, options: AdaptiveCardOptions): CardElement[] {
  if (answer.kind === 'clarify') return answer.choices.slice(0, MAX_CARD_ACTIONS).map(askAction);
  if (answer.kind === 'fallback') {
    const extra: CardElement[] = [];
    if (answer.contact?.link) extra.push({ type: 'Action.OpenUrl', title: answer.contact.link.title, url: answer.contact.link.url });
    if (options.handoff) extra.push(handoffAction(options.handoff));
    return [...answer.suggestions.slice(0, MAX_CARD_ACTIONS - extra.length).map(askAction), ...extra];
  }
  if (answer.kind === 'smalltalk') {
    return answer.suggestions.slice(0, MAX_CARD_ACTIONS).map(askAction);
  }
  return [];
}

/**
 * The question, then 👍 and 👎 as two small buttons side by side: each in its own auto-width column,
 * so neither host stretches them into full-width bars.
 */
function feedbackRow(feedback: FeedbackButtons): CardElement[] {
  const button = (vote: FeedbackSubmit['vote']): CardElement => ({
    type: 'Column',
    width: 'auto',
    items: [{ type: 'ActionSet', actions: [feedbackAction(feedback, vote)] }],
  });
  return [
    text(feedback.prompt, { isSubtle: true, size: 'Small', separator: true, spacing: 'Medium' }),
    { type: 'ColumnSet', spacing: 'Small', columns: [button('up'), button('down')] },
  ];
}

/** The id that makes a card's layout ids unique: the answer id, else a digest of the answer's text. */
function cardId(plainText: string, options: AdaptiveCardOptions): string {
  const id = options.id ?? options.feedback?.answerId ?? createHash('sha256').update(plainText).digest('hex').slice(0, 12);
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** Renders any answer as an Adaptive Card (list, comparison, overview, and messages with buttons). */
export function renderAdaptiveCard(answer: Answer, options: AdaptiveCardOptions = {}): AdaptiveCard {
  const plainText = renderText(answer);
  const isArticleAnswer = answer.kind === 'list' || answer.kind === 'comparison' || answer.kind === 'overview';
  const cardWith = (body: CardElement[]): AdaptiveCard => {
    if (isArticleAnswer && options.feedback) body.push(...feedbackRow(options.feedback));
    return {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: ADAPTIVE_CARD_VERSION,
      fallbackText: beginning(plainText, FALLBACK_MAX_CHARS),
      speak: beginning(plainText, SPEAK_MAX_CHARS),
      lang: 'fr',
      body,
      actions: actionsOf(answer, options),
    };
  };
  let card = cardWith(bodyOf(answer, cardId(plainText, options)));
  // An overview of many sections and roles shows fewer bullets per role until the card fits Teams' limit.
  for (let maxItems = MAX_OVERVIEW_ITEMS; answer.kind === 'overview' && maxItems >= 1 && cardBytes(card) > CARD_BYTE_BUDGET; maxItems -= 1) {
    card = cardWith(overviewBody(answer, maxItems));
  }
  return card;
}

/** Bullets per role an overview starts from when it must shrink to fit. */
const MAX_OVERVIEW_ITEMS = 4;

/** The size of a card as sent: bytes of its JSON. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card));
}
