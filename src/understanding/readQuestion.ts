/**
 * First reading of a question, shared by every article: words rewritten from chat style,
 * typos corrected, and the markers that say what kind of question it is.
 */
import { conceptOf, PhraseSet, type Lexicon } from './lexicon.js';
import { fold, words } from '../text/normalize.js';
import type { TypoCorrector } from './typoCorrector.js';

/** Where a marker was found: positions in `tokens`. */
export interface Markers {
  comparison: boolean;
  overview: boolean;
  /** The question starts like a follow-up ("Et côté…", "Pour le…"). */
  followUp: boolean;
  /** It refers back to the previous role ("ses diplômes", "il"). */
  pronoun: boolean;
  /** It asks which role does something ("Qui…", "Quel rôle…"). */
  who: boolean;
  /** It asks what a role is. */
  definition: boolean;
  /** A closed question ("fait-il…", "est-ce que…"). */
  yesNo: boolean;
  /** A statement with a question mark: closed when it names a role ("Le CPM fait de l'analyse ?"). */
  rising: boolean;
  /** "l'autre": the role not discussed so far. */
  otherOne: boolean;
}

export interface QuestionReading {
  /** Folded, rewritten and corrected words. */
  tokens: string[];
  corrections: { from: string; to: string }[];
  markers: Markers;
  /** Token positions used by markers: they are not the subject of the question. */
  markerPositions: Set<number>;
  /** Words typed in capitals ("le CA"): initialisms even when they spell a common word ("ça"). */
  capitals: Set<string>;
  /** Token positions in the clauses that ask (the others give context). */
  inFocus: Set<number>;
  /** Token positions of definition words ("c'est quoi", "définition"). */
  definitionPositions: Set<number>;
  /** Smalltalk intents found, with their positions. */
  smalltalk: { intent: string; positions: Set<number> }[];
}

