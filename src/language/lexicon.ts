/**
 * The HR vocabulary (knowledge/lexique.yaml) with the language pack's word classes, compiled once
 * into lookup tables that the indexer and the question reader share. The lexicon holds HR words
 * (synonyms, subjects, abbreviations, chat spellings); grammar word classes come from the pack.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { contentKey, readYamlFile } from '../text/readYamlFile.js';
import { TextCachePerOwner } from '../text/textCache.js';
import { stem, words } from '../text/normalize.js';
import type { LanguagePack } from './languagePack.js';
import { PhraseSet } from './phraseSet.js';

/** French stop words from the stopwords-iso data package (a JSON file, loaded once). */
const frenchStopWords: string[] = (createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as Record<string, string[]>).fr ?? [];

const phraseList = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);

const lexiconSchema = z
  .object({
    synonyms: z.record(z.string(), phraseList).default({}),
    topics: z
      .record(
        z.string(),
        // within: the synonym groups whose sections cover the subject too ("les horaires" in "Conditions de travail").
        // headings: words that say a section covers the subject in its heading only ("Statut et contrat"), where a
        // question's same word may mean something else ("négocier les contrats").
        // timetables: a section whose points are the hours of a day (« 06h45 : Arrivée au dépôt ») covers the subject too.
        z
          .object({ name: z.string().min(1), words: phraseList, within: z.array(z.string().min(1)).default([]), headings: z.array(z.string().min(1)).default([]), timetables: z.boolean().default(false) })
          .strict(),
      )
      .default({}),
    rewrites: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
    acronyms: z.record(z.string(), z.string().min(1)).default({}),
  })
  .strict()
  .superRefine((data, context) => {
    for (const [id, topic] of Object.entries(data.topics)) {
      topic.within.forEach((concept, at) => {
        if (!data.synonyms[concept]) context.addIssue({ code: 'custom', path: ['topics', id, 'within', at], message: `« ${concept} » n'est pas un groupe de synonymes du lexique` });
      });
    }
  });

/** The compiled lexicon. */
export interface Lexicon {
  /** The language pack: grammar word classes, by name. */
  language: LanguagePack;
  /** Multi-word synonym phrases (word stems joined by a space, so "travaillent avec" meets "travaille avec") → concept. */
  phraseConcepts: Map<string, string>;
  /** The first stem of every synonym phrase: a word that starts none is read alone, without trying phrases. */
  phraseStarts: Set<string>;
  /** Longest synonym phrase, in words. */
  longestPhrase: number;
  /** Every folded word of the synonym groups and topics: typos are corrected towards them. */
  synonymWords: Set<string>;
  topicWords: Set<string>;
  /** Concepts of comparison and overview words ("différer"): never evidence for a section. */
  markerConcepts: Set<string>;
  /** The synonym groups' names. */
  concepts: Set<string>;
  /** Single-word synonyms whose stem is too short to share, by folded word → concept. */
  wordConcepts: Map<string, string>;
  /** Stem of a single-word synonym → concept. */
  stemConcepts: Map<string, string>;
  /** Topic id → its name, the concepts/stems that signal it, and those of them that are whole phrases. */
  /**
   * Each subject: its name, the concepts that signal it, its phrases, the synonym groups whose sections cover it too,
   * and the words that say a section covers it only when its heading holds them.
   */
  topics: Map<string, { name: string; signals: Set<string>; phrases: Set<string>; within: Set<string>; headingSignals: Set<string>; timetables: boolean }>;
  /** The pack's cue classes, compared stem by stem. */
  comparison: PhraseSet;
  overview: PhraseSet;
  followUp: PhraseSet;
  pronouns: PhraseSet;
  whoAsks: PhraseSet;
  definition: PhraseSet;
  /** The pack's fillers, compared word for word: "environ" must not swallow "environnement". */
  fillers: PhraseSet;
  /** Acronyms (folded) → the folded words they stand for: "rh" → ["ressources", "humaines"]. */
  acronyms: Map<string, string[]>;
  /** Chat and SMS spellings (one folded word) → the words they stand for. */
  rewrites: Map<string, string[]>;
  /** Folded words that carry no subject (French stop words minus the lexicon's own words). */
  stopWords: Set<string>;
}

/** Reads a concept-or-stem for one folded word. */
export function conceptOf(lexicon: Lexicon, word: string): string {
  const exact = lexicon.wordConcepts.get(word);
  if (exact) return exact;
  const stemmed = stem(word);
  return lexicon.stemConcepts.get(stemmed) ?? stemmed;
}

/** A word or phrase of a text, read as one concept. */
export interface ConceptToken {
  concept: string;
  start: number;
  end: number;
  kind: 'content' | 'stop';
}

