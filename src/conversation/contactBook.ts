/**
 * Whom to contact about subjects the articles do not cover: knowledge/contacts.yaml, written by HR.
 * Each entry names subjects as employees say them (« congés », « mutuelle », « note de frais »),
 * read through the lexicon's topics, and gives a short French answer and an optional intranet link.
 * A fallback about one of these subjects gives that contact instead of the plain refusal; without
 * the file, or for a subject no entry names, the fallback stays as it was: no contact is invented.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { KnowledgeFileError } from '../errors.js';
import { conceptOf, type Lexicon } from '../language/lexicon.js';
import { fold, stem, words } from '../text/normalize.js';
import type { Answer, Contact, FallbackAnswer } from '../answers/answer.js';

/** The file's name in the knowledge folder. */
export const CONTACTS_FILE = 'contacts.yaml';

/** What is wrong in a contacts file, in French (the file's authors are HR people). */
export const CONTACT_FILE_PROBLEMS = Object.freeze({
  notAList: 'le fichier doit contenir une liste « contacts: », un contact par élément',
  notAnEntry: 'chaque contact doit être un objet avec « subjects », « answer » et, si besoin, « link »',
  unknownKey: (key: string) => `clé inconnue « ${key} » (attendues : subjects, answer, link)`,
  noSubjects: '« subjects » doit être une liste d’au moins un sujet, par exemple [congés, RTT]',
  emptySubject: 'un sujet est vide',
  noAnswer: '« answer » doit être une phrase non vide : qui contacter, et comment',
  badLink: '« link » doit avoir un « title » et une « url » en http(s)://',
  unknownSubject: (subject: string) =>
    `le sujet « ${subject} » n’est reconnu par aucun thème de lexique.yaml : ajoutez ce mot aux « words » d’un thème (topics), ou écrivez un sujet que le lexique connaît`,
  duplicateSubject: (subject: string, line: number) => `le sujet « ${subject} » est déjà attribué à un contact, ligne ${line}`,
});

/** One subject of an entry, as read through the lexicon. */
interface Subject {
  text: string;
  topic: string;
  /** Concepts that name it in a question. */
  signals: Set<string>;
  /** True when the subject names the whole topic (« congés » for the topic congés), not a part of it (« mutuelle »). */
  wholeTopic: boolean;
  line: number;
}

interface Entry {
  contact: Omit<Contact, 'subject'>;
  subjects: Subject[];
}

/** Concepts a phrase stands for, as the lexicon reads it. */
function phraseSignals(text: string, lexicon: Lexicon): Set<string> {
  const parts = words(text);
  const signals = new Set<string>();
  for (const word of parts) {
    signals.add(conceptOf(lexicon, word));
    const stemmed = stem(word);
    signals.add(lexicon.stemConcepts.get(stemmed) ?? stemmed);
  }
  for (let size = 2; size <= Math.min(lexicon.longestPhrase, parts.length); size += 1) {
    for (let start = 0; start + size <= parts.length; start += 1) {
      const concept = lexicon.phraseConcepts.get(parts.slice(start, start + size).map(stem).join(' '));
      if (concept) signals.add(concept);
    }
  }
  return signals;
}

