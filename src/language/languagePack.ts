/**
 * The French language pack (language/fr.yaml): word classes as data. Code names a class
 * ("determiners", "labelOpeners"), never a French word; the pack says which words belong to it.
 * Entries are folded and split exactly like article and question text, so "l'" meets "l".
 */
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { contentKey, readYamlFile } from '../text/readYamlFile.js';
import { TextCache } from '../text/textCache.js';
import { words } from '../text/normalize.js';
import { PhraseSet } from './phraseSet.js';

/** Every class the code refers to. The data file must define each one, and nothing else. */
export const WORD_CLASSES = [
  'determiners',
  'labelOpeners',
  'noiseLines',
  'conclusionHeadings',
  'numberedHeadingWords',
  'continuationMarks',
  'sharedCues',
  'commonGroundCues',
  'aliasCues',
  'quotedAliasCues',
  'aliasAfterCues',
  'bracketAliasCues',
  'soundAlikeSpellings',
  'aliasForWords',
  'designationCues',
  'alternativeWords',
  'closingNegations',
  'coordinators',
  'clauseOpeners',
  'betweenWords',
  'nameLinkWords',
  'definitionHeadings',
  'headingNumberings',
  'namingHeadings',
  'glossaryHeadings',
  'personalPronouns',
  'calloutLabels',
  'emailHeaderFields',
  'subjectFields',
  'forwardPrefixes',
  'documentFields',
  'firstPersonPronouns',
  'discourseConnectives',
  'formerTitleWords',
  'namingAdverbs',
  // Reading questions.
  'comparisonCues',
  'overviewCues',
  'followUpCues',
  'pronouns',
  'pluralPronouns',
  'definitionCues',
  'whoQuestions',
  'relativeWhoOpeners',
  'fillers',
  'interrogatives',
  'interrogativeDeterminers',
  'openingInterrogatives',
  'askingPhrases',
  'askingWords',
  'closedQuestionStarts',
  'requestPhrases',
  'impersonalInversions',
  'emptyInversionVerbs',
  'cleftStarts',
  'cleftRelatives',
  'followUpOpeners',
  'contextClauseCues',
  'resumptiveStarts',
  'clauseConjunctions',
  'describingPhrases',
  'describingHeads',
  'describingComplements',
  'describingRelatives',
  'purposeOpeners',
  'otherWords',
  'otherManyWords',
  'allRolesCues',
  'cardinals',
  'addingWords',
  'stressedPronouns',
  'roleOpeners',
  'jobWords',
  'jobStandIns',
  'jobComplementPrepositions',
  'singularDeterminers',
  'singularContractions',
  'becomingWords',
  'jobTitleOpeners',
  'objectPrepositions',
  'companionPrepositions',
  'timePrepositions',
  'settingPrepositions',
  'placePrepositions',
  'timeWords',
  'namePrepositions',
  'complementPrepositions',
  'conclusionWords',
  'definitionWords',
  'copulas',
  'auxiliaryVerbs',
  'identityVerbs',
  'masculineDeterminers',
  'feminineDeterminers',
  'indefiniteDeterminers',
  'genitivePrepositions',
  'jobHeads',
  'leaderHeads',
  'teacherHeads',
  'driverHeads',
  'adjectivalJobHeads',
  'jobHeadsLast',
  'clippingEndings',
] as const;

export type WordClass = (typeof WORD_CLASSES)[number];

const entries = z.array(z.union([z.string().min(1), z.number()]).transform(String)).min(1);
const packSchema = z.object(Object.fromEntries(WORD_CLASSES.map((name) => [name, entries])) as Record<WordClass, typeof entries>).strict();

/** One class compiled: its single words and its phrases, as folded word sequences. */
export interface WordClassEntries {
  /** Every entry as folded words: "du côté" → ["du", "cote"]. Longest first. */
  readonly phrases: readonly (readonly string[])[];
  /** Entries of one word, folded. */
  readonly singles: ReadonlySet<string>;
}

/** The compiled pack. */
export interface LanguagePack {
  /** The entries of a class. */
  entries(name: WordClass): WordClassEntries;
  /** The entries of a class as written in the file, to compile them another way (stem by stem). */
  source(name: WordClass): readonly string[];
  /** The class as a phrase set matched word for word over folded words. */
  phrases(name: WordClass): PhraseSet;
  /** True when a folded word is a one-word entry of the class. */
  has(name: WordClass, word: string): boolean;
  /** True when some entry of the class occurs anywhere in `tokens` (folded words). */
  occursIn(name: WordClass, tokens: readonly string[]): boolean;
  /**
   * The longest entry of the class that `tokens` (folded words) start with at `from`, as its length
   * in words, or 0. "du cote du Chef" starts with "du cote" (2).
   */
  prefixLength(name: WordClass, tokens: readonly string[], from?: number): number;
}

/** Compiles validated pack data. */
export function compileLanguagePack(data: Record<WordClass, string[]>): LanguagePack {
  const compiled = new Map<WordClass, WordClassEntries>();
  const sets = new Map<WordClass, PhraseSet>();
  for (const name of WORD_CLASSES) {
    const phrases = data[name].map((entry) => words(entry)).filter((parts) => parts.length > 0).sort((a, b) => b.length - a.length);
    compiled.set(name, { phrases, singles: new Set(phrases.filter((parts) => parts.length === 1).map((parts) => parts[0]!)) });
    sets.set(name, new PhraseSet(data[name], { exact: true }));
  }
  const get = (name: WordClass) => compiled.get(name)!;
  return {
    entries: get,
    source: (name) => data[name],
    phrases: (name) => sets.get(name)!,
    has: (name, word) => get(name).singles.has(word),
    occursIn: (name, tokens) => sets.get(name)!.find(tokens).length > 0,
    prefixLength(name, tokens, from = 0) {
      for (const phrase of get(name).phrases) {
        if (phrase.length <= tokens.length - from && phrase.every((part, offset) => tokens[from + offset] === part)) return phrase.length;
      }
      return 0;
    },
  };
}

/** Packs compiled once per file content (compiled packs are never changed, so one can be shared). */
const compiledPacks = new TextCache<LanguagePack>(8);

/** Loads and validates a language pack file; a mistake stops start-up with `file:line`. */
export function loadLanguagePack(file: string): LanguagePack {
  const source = readFileSync(file, 'utf8');
  return compiledPacks.get(contentKey(file, source), () => compileLanguagePack(readYamlFile(file, packSchema, source)));
}
