/**
 * First reading of a question, shared by every article: words rewritten from chat style,
 * typos corrected, and the markers that say what kind of question it is.
 */
import type { LanguagePack } from '../language/languagePack.js';
import { conceptOf, type Lexicon } from '../language/lexicon.js';
import type { PhraseSet } from '../language/phraseSet.js';
import { dropInvertedPronouns, hyphenatedPairs, inversions, looksLikeInfinitive } from '../text/morphology.js';
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
  /** It refers back to several roles at once ("leurs horaires", "ils"). */
  plural: boolean;
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
  /** "les deux autres": every role not discussed so far. */
  otherMany: boolean;
  /** "compare les trois", "chacun": every role of the article. */
  allRoles: boolean;
  /** How many roles an every-role cue counts ("les deux", "ces 3"), or null: with fewer than the article has, not all of them. */
  roleCount: number | null;
  /** "points communs", "en commun": what every role shares. */
  shared: boolean;
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
  /**
   * Token positions of the sentences that end with a full stop beside one that asks ("J'ai un technicien qui veut
   * évoluer. Quelles compétences pour être préparateur ?"): a role named only there is not what is asked about.
   */
  aroundQuestion: Set<number>;
  /** Token positions of definition words ("c'est quoi", "définition"). */
  definitionPositions: Set<number>;
  /** Token positions of words asking what the roles share ("Qu'est-ce qui rapproche ces postes ?"). */
  commonGroundPositions: Set<number>;
  /** Smalltalk intents found, with their positions. */
  smalltalk: { intent: string; positions: Set<number> }[];
  /** Token positions joined by a hyphen to the token before ("sage-femme": the position of "femme"). */
  joined: Set<number>;
  /**
   * Token positions of a clause that describes a role instead of naming it, after a describing phrase ("la personne
   * qui choisit les chansons", "celui qui gère la console"): what that role does, to be found in the articles.
   */
  described: Set<number>;
}

/** The follow-up words count only at the start of a question ("Et pour le marketing ?"). */
const FOLLOW_UP_MAX_START = 1;
/** "Qui" asks about a role only near the start; later it is a relative pronoun ("les compétences qui…"). */
const WHO_MAX_START = 2;
/** An interrogative in one of the first chunks of the sentence makes an open question ("Et quel est…"). */
const OPEN_START_CHUNKS = 3;
/** A clause this long (in blank-separated chunks) is context around the question, not the question. */
const LONG_CLAUSE_CHUNKS = 7;
/** A statement asked with a question mark: "Le CPM fait de l'analyse de données ?". */
const RISING = /\?\s*$/;
/** Punctuation that ends a clause. */
const CLAUSE_END = /(?<=[.,;:!?…])/;

/**
 * What one question may cost, whatever is typed: the words read (a real question has a few dozen at
 * most; the rest of a pasted page is not read) and the typo lookups (a question of random words would
 * otherwise look up each of them).
 */
export const READING_LIMITS = Object.freeze({
  words: 40,
  typoLookups: 8,
});

export interface ReaderTools {
  lexicon: Lexicon;
  corrector: TypoCorrector;
  smalltalk: Map<string, PhraseSet>;
}

function mark(positions: Set<number>, found: [number, number][]): void {
  for (const [start, end] of found) for (let position = start; position < end; position += 1) positions.add(position);
}

/**
 * A word that asks ("quel", "comment", "savoir"): its clause is the question proper. "qui" after a noun relates
 * to it ("un technicien qui veut évoluer"): it asks only at the start of its clause or after a grammar word
 * ("avec qui", "c'est qui").
 */
function asks(tokens: readonly string[], language: LanguagePack): boolean {
  return tokens.some((token, at) => {
    if (!language.has('askingWords', token) && language.prefixLength('askingWords', tokens, at) === 0) return false;
    if (!language.has('whoQuestions', token) || at === 0) return true;
    const before = tokens[at - 1]!;
    return language.has('determiners', before) || language.has('objectPrepositions', before) || language.has('companionPrepositions', before) ||
      language.has('copulas', before) || language.has('identityVerbs', before) || language.has('genitivePrepositions', before) || language.has('namePrepositions', before);
  });
}