/** The lexicon topic a subject belongs to, and whether it names the whole topic. */
function readSubject(text: string, lexicon: Lexicon): Omit<Subject, 'line'> | null {
  const folded = fold(text).trim();
  const parts = words(text);
  const whole = parts.length > 1 ? phraseSignals(text, lexicon) : new Set<string>();
  for (const [id, topic] of lexicon.topics) {
    const names = [id, fold(topic.name), fold(topic.name).replace(/^(?:les?|la|l'|des?|du)\s*/, '')];
    if (names.includes(folded)) return { text, topic: id, signals: new Set([...topic.signals]), wholeTopic: true };
  }
  const signals = phraseSignals(text, lexicon);
  for (const [id, topic] of lexicon.topics) {
    // A phrase of several words must be one of the topic's phrases; a single word, one of its words.
    const matches = parts.length > 1 ? [...whole].filter((concept) => topic.phrases.has(concept) || (concept === id)) : [...signals].filter((concept) => topic.signals.has(concept));
    if (matches.length > 0) {
      const idSignals = new Set([id, stem(fold(id))]);
      return { text, topic: id, signals: new Set(matches), wholeTopic: matches.some((concept) => idSignals.has(concept)) };
    }
  }
  return null;
}

/** The contacts of the knowledge folder, looked up by the topic of a fallback. */
export class ContactBook {
  private constructor(
    private readonly entries: readonly Entry[],
    private readonly lexicon: Lexicon | null,
  ) {}

  /** A book with no contact: every fallback stays as the engine made it. */
  static empty(): ContactBook {
    return new ContactBook([], null);
  }

  /** Reads a contacts file; a mistake stops start-up with `file:line: …` in French. A missing file is an empty book. */
  static load(file: string, lexicon: Lexicon): ContactBook {
    if (!existsSync(file)) return ContactBook.empty();
    const source = readFileSync(file, 'utf8');
    const lines = new LineCounter();
    const document = parseDocument(source, { lineCounter: lines, prettyErrors: false });
    const name = basename(file);
    const fail = (node: Node | null | undefined, problem: string): never => {
      const line = node?.range ? lines.linePos(node.range[0]).line : 1;
      throw new KnowledgeFileError(name, line, problem);
    };
    if (document.errors.length > 0) {
      const error = document.errors[0]!;
      throw new KnowledgeFileError(name, lines.linePos(error.pos[0]).line, `YAML illisible : ${error.message.split('\n')[0] ?? ''}`);
    }
    const root = document.contents;
    if (root === null) return ContactBook.empty();
    const list = isMap(root) ? root.get('contacts', true) : undefined;
    if (!isMap(root) || !isSeq(list)) return fail(root, CONTACT_FILE_PROBLEMS.notAList);
    const seen = new Map<string, number>();
    const entries: Entry[] = [];
    for (const item of list.items) {
      if (!isMap(item)) return fail(item as Node, CONTACT_FILE_PROBLEMS.notAnEntry);
      for (const pair of item.items) {
        const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
        if (!['subjects', 'answer', 'link'].includes(key)) fail(pair.key as Node, CONTACT_FILE_PROBLEMS.unknownKey(key));
      }
      const subjectsNode = item.get('subjects', true);
      if (!isSeq(subjectsNode) || subjectsNode.items.length === 0) return fail(subjectsNode ?? item, CONTACT_FILE_PROBLEMS.noSubjects);
      const answerNode = item.get('answer', true) as Node | undefined;
      const answer = item.get('answer');
      if (typeof answer !== 'string' || answer.trim() === '') return fail(answerNode ?? item, CONTACT_FILE_PROBLEMS.noAnswer);
      const linkNode = item.get('link', true) as Node | undefined;
      let link: Contact['link'] = null;
      if (linkNode !== undefined) {
        const value = (linkNode as { toJSON?: () => unknown }).toJSON?.() as { title?: unknown; url?: unknown } | undefined;
        const valid = value && typeof value.title === 'string' && value.title.trim() !== '' && typeof value.url === 'string' && /^https?:\/\/\S+$/.test(value.url);
        if (!valid) return fail(linkNode, CONTACT_FILE_PROBLEMS.badLink);
        link = { title: (value.title as string).trim(), url: value.url as string };
      }
      const subjects: Subject[] = [];
      for (const subjectNode of subjectsNode.items) {
        const text = String((subjectNode as { value?: unknown }).value ?? '').trim();
        const line = lines.linePos((subjectNode as Node).range?.[0] ?? 0).line;
        if (text === '') return fail(subjectNode as Node, CONTACT_FILE_PROBLEMS.emptySubject);
        const read = readSubject(text, lexicon);
        if (!read) return fail(subjectNode as Node, CONTACT_FILE_PROBLEMS.unknownSubject(text));
        const key = fold(text);
        const earlier = seen.get(key);
        if (earlier !== undefined) return fail(subjectNode as Node, CONTACT_FILE_PROBLEMS.duplicateSubject(text, earlier));
        seen.set(key, line);
        subjects.push({ ...read, line });
      }
      entries.push({ contact: { answer: answer.trim(), link }, subjects });
    }
    return new ContactBook(entries, lexicon);
  }

  /** How many contacts the file gives. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * The contact for a question about an uncovered topic: an entry naming a word of the question
   * first (« mutuelle »), else one naming the whole topic (« congés »); null when none does.
   */
  find(topic: string | null, question: string): Contact | null {
    if (!topic || !this.lexicon) return null;
    const asked = phraseSignals(question, this.lexicon);
    let whole: Contact | null = null;
    for (const entry of this.entries) {
      for (const subject of entry.subjects) {
        if (subject.topic !== topic) continue;
        if ([...subject.signals].some((signal) => asked.has(signal)) && !subject.wholeTopic) return { subject: subject.text, ...entry.contact };
        if (subject.wholeTopic) whole ??= { subject: subject.text, ...entry.contact };
      }
    }
    return whole;
  }

  /** The answer with HR's contact in place of the refusal, when the book has one for its topic. */
  apply(answer: Answer, question: string): Answer {
    if (answer.kind !== 'fallback') return answer;
    const contact = this.find(answer.topic, question);
    if (!contact) return answer;
    const offer = answer.message.split('\n').slice(1).join('\n');
    const withContact: FallbackAnswer = {
      ...answer,
      message: offer ? `${contact.answer}\n${offer}` : contact.answer,
      contact,
      why: { ...answer.why, reason: `${answer.why.reason} (contact: ${contact.subject})` },
    };
    return withContact;
  }
}