/**
 * A phrase that ends on a preposition whose object the question asks with « quel » and names as another subject of
 * the lexicon ("travaille avec QUELS OUTILS"): that noun says what is asked, not the phrase. An object that means what
 * the phrase means, or no subject the lexicon knows ("en lien avec quels collègues"), leaves the phrase standing.
 */
function asksItsObject(tokens: readonly string[], end: number, concept: string, lexicon: Lexicon): boolean {
  const language = lexicon.language;
  const object = tokens[end + 1];
  if (object === undefined || !language.has('objectPrepositions', tokens[end - 1] ?? '') || !language.has('interrogativeDeterminers', tokens[end] ?? '')) return false;
  const objectConcept = conceptOf(lexicon, object);
  return objectConcept !== concept && lexicon.concepts.has(objectConcept);
}

/**
 * Reads folded words as concepts: the longest synonym phrase first, then single words
 * by stem; stop words and filler phrases are kept but marked, so positions stay meaningful.
 */
export function conceptSequence(tokens: readonly string[], lexicon: Lexicon): ConceptToken[] {
  const result: ConceptToken[] = [];
  // Filler phrases may overlap ("pour être" + "être recruté"): every word any of them covers is filler.
  const fillerEnd = new Map<number, number>();
  for (const [start, end] of lexicon.fillers.find(tokens)) {
    for (let position = start; position < end; position += 1) fillerEnd.set(position, Math.max(fillerEnd.get(position) ?? 0, end));
  }
  const stems = tokens.map(stem);
  let index = 0;
  while (index < tokens.length) {
    let matched = false;
    const longest = lexicon.phraseStarts.has(stems[index]!) ? Math.min(lexicon.longestPhrase, tokens.length - index) : 1;
    for (let length = longest; length >= 2; length -= 1) {
      const concept = lexicon.phraseConcepts.get(stems.slice(index, index + length).join(' '));
      if (concept && !asksItsObject(tokens, index + length, concept, lexicon)) {
        result.push({ concept, start: index, end: index + length, kind: 'content' });
        index += length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const word = tokens[index]!;
    const concept = conceptOf(lexicon, word);
    const coveredUntil = fillerEnd.get(index);
    // A one-word filler that is also a synonym ("fonction") keeps its meaning.
    if (coveredUntil !== undefined && !(coveredUntil - index === 1 && lexicon.concepts.has(concept))) {
      result.push({ concept, start: index, end: index + 1, kind: 'stop' });
      index += 1;
      continue;
    }
    // Numbers are kept: "30 000 €" can tell one bullet from another.
    const stop = lexicon.stopWords.has(word) || (word.length < 2 && !/^\d$/.test(word));
    result.push({ concept, start: index, end: index + 1, kind: stop ? 'stop' : 'content' });
    index += 1;
  }
  return result;
}

/**
 * What a short text (a heading) is about, one concept per word or synonym phrase, the longest phrase first, stop words
 * and fillers left out: "Avec qui il travaille" and "Ses interlocuteurs" are both « collaboration ». A word of no
 * synonym group stands for its stem.
 */
export function conceptsOfText(lexicon: Lexicon, folded: readonly string[]): Set<string> {
  return new Set(conceptSequence(folded, lexicon).filter((token) => token.kind === 'content').map((token) => token.concept));
}

/** Stems this short are shared by unrelated words ("don" for "données" and "donner"): match the words themselves. */
const MIN_SYNONYM_STEM = 4;

/** Compiles validated lexicon data with the language pack's word classes. */
export function compileLexicon(data: z.infer<typeof lexiconSchema>, language: LanguagePack): Lexicon {
  const phraseConcepts = new Map<string, string>();
  const stemConcepts = new Map<string, string>();
  const wordConcepts = new Map<string, string>();
  let longestPhrase = 1;
  for (const [concept, entries] of Object.entries(data.synonyms)) {
    for (const entry of [concept, ...entries]) {
      const parts = words(entry);
      if (parts.length === 1) {
        // The word as listed is its concept whatever its stem shares: "équipes" (the people worked with) and
        // "équipements" (the tools) stem alike. Other forms of the word go by its stem.
        const stemmed = stem(parts[0]!);
        if (stemmed.length >= MIN_SYNONYM_STEM) stemConcepts.set(stemmed, concept);
        wordConcepts.set(parts[0]!, concept);
      } else if (parts.length > 1) {
        phraseConcepts.set(parts.map(stem).join(' '), concept);
        longestPhrase = Math.max(longestPhrase, parts.length);
      }
    }
  }
  const topics = new Map<string, { name: string; signals: Set<string>; phrases: Set<string>; within: Set<string>; headingSignals: Set<string>; timetables: boolean }>();
  for (const [id, topic] of Object.entries(data.topics)) {
    const signals = new Set<string>();
    const phrases = new Set<string>();
    if (data.synonyms[id]) signals.add(id);
    for (const entry of topic.words) {
      const parts = words(entry);
      if (parts.length === 1) {
        const stemmed = stem(parts[0]!);
        signals.add(stemConcepts.get(stemmed) ?? stemmed);
      } else if (parts.length > 1) {
        // Multi-word topic phrases become concepts of their own so they survive tokenisation.
        // Each phrase is a concept of its own ("rupture conventionnelle" is not "période d'essai"),
        // unless a synonym group already names it ("véhicule de fonction" = "voiture de fonction").
        const key = parts.map(stem).join(' ');
        const concept = phraseConcepts.get(key) ?? `topic:${id}:${key}`;
        phraseConcepts.set(key, concept);
        signals.add(concept);
        phrases.add(concept);
        longestPhrase = Math.max(longestPhrase, parts.length);
      }
    }
    const headingSignals = new Set(topic.headings.flatMap((entry) => words(entry)).map((word) => wordConcepts.get(word) ?? stemConcepts.get(stem(word)) ?? stem(word)));
    topics.set(id, { name: topic.name, signals, phrases, within: new Set(topic.within), headingSignals, timetables: topic.timetables });
  }
  // Words that name a subject stay meaningful even if French stop-word lists contain them.
  const meaningful = new Set<string>();
  for (const list of [...Object.values(data.synonyms), ...Object.values(data.topics).map((topic) => topic.words)]) {
    for (const entry of list) {
      const parts = words(entry);
      if (parts.length === 1) meaningful.add(parts[0]!);
    }
  }
  const stopWords = new Set<string>();
  for (const word of frenchStopWords) {
    for (const part of words(word)) if (!meaningful.has(part)) stopWords.add(part);
  }
  // A one-word cue whose stem is a word of a synonym group that does not list it ("respectifs" stems like
  // "respecter", a rule word) is compared word for word, and does not turn that group into a marker.
  const stemsLikeOtherWord = (entry: string) => {
    const parts = words(entry);
    const concept = parts.length === 1 ? stemConcepts.get(stem(parts[0]!)) : undefined;
    return concept !== undefined && !(data.synonyms[concept] ?? []).some((word) => words(word).join(' ') === parts[0]);
  };
  const markerConcepts = new Set<string>();
  for (const entry of [...language.source('comparisonCues'), ...language.source('overviewCues')]) {
    const parts = words(entry);
    if (parts.length === 1 && !stemsLikeOtherWord(entry)) {
      const stemmed = stem(parts[0]!);
      markerConcepts.add(stemConcepts.get(stemmed) ?? stemmed);
    }
  }
  return {
    language,
    markerConcepts,
    wordConcepts,
    synonymWords: new Set(Object.values(data.synonyms).flat().flatMap(words)),
    topicWords: new Set(Object.values(data.topics).flatMap((topic) => topic.words).flatMap(words)),
    concepts: new Set(Object.keys(data.synonyms)),
    phraseConcepts,
    phraseStarts: new Set([...phraseConcepts.keys()].map((key) => key.split(' ')[0]!)),
    longestPhrase,
    stemConcepts,
    topics,
    comparison: new PhraseSet(language.source('comparisonCues'), { exactWhen: stemsLikeOtherWord }),
    overview: new PhraseSet(language.source('overviewCues'), { exactWhen: stemsLikeOtherWord }),
    followUp: new PhraseSet(language.source('followUpCues')),
    pronouns: new PhraseSet(language.source('pronouns')),
    whoAsks: new PhraseSet(language.source('whoQuestions')),
    definition: new PhraseSet(language.source('definitionCues')),
    fillers: language.phrases('fillers'),
    acronyms: new Map(Object.entries(data.acronyms).map(([acronym, meaning]) => [words(acronym).join(''), words(meaning)])),
    rewrites: new Map(Object.entries(data.rewrites).flatMap(([from, to]) => {
      const key = words(from);
      return key.length === 1 ? [[key[0]!, words(to)] as [string, string[]]] : [];
    })),
    stopWords,
  };
}

/** Lexicons compiled once per file content and language pack (compiled lexicons are never changed, so one can be shared). */
const compiledLexicons = new TextCachePerOwner<LanguagePack, Lexicon>(8);

/** Loads and validates a lexicon file; a mistake stops start-up with `file:line`. */
export function loadLexicon(file: string, language: LanguagePack): Lexicon {
  const source = readFileSync(file, 'utf8');
  return compiledLexicons.get(language, contentKey(file, source), () => compileLexicon(readYamlFile(file, lexiconSchema, source), language));
}
