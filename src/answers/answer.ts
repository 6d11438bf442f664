/**
 * The one channel-neutral answer type. Every channel (CLI, Teams, web chat)
 * renders an `Answer`; nothing downstream re-reads the knowledge base.
 */

/** Why the engine chose this answer: shown by `--json` and logged at debug level. */
export interface Why {
  /** Question words that matched, after normalisation. */
  matched: string[];
  section: string | null;
  roles: string[];
  /** The next best section or reading, when there was one. */
  runnerUp: string | null;
  /** A short human-readable explanation. */
  reason: string;
  /** The chosen reading's features (non-zero), as the reading model scored them. */
  features?: Record<string, number>;
  /** The chosen reading and the runner-up, as the reading model labels them, with their scores. */
  readings?: { label: string; score: number }[];
}

/** A list item as shown to the user; `highlight` marks the bullet a reverse lookup found. */
export interface AnswerItem {
  text: string;
  children: AnswerItem[];
  highlight?: boolean;
}

/** One role's part of a list or comparison. */
export interface RoleBlock {
  roleId: string;
  roleName: string;
  /** The list header as written in the article, if any. */
  header?: string;
  items: AnswerItem[];
  prose: string[];
}

/** A suggested next question: `title` is the button label, `value` the question sent back. */
export interface Suggestion {
  title: string;
  value: string;
}

interface AnswerBase {
  /** Article id, or null when no article is concerned (smalltalk, fallback). */
  article: string | null;
  section: string | null;
  /** Role ids the answer is about. */
  roles: string[];
  /** 0..1: how sure the engine is. */
  confidence: number;
  why: Why;
  suggestions: Suggestion[];
}

/** One role's content for one section. */
export interface ListAnswer extends AnswerBase {
  kind: 'list';
  title: string;
  /** A sentence that comes before the list (e.g. the yes/no of a reverse lookup). */
  lead?: string;
  /** Section prose that concerns no single role, shown before the blocks. */
  intro: string[];
  blocks: RoleBlock[];
}

/** One section, side by side for several roles. */
export interface ComparisonAnswer extends AnswerBase {
  kind: 'comparison';
  title: string;
  intro: string[];
  blocks: RoleBlock[];
}

/** The general difference: one line per section contrasting the roles, then the conclusion. */
export interface OverviewAnswer extends AnswerBase {
  kind: 'overview';
  title: string;
  intro: string[];
  rows: { sectionId: string; heading: string; cells: { roleId: string; roleName: string; summary: string }[] }[];
  conclusion: string[];
}

/** The engine needs the user to choose (several articles, ambiguous question). */
export interface ClarifyAnswer extends AnswerBase {
  kind: 'clarify';
  message: string;
  choices: Suggestion[];
}

/** Whom to contact about a subject the articles do not cover (knowledge/contacts.yaml). */
export interface Contact {
  /** The subject as HR named it in the file. */
  subject: string;
  /** HR's short French answer: whom to contact, how. */
  answer: string;
  link: { title: string; url: string } | null;
}

/** The articles do not cover the question. */
export interface FallbackAnswer extends AnswerBase {
  kind: 'fallback';
  message: string;
  /** The lexicon topic (its id, e.g. `conges`) the question was about, when the fallback is for one. */
  topic: string | null;
  /** The article section that came closest, for the HR dashboard. */
  closest: { article: string; section: string } | null;
  /** HR's contact for the topic, when contacts.yaml has one (it then replaces the refusal). */
  contact?: Contact;
}

/** Greetings, thanks, help, goodbye, "who are you". */
export interface SmalltalkAnswer extends AnswerBase {
  kind: 'smalltalk';
  intent: string;
  message: string;
}

export type Answer =
  | ListAnswer
  | ComparisonAnswer
  | OverviewAnswer
  | ClarifyAnswer
  | FallbackAnswer
  | SmalltalkAnswer;

export type AnswerKind = Answer['kind'];
