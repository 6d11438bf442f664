/**
 * knowledge/contacts.yaml: a fallback on a subject it lists gives HR's contact instead of the
 * refusal; subjects are read through the lexicon's topics; mistakes stop start-up with a French
 * `file:line` message; without the file, fallbacks stay as they were.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { CONTACT_FILE_PROBLEMS, CONTACTS_FILE, ContactBook } from '../../src/conversation/contactBook.js';
import { renderText } from '../../src/render/text.js';
import { emptyContext } from '../../src/understanding/context.js';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { loadLexicon, type Lexicon } from '../../src/language/lexicon.js';
import { DEFAULT_LANGUAGE_PACK } from '../../src/projectRoot.js';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { contactsFile, lexiconFile, realEngine } from '../channels/support/botServer.js';

let lexicon: Lexicon;
let engine: Engine;
let book: ContactBook;

beforeAll(async () => {
  lexicon = loadLexicon(lexiconFile, loadLanguagePack(DEFAULT_LANGUAGE_PACK));
  engine = await realEngine();
  book = ContactBook.load(contactsFile, lexicon);
});

/** The engine's answer with the project's contacts applied, as the dialog runner does. */
const answer = (question: string) => book.apply(engine.answer(question, emptyContext()).answer, question);

/** Writes a contacts file in a temporary folder and loads it. */
function load(source: string): ContactBook {
  const file = join(mkdtempSync(join(tmpdir(), 'assistant-rh-contacts-')), CONTACTS_FILE);
  writeFileSync(file, source);
  return ContactBook.load(file, lexicon);
}

describe('a fallback on a subject of contacts.yaml', () => {
  it.each([
    ['Combien de jours de congés ai-je ?', 'congés'],
    ['je peux télétravailler combien de jours ?', 'télétravail'],
    ['Comment fonctionne la mutuelle ?', 'mutuelle'],
    ['Quand est versée la paie ?', 'paie'],
    ['Comment me faire rembourser une note de frais ?', 'note de frais'],
  ])('« %s » gives the contact for « %s », with the usual suggestions', (question, subject) => {
    const given = answer(question);
    expect(given.kind).toBe('fallback');
    if (given.kind !== 'fallback') return;
    expect(given.contact?.subject).toBe(subject);
    expect(given.message.startsWith(given.contact!.answer)).toBe(true);
    expect(renderText(given)).toContain(given.contact!.link!.url);
    expect(given.suggestions.length).toBeGreaterThan(0);
  });

  it('a subject of a topic that no contact names keeps the plain refusal (no contact is invented)', () => {
    const given = answer('Y a-t-il des tickets restaurant ?');
    expect(given).toMatchObject({ kind: 'fallback', topic: 'avantages' });
    expect(given.kind === 'fallback' && given.contact).toBeFalsy();
  });

  it('an answer from an article is never replaced', () => {
    expect(answer('Quelles compétences pour un CPD ?').kind).not.toBe('fallback');
  });
});

describe('the contacts file', () => {
  it('of the project loads, and names at least one contact', () => {
    expect(ContactBook.load(join(PROJECT_ROOT, 'knowledge', CONTACTS_FILE), lexicon).size).toBeGreaterThan(0);
  });

  it('is optional: without it, no fallback gets a contact', () => {
    const empty = ContactBook.load(join(tmpdir(), 'no-such-folder', CONTACTS_FILE), lexicon);
    expect(empty.size).toBe(0);
    expect(empty.find('conges', 'congés')).toBeNull();
  });

  it.each([
    ['contacts:\n  - subjects: [congés]\n    answer: "RH"\n  - subjects: [note de service]\n    answer: "x"\n', 4, CONTACT_FILE_PROBLEMS.unknownSubject('note de service')],
    ['contacts:\n  - subjects: [congés]\n', 2, CONTACT_FILE_PROBLEMS.noAnswer],
    ['contacts:\n  - subjects: []\n    answer: "x"\n', 2, CONTACT_FILE_PROBLEMS.noSubjects],
    ['contacts:\n  - subjects: [congés]\n    answer: "x"\n    link: { title: "Intranet", url: "intranet/conges" }\n', 4, CONTACT_FILE_PROBLEMS.badLink],
    ['contacts:\n  - subjects: [congés]\n    answer: "x"\n    phone: "0102"\n', 4, CONTACT_FILE_PROBLEMS.unknownKey('phone')],
    ['contacts:\n  - subjects: [congés]\n    answer: "x"\n  - subjects: [Congés]\n    answer: "y"\n', 4, CONTACT_FILE_PROBLEMS.duplicateSubject('Congés', 2)],
    ['subjects: [congés]\n', 1, CONTACT_FILE_PROBLEMS.notAList],
    ['contacts:\n  - subjects: [congés\n', 3, 'YAML illisible'],
  ])('refuses a mistake with its line, in French (%#)', (source, line, problem) => {
    expect(() => load(source)).toThrow(`${CONTACTS_FILE}:${line}: ${problem}`);
  });
});