/** Clauses of sentences that end with a full stop or an exclamation when another sentence of the message asks ("?"). */
function statementClauses(clauses: readonly string[]): Set<number> {
  const ends = clauses.map((clause) => /[.!?…]\s*$/.exec(clause)?.[0].trim() ?? '');
  const statements = new Set<number>();
  if (!ends.includes('?')) return statements;
  let sentence: number[] = [];
  clauses.forEach((_, index) => {
    sentence.push(index);
    const end = ends[index]!;
    if (end === '' && index < clauses.length - 1) return;
    if (end === '.' || end === '!') for (const member of sentence) statements.add(member);
    sentence = [];
  });
  return statements;
}

/** A clause about the person asking, or a long one: context around the question, not the question. */
function isContextClause(clause: string, tokens: readonly string[], language: LanguagePack, resumed: boolean): boolean {
  return language.occursIn('contextClauseCues', tokens) || (!resumed && clause.trim().split(/\s+/).length >= LONG_CLAUSE_CHUNKS);
}

/** Splits folded text into clauses: at punctuation, and before a conjunction standing between two words. */
export function splitClauses(text: string, language: LanguagePack): string[] {
  return text.split(CLAUSE_END).flatMap((piece) => {
    const clauses: string[] = [];
    let from = 0;
    for (const match of piece.matchAll(/\s(?=(\S+)\s)/g)) {
      if (!language.has('clauseConjunctions', match[1]!)) continue;
      clauses.push(piece.slice(from, match.index));
      from = match.index + 1;
    }
    clauses.push(piece.slice(from));
    return clauses;
  });
}

/** Question kind from the sentence as typed: open, closed (yes/no), a request, a statement with a rising tone. */
function questionShape(folded: string, language: LanguagePack) {
  const all = words(folded);
  // "faut-il", "y a-t-il": impersonal, their "il" refers to no role.
  const impersonal = language.phrases('impersonalInversions');
  const personal = inversions(folded).filter((inversion) => {
    const before = words(folded.slice(0, inversion.end));
    return !impersonal.endsAt(before, before.length);
  });
  // An interrogative word near the start makes an open question, whatever inversion follows ("Quelles compétences faut-il…").
  const openStart = folded.split(/\s+/).slice(0, OPEN_START_CHUNKS).some((chunk) => {
    const first = words(chunk)[0];
    return first !== undefined && (language.has('interrogatives', first) || language.has('openingInterrogatives', first));
  });
  const open = openStart || all.some((word) => language.has('interrogatives', word)) || language.occursIn('askingPhrases', all);
  // "Peux-tu me donner…", "Pouvez-vous m'expliquer…" ask for something: not a yes/no question.
  const request = language.occursIn('requestPhrases', all);
  // "C'est le CPD qui…" is a closed question, whatever "qui" suggests.
  const cleftStart = language.phrases('cleftStarts').matchAt(all, 0);
  const cleft = cleftStart > 0 && all.slice(cleftStart + 1).some((word) => language.has('cleftRelatives', word));
  const closedStart = language.phrases('closedQuestionStarts').matchAt(all, 0) > 0;
  const closed = !request && (closedStart || cleft || (!open && personal.length > 0));
  // "Le CPM fait de l'analyse de données ?": a statement asked by intonation, a closed question once a role is its subject.
  // Follow-ups ("Et pour le marketing ?") are not closed questions.
  // "Il est plutôt au bureau ou sur le terrain ?" offers alternatives: not a yes/no question ("… ou pas ?" still is).
  const alternatives = all.some((word, at) => at > 0 && language.has('alternativeWords', word) && all[at + 1] !== undefined && !language.has('closingNegations', all[at + 1]!));
  const rising = !request && !open && !alternatives && RISING.test(folded) && language.phrases('followUpOpeners').matchAt(all, 0) === 0;
  // "a-t-il", "ont-ils" refer back to a role; "faut-il", "est-il" do not.
  const invertedPronoun = personal.length > 0 && !language.has('emptyInversionVerbs', personal[0]!.verb);
  return { closed, rising, invertedPronoun };
}

/** A clause that ends on punctuation: what follows it is no part of its sentence's description. */
const CLAUSE_END_MARK = /[.,;:!?…]\s*$/;

