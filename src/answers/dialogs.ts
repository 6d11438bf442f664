/**
 * The bot's own sentences (dialogs/*.yaml), loaded and validated at start-up.
 * Every French sentence the bot says that is not quoted from an article comes from here.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ARTICLE_FORMS, contract, withArticle, type ArticleForm, type NounForm } from '../text/morphology.js';
import { readYamlFile } from '../text/readYamlFile.js';

/** Placeholders a dialog sentence may use; anything else is a typo caught at start-up. */
const PLACEHOLDERS = new Set(['roles', 'topics', 'title', 'topic', 'length', 'max', 'section', 'role', 'item', 'otherRole', 'role1', 'role2', 'question', 'reply', 'responder', 'name', 'count']);

/**
 * A placeholder: `{name}`, or `{form:name}` for a role with its article, elided and contracted as French
 * writes it (`{le:role}` → « l'Assistant RH », `{du:role}` → « de la Gouvernante », `{un:role}` → « une … »).
 */
const PLACEHOLDER = /\{(?:(\w+):)?(\w+)\}/g;

const sentence = z
  .string()
  .min(1)
  .refine((text) => [...text.matchAll(PLACEHOLDER)].every((match) => PLACEHOLDERS.has(match[2]!) && (match[1] === undefined || (ARTICLE_FORMS as readonly string[]).includes(match[1]))), {
    message: `unknown placeholder (allowed: ${[...PLACEHOLDERS].map((name) => `{${name}}`).join(', ')}, and {${ARTICLE_FORMS.join('|')}:role} for a role with its article)`,
  });
const phrases = z.array(z.union([z.string(), z.number()]).transform(String)).min(1);

const smalltalkSchema = z.object({
  intents: z.record(z.string(), z.object({ patterns: phrases, replies: z.array(sentence).min(1) }).strict()),
}).strict();

const fallbackSchema = z.object({
  notCovered: sentence,
  notUnderstood: sentence,
  otherRole: sentence,
  offer: sentence,
  empty: sentence,
  tooLong: sentence,
  notText: sentence,
  error: sentence,
  timeout: sentence,
}).strict();

const answersSchema = z.object({
  listTitle: sentence,
  comparisonTitle: sentence,
  overviewTitle: sentence,
  overviewLead: sentence,
  conclusionLead: sentence,
  itemFound: sentence,
  itemFoundBoth: sentence,
  itemYes: sentence,
  itemNo: sentence,
  definitionTitle: sentence,
  followUpOtherRole: sentence,
  followUpCompare: sentence,
  followUpSection: sentence,
  followUpOverview: sentence,
  suggestOverview: sentence,
  suggestList: sentence,
  suggestComparison: sentence,
  suggestDefinition: sentence,
  libraryRoles: sentence,
  and: sentence,
}).strict();

const conversationSchema = z.object({
  welcome: z.object({ message: sentence, library: sentence, examplesLead: sentence }).strict(),
  clarify: z.object({ article: sentence, role: sentence }).strict(),
  feedback: z.object({ prompt: sentence, up: sentence, down: sentence, thanksUp: sentence, thanksDown: sentence }).strict(),
}).strict();

const handoffSchema = z.object({
  offer: sentence,
  offerAfterDownVote: sentence,
  sentTeams: sentence,
  sentWeb: sentence,
  alreadySent: sentence,
  failed: sentence,
  unknown: sentence,
  reply: sentence,
  teamSignature: sentence,
  card: z.object({
    title: sentence,
    question: sentence,
    botAnswer: sentence,
    channel: sentence,
    receivedAt: sentence,
    replyPlaceholder: sentence,
    replyButton: sentence,
    closeButton: sentence,
    answeredBy: sentence,
    closed: sentence,
    anonymous: sentence,
    notAllowed: sentence,
    emptyReply: sentence,
  }).strict(),
  channelCommand: phrases,
  channelChosen: sentence,
  channelRefused: sentence,
}).strict();

export interface Dialogs {
  smalltalk: z.output<typeof smalltalkSchema>;
  fallback: z.output<typeof fallbackSchema>;
  answers: z.output<typeof answersSchema>;
  conversation: z.output<typeof conversationSchema>;
  /** Passing a question on to HR, and its reply. */
  handoff: z.output<typeof handoffSchema>;
}

/** Loads every dialog file of the folder; a mistake stops start-up with `file:line`. */
export function loadDialogs(directory: string): Dialogs {
  return {
    smalltalk: readYamlFile(join(directory, 'smalltalk.yaml'), smalltalkSchema),
    fallback: readYamlFile(join(directory, 'fallback.yaml'), fallbackSchema),
    answers: readYamlFile(join(directory, 'answers.yaml'), answersSchema),
    conversation: readYamlFile(join(directory, 'conversation.yaml'), conversationSchema),
    handoff: readYamlFile(join(directory, 'handoff.yaml'), handoffSchema),
  };
}

/** A role (or any noun) a sentence names, with what its article agrees with. */
export interface Noun extends NounForm {
  name: string;
}

/**
 * Fills `{name}` and `{form:name}` placeholders, then contracts what the filling put side by side
 * ("de les congés" → "des congés"). A noun fills `{name}` with its name alone.
 */
export function fill(template: string, values: Record<string, string | number | Noun>): string {
  const filled = template.replace(PLACEHOLDER, (whole, form: string | undefined, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (typeof value !== 'object') return String(value);
    return form === undefined ? value.name : withArticle(form as ArticleForm, value.name, value);
  });
  return contract(filled);
}