/** Words before "qui" that make it something else than "which role": "ce qui", "avec qui", "à qui". */
const NOT_WHO_BEFORE = new Set(['ce', 'avec', 'a', 'de', 'pour', 'chez', 'sur', 'aupres']);
/** The follow-up words count only at the start of a question ("Et pour le marketing ?"). */
const FOLLOW_UP_MAX_START = 1;
/** "Qui" asks about a role only near the start; later it is a relative pronoun ("les compétences qui…"). */
const WHO_MAX_START = 2;
const INVERSION = /\b[a-z]+-(?:t-)?(?:il|elle|ils|elles|on)\b/;
const CLOSED_START = /^(?:est[- ]ce\s+qu|est-il|est-elle|y\s+a-t-il|faut-il|peut-il|peut-elle|doit-il|doit-elle|a-t-il|a-t-elle)/;
/** An interrogative word near the start makes an open question, whatever inversion follows ("Quelles compétences faut-il…"). */
/** A clause about the person asking, or a long one: context around the question, not the question. */
const CONTEXT_CLAUSE = /\b(?:je|j|nous|mon|ma|mes|notre|nos|tout le monde)\b|(?:\S+\s+){6,}/;
/** A word that asks: its clause is the question proper. */
const QUESTION_WORD = /\b(?:quel|quelle|quels|quelles|qui|quoi|comment|pourquoi|ou|combien|lequel|laquelle|est-ce|savoir|dire|expliquer|explique|expliquez)\b|\bce qu'est\b|\bce que c'est\b/;
/** An open question word anywhere ("Je me demande sur quels chiffres… ?"). */
const ASKING_WORD = /\b(?:quel|quelle|quels|quelles|combien|comment|pourquoi|lequel|laquelle|lesquels|lesquelles|quoi)\b|\bqu'est-ce\b|\b(?:avec|a|de|pour|chez|sur) qui\b/;
const OPEN_START = /^(?:\S+\s+){0,2}(?:quel|quelle|quels|quelles|qui|que|qu|quoi|comment|pourquoi|ou|combien|lequel|laquelle|lesquels|lesquelles)\b/;
/** Impersonal inversions: their "il" refers to no role. */
const IMPERSONAL = /\b(?:faut-il|y\s+a-t-il|s'agit-il|agit-il|suffit-il|vaut-il)\b/g;
const REQUEST = /\b(?:peux-tu|pouvez-vous|pourrais-tu|pourriez-vous|tu peux|vous pouvez|tu pourrais|vous pourriez|peut-on|on peut|est-ce que tu peux|est-ce que vous pouvez)\b/;
/** "C'est le CPD qui…" is a closed question, whatever "qui" suggests. */
const CLEFT = /^c'est\s+(?:le|la|l'|un|une)?\s*\S+.*\bqui\b/;
/** A statement asked with a question mark: "Le CPM fait de l'analyse de données ?". */
const RISING = /\?\s*$/;
/** Follow-ups ("Et pour le marketing ?") are not closed questions. */
const FOLLOW_UP_START = /^(?:et|pour|cote|du\s+cote|aussi|ok|d'accord|bon|alors)\b/;

export interface ReaderTools {
  lexicon: Lexicon;
  corrector: TypoCorrector;
  smalltalk: Map<string, PhraseSet>;
}

function mark(positions: Set<number>, found: [number, number][]): void {
  for (const [start, end] of found) for (let position = start; position < end; position += 1) positions.add(position);
}

/** Verb-subject inversions: "travaille-t-il", "ont-ils". The pronoun is dropped from the words read. */
const INVERTED_PRONOUN = /\b([a-z]+)-(?:t-)?(?:il|elle|ils|elles|on)\b/g;

export function readQuestion(text: string, tools: ReaderTools): QuestionReading {
  const { lexicon, corrector } = tools;
  const folded = fold(text).trim();
  const personal = folded.replace(IMPERSONAL, ' ');
  const open = OPEN_START.test(folded) || ASKING_WORD.test(folded);
  // "Peux-tu me donner…", "Pouvez-vous m'expliquer…" ask for something: not a yes/no question.
  const request = REQUEST.test(folded);
  const closed = !request && (CLOSED_START.test(folded) || CLEFT.test(folded) || (!open && INVERSION.test(personal)));
  // "Le CPM fait de l'analyse de données ?": a statement asked by intonation, a closed question once a role is its subject.
  const rising = !request && !open && RISING.test(folded) && !FOLLOW_UP_START.test(folded);
  // "a-t-il", "ont-ils" refer back to a role; "faut-il" does not.
  const invertedPronoun = INVERSION.test(personal) && !/^(?:est|y)$/.test(personal.match(INVERSION)?.[0].split('-')[0] ?? '');
  const tokens: string[] = [];
  const corrections: { from: string; to: string }[] = [];
  // The inverted pronoun is dropped ("travaille-t-il avec" reads "travaille avec"); impersonal ones too ("faut-il").
  // Clauses ("je suis en reconversion, quelle formation faut-il ?") tell the question from its context.
  const clauseOf: number[] = [];
  const focus = new Set<number>();
  const clauses = folded.replace(INVERTED_PRONOUN, '$1').split(/(?<=[.,;:!?…])|\s(?=(?:et|mais|car|donc)\s)/);
  clauses.forEach((clause, clauseIndex) => {
    // A short fragment before the question is its topic ("Les missions, qu'est-ce qui change ?"): it is asked too.
    // Context is a clause of its own, about the person asking ("je suis en reconversion", "dans mon équipe…").
    if (QUESTION_WORD.test(clause) || !CONTEXT_CLAUSE.test(clause)) focus.add(clauseIndex);
    for (const word of words(clause)) {
      const rewritten = lexicon.rewrites.get(word);
      const corrected = rewritten ? null : corrector.correct(word);
      if (corrected) corrections.push({ from: word, to: corrected });
      for (const token of rewritten ?? [corrected ?? word]) {
        tokens.push(token);
        clauseOf.push(clauseIndex);
      }
    }
  });
  // Without a question anywhere, every clause is the question.
  if (![...focus].some((clauseIndex) => QUESTION_WORD.test(clauses[clauseIndex]!))) clauses.forEach((_, clauseIndex) => focus.add(clauseIndex));
  const inFocus = new Set(clauseOf.flatMap((clauseIndex, position) => (focus.has(clauseIndex) ? [position] : [])));
  const markerPositions = new Set<number>();
  const find = (set: PhraseSet, maxStart = Infinity) => {
    const found = set.find(tokens).filter(([start]) => start <= maxStart);
    mark(markerPositions, found);
    return found.length > 0;
  };
  let comparison = find(lexicon.comparison);
  // Any form of a comparison word ("différencie", "se distinguent") counts, not only the listed ones.
  tokens.forEach((token, position) => {
    if (lexicon.markerConcepts.has(conceptOf(lexicon, token))) {
      comparison = true;
      markerPositions.add(position);
    }
  });
  const overview = find(lexicon.overview);
  const followUp = find(lexicon.followUp, FOLLOW_UP_MAX_START);
  const pronoun = find(lexicon.pronouns) || invertedPronoun;
  // "ce qui" is a relative clause ("qu'est-ce qui différencie…"), not a question about who.
  // "avec qui", "à qui" ask about interlocutors, not which role does something.
  const whoFound = lexicon.whoAsks.find(tokens).filter(([start, end]) => end - start > 1 || (start <= WHO_MAX_START && !NOT_WHO_BEFORE.has(tokens[start - 1] ?? '')));
  mark(markerPositions, whoFound);
  // Definition words are not marked: "définitions" may also be a heading word ("Définition des rôles").
  const definitionPositions = new Set<number>();
  mark(definitionPositions, lexicon.definition.find(tokens));
  const definition = definitionPositions.size > 0;
  // "Et lui ?", "et elle ?" alone point at the role not discussed so far, like "et l'autre ?".
  const otherOne = tokens.includes('autre') || (tokens.length <= 3 && tokens[0] === 'et' && ['lui', 'elle'].includes(tokens[tokens.length - 1]!));
  if (otherOne) tokens.forEach((token, position) => ['autre', 'lui', 'elle'].includes(token) && markerPositions.add(position));
  const smalltalk: QuestionReading['smalltalk'] = [];
  for (const [intent, phrases] of tools.smalltalk) {
    const found = phrases.find(tokens);
    if (found.length > 0) {
      const positions = new Set<number>();
      mark(positions, found);
      smalltalk.push({ intent, positions });
    }
  }
  return {
    tokens,
    corrections,
    markers: { comparison, overview, followUp, pronoun, who: whoFound.length > 0, definition, yesNo: closed, rising, otherOne },
    markerPositions,
    capitals: new Set(words((text.match(/\b\p{Lu}{2,6}\b/gu) ?? []).join(' '))),
    inFocus,
    definitionPositions,
    smalltalk,
  };
}