/** Words a describing head may stand from its « qui » ("le gars en uniforme qui surveille"). */
const DESCRIBING_GAP = 3;

/**
 * Where the question describes a role instead of naming it: the phrase that says so (its words, and a « qui » a few
 * words on, are markers) and where the description starts. "celui qui gère la console" (pack describingPhrases);
 * "la personne à l'accueil", "le gars en uniforme qui surveille le parc" (describingHeads, followed by a complement or
 * by a relative « qui » in the same clause).
 */
function describingPhrases(tokens: readonly string[], clauseOf: readonly number[], language: LanguagePack): { marked: [number, number][]; from: number }[] {
  const found = language.phrases('describingPhrases').find(tokens).map(([start, end]) => ({ marked: [[start, end]] as [number, number][], from: end }));
  for (const [start, end] of language.phrases('describingHeads').find(tokens)) {
    if (found.some(({ marked }) => marked.some(([from, to]) => start < to && end > from))) continue;
    const inClause = (at: number) => at < tokens.length && clauseOf[at] === clauseOf[end - 1];
    let relative: number | null = null;
    for (let at = end; at <= end + DESCRIBING_GAP && inClause(at) && relative === null; at += 1) if (language.has('describingRelatives', tokens[at]!)) relative = at;
    const complement = inClause(end) && language.has('describingComplements', tokens[end]!);
    if (relative === null && !complement) continue;
    const marked: [number, number][] = [[start, end]];
    if (relative !== null) marked.push([relative, relative + 1]);
    found.push({ marked, from: relative === end ? end + 1 : end });
  }
  return found;
}

export function readQuestion(text: string, tools: ReaderTools): QuestionReading {
  const { lexicon, corrector } = tools;
  const language = lexicon.language;
  const folded = fold(text).trim();
  const { closed, rising, invertedPronoun } = questionShape(folded, language);
  const tokens: string[] = [];
  const corrections: { from: string; to: string }[] = [];
  // The inverted pronoun is dropped ("travaille-t-il avec" reads "travaille avec"); impersonal ones too ("faut-il").
  // Clauses ("je suis en reconversion, quelle formation faut-il ?") tell the question from its context.
  const clauseOf: number[] = [];
  const focus = new Set<number>();
  const joined = new Set<number>();
  let typoLookups = 0;
  const clauses = splitClauses(dropInvertedPronouns(folded), language);
  const asking = clauses.map((clause) => asks(words(clause), language));
  const statements = statementClauses(clauses);
  // "Les conditions de travail du CESF et des TISF, c'est quoi la différence ?": a question that points back
  // asks about the clauses before it, however long.
  const firstAsking = asking.indexOf(true);
  const resumedBefore = firstAsking > 0 && language.phrases('resumptiveStarts').matchAt(words(clauses[firstAsking]!), 0) > 0 ? firstAsking : 0;
  clauses.forEach((clause, clauseIndex) => {
    const clauseWords = words(clause);
    // A short fragment before the question is its topic ("Les missions, qu'est-ce qui change ?"): it is asked too.
    // Context is a clause of its own, about the person asking ("je suis en reconversion", "dans mon équipe…"), or a
    // sentence that ends with a full stop beside one that asks ("J'ai un technicien qui veut évoluer. Quelles… ?").
    if (!statements.has(clauseIndex) && (asking[clauseIndex] || !isContextClause(clause, clauseWords, language, clauseIndex < resumedBefore))) focus.add(clauseIndex);
    const pairs = hyphenatedPairs(clause);
    clauseWords.forEach((word, at) => {
      if (tokens.length >= READING_LIMITS.words) return;
      if (at > 0 && pairs.has(`${clauseWords[at - 1]} ${word}`)) joined.add(tokens.length);
      const rewritten = lexicon.rewrites.get(word);
      // Looking up a typo is the costly part of reading: a question of random words gets a few, not hundreds.
      const lookup = !rewritten && !corrector.isKnown(word) && typoLookups < READING_LIMITS.typoLookups;
      if (lookup) typoLookups += 1;
      const corrected = lookup ? corrector.correct(word) : null;
      if (corrected) corrections.push({ from: word, to: corrected });
      for (const token of rewritten ?? [corrected ?? word]) {
        tokens.push(token);
        clauseOf.push(clauseIndex);
      }
    });
  });
  // Without a question anywhere, every clause is the question.
  if (![...focus].some((clauseIndex) => asking[clauseIndex])) clauses.forEach((_, clauseIndex) => focus.add(clauseIndex));
  const inFocus = new Set(clauseOf.flatMap((clauseIndex, position) => (focus.has(clauseIndex) ? [position] : [])));
  const aroundQuestion = new Set(clauseOf.flatMap((clauseIndex, position) => (statements.has(clauseIndex) ? [position] : [])));
  const markerPositions = new Set<number>();
  const find = (set: PhraseSet, maxStart = Infinity) => {
    const found = set.find(tokens).filter(([start]) => start <= maxStart);
    mark(markerPositions, found);
    return found.length > 0;
  };
  // "les deux autres" counts the others; it does not compare like "les deux" alone.
  const countsOthers = ([, end]: [number, number]) => language.has('otherManyWords', tokens[end] ?? '');
  const comparisons = lexicon.comparison.find(tokens).filter((span) => !countsOthers(span));
  mark(markerPositions, comparisons);
  let comparison = comparisons.length > 0;
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
  // "Celle qui fait les épilations, elle gagne combien ?": the « qui » of a phrase describing a role asks about no one.
  const describing = describingPhrases(tokens, clauseOf, language);
  const describes = (at: number) => describing.some(({ marked }) => marked.some(([start, end]) => at >= start && at < end));
  const whoFound = lexicon.whoAsks.find(tokens).filter(([start, end]) => !describes(start) && (end - start > 1 || (start <= WHO_MAX_START && !language.has('relativeWhoOpeners', tokens[start - 1] ?? ''))));
  // "Quel profil faut-il pour devenir EM ?": the noun of "quel profil", "quel poste" stays a word of the question
  // (the lookup is still marked); only the interrogative is a marker.
  mark(markerPositions, whoFound.map(([start, end]) => [start, end - start > 1 && !language.has('whoQuestions', tokens[end - 1]!) ? start + 1 : end] as [number, number]));
  // Definition words are not marked: "définitions" may also be a heading word ("Définition des rôles").
  const definitionPositions = new Set<number>();
  mark(definitionPositions, lexicon.definition.find(tokens));
  const definition = definitionPositions.size > 0;
  const commonGroundPositions = new Set<number>();
  tokens.forEach((_, at) => {
    const length = language.prefixLength('commonGroundCues', tokens, at);
    for (let k = at; k < at + length; k += 1) commonGroundPositions.add(k);
  });
  // "Et lui ?", "et elle ?" alone point at the role not discussed so far, like "et l'autre ?".
  const otherMany = tokens.some((token) => language.has('otherManyWords', token));
  // "les deux autres" are the others, not both.
  // "Lequel des trois a une voiture ?" asks which one: the words of a who-question are no every-role cue.
  const whoWords = new Set<number>();
  mark(whoWords, whoFound);
  const everyRole = otherMany ? null : everyRoleCue(tokens, whoWords, language);
  const allRoles = everyRole !== null;
  const roleCount = everyRole?.count ?? null;
  // "l'un et l'autre", "de part et d'autre" name every role, not the other one.
  const otherOne = !allRoles && (otherMany || tokens.some((token) => language.has('otherWords', token))) ||
    (tokens.length <= 3 && language.has('addingWords', tokens[0]!) && language.has('stressedPronouns', tokens[tokens.length - 1]!));
  if (otherOne) tokens.forEach((token, position) => (language.has('otherWords', token) || language.has('otherManyWords', token) || language.has('stressedPronouns', token)) && markerPositions.add(position));
  const smalltalk: QuestionReading['smalltalk'] = [];
  // Greetings, thanks and goodbyes open or close a clause ("merci, et pour l'autre ?", "ok, à plus"); inside
  // one the same words say something else ("on n'a plus de camion" is not "à plus").
  const opensClause = (start: number) => start === 0 || clauseOf[start - 1] !== clauseOf[start];
  const closesClause = (end: number) => end === tokens.length || clauseOf[end] !== clauseOf[end - 1];
  for (const [intent, phrases] of tools.smalltalk) {
    const found = phrases.find(tokens).filter(([start, end]) => opensClause(start) || closesClause(end));
    if (found.length > 0) {
      const positions = new Set<number>();
      mark(positions, found);
      smalltalk.push({ intent, positions });
    }
  }
  // "la personne qui choisit les chansons": the phrase is no word of the question; what follows it, to the end of its
  // clause, describes the role asked about (its markers, like the « qui » of "le gars en uniforme qui…", left out).
  // "celui qui recoud et recouvre les livres": a clause a conjunction opens goes on with the description, unless it asks.
  const described = new Set<number>();
  for (const { marked, from } of describing) {
    for (const [start, end] of marked) for (let at = start; at < end; at += 1) markerPositions.add(at);
    let clause = clauseOf[from];
    for (let at = from; at < tokens.length; at += 1) {
      if (clauseOf[at] !== clause) {
        const next = clauseOf[at]!;
        if (next !== clause! + 1 || CLAUSE_END_MARK.test(clauses[clause!]!) || asking[next]) break;
        clause = next;
      }
      if (!markerPositions.has(at)) described.add(at);
    }
  }
  // "Quelles études faut-il pour fabriquer la bière ?": a purpose opened before a verb in the infinitive describes the
  // role too, from that verb to the end of its clause.
  // A verb that only frames the question ("pour devenir comptable", "pour bosser comme traducteur") describes nothing;
  // what it does or where it works does ("pour faire des souliers sur mesure", "pour bosser à l'atelier").
  tokens.forEach((_, at) => {
    const opener = language.prefixLength('purposeOpeners', tokens, at);
    const verb = tokens[at + opener];
    if (opener === 0 || verb === undefined || !looksLikeInfinitive(verb)) return;
    let from = at + opener;
    if (lexicon.stopWords.has(verb) || lexicon.fillers.hasWord(verb)) {
      const next = tokens[from + 1];
      const framesJob = language.has('becomingWords', verb) || language.has('copulas', verb) || lexicon.stopWords.has(verb);
      if (framesJob || next === undefined || clauseOf[from + 1] !== clauseOf[from] || language.has('becomingWords', next) || language.has('jobTitleOpeners', next)) return;
      from += 1;
    }
    for (let k = from; k < tokens.length && clauseOf[k] === clauseOf[from]; k += 1) described.add(k);
  });
  return {
    tokens,
    corrections,
    markers: { comparison, overview, followUp, pronoun, plural: tokens.some((token) => language.has('pluralPronouns', token)), who: whoFound.length > 0, definition, yesNo: closed, rising, otherOne, otherMany, allRoles, roleCount, shared: language.occursIn('commonGroundCues', tokens) },
    markerPositions,
    capitals: new Set(words((text.match(/\b\p{Lu}{2,6}\b/gu) ?? []).join(' '))),
    inFocus,
    aroundQuestion,
    definitionPositions,
    commonGroundPositions,
    smalltalk,
    joined,
    described,
  };
}

/**
 * The every-role cue of the question outside the words of a who-question ("compare les trois", "chacun"), with the
 * number it says ("les deux" → 2, "les 3" → 3; null for "chacun"), or null when there is none.
 */
function everyRoleCue(tokens: readonly string[], whoWords: ReadonlySet<number>, language: LanguagePack): { count: number | null } | null {
  let found: { count: number | null } | null = null;
  for (let at = 0; at < tokens.length; at += 1) {
    const length = language.prefixLength('allRolesCues', tokens, at);
    if (length === 0 || whoWords.has(at) || whoWords.has(at + length - 1)) continue;
    const count = countOf(tokens.slice(at, at + length), language);
    if (count !== null) return { count };
    found ??= { count: null };
  }
  return found;
}

/** The number a cue's words say: a digit, or a word of the pack's `cardinals` (from two up). */
function countOf(cue: readonly string[], language: LanguagePack): number | null {
  const cardinals = language.source('cardinals').map((word) => words(word).join(' '));
  for (const token of cue) {
    if (/^\d+$/.test(token)) return Number(token);
    const rank = cardinals.indexOf(token);
    if (rank >= 0) return rank + 2;
  }
  return null;
}
