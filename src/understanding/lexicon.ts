/**
 * The HR vocabulary (knowledge/lexique.yaml), compiled once into lookup tables that
 * the indexer and the question reader share.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { readYamlFile } from '../text/readYamlFile.js';
import { stem, words } from '../text/normalize.js';

/** French stop words from the stopwords-iso data package (a JSON file, loaded once). */
const frenchStopWords: string[] = (createRequire(import.meta.url)('stopwords-iso/stopwords-iso.json') as Record<string, string[]>).fr ?? [];

const phraseList = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);

const lexiconSchema = z
  .object({
    synonyms: z.record(z.string(), phraseList).default({}),
    topics: z
      .record(z.string(), z.object({ name: z.string().min(1), words: phraseList }).strict())
      .default({}),
    comparison: phraseList,
    overview: phraseList,
    followUp: phraseList,
    pronouns: phraseList,
    whoAsks: phraseList,
    definition: phraseList,
    fillers: phraseList,
    jobs: phraseList,
    rewrites: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
    acronyms: z.record(z.string(), z.string().min(1)).default({}),
  })
  .strict();

/**
 * A marker list compiled for phrase search over a question's words. Phrases are compared
 * stem by stem, so "confonds" meets "confondre" and "distinguent" meets "distingue".
 */
export class PhraseSet {
  /** First word (stem) → the phrases starting with it, longest first: a question is scanned once. */
  private readonly byFirst = new Map<string, string[][]>();
  private readonly surface = new Set<string>();
  private readonly key: (word: string) => string;

  /** `exact`: compare folded words, not stems (job titles: "recruteur" is not "recruté"). */
  constructor(entries: readonly string[], options: { exact?: boolean } = {}) {
    this.key = options.exact ? (word) => word : stem;
    for (const entry of entries) {
      const folded = words(entry);
      for (const word of folded) this.surface.add(word);
      const parts = folded.map(this.key);
      if (parts.length === 0) continue;
      const bucket = this.byFirst.get(parts[0]!) ?? [];
      if (!bucket.some((phrase) => phrase.join(' ') === parts.join(' '))) bucket.push(parts);
      bucket.sort((a, b) => b.length - a.length);
      this.byFirst.set(parts[0]!, bucket);
    }
  }

  /** Positions [start, end) of every phrase of the set found in `tokens`, longest first at each start. */
  find(tokens: readonly string[]): [number, number][] {
    const keys = tokens.map(this.key);
    const found: [number, number][] = [];
    keys.forEach((first, start) => {
      const candidates = this.byFirst.get(first);
      if (!candidates) return;
      const match = candidates.find((phrase) => phrase.length <= keys.length - start && phrase.every((part, offset) => keys[start + offset] === part));
      if (match) found.push([start, start + match.length]);
    });
    return found;
  }

  /** True when `word` (folded) is one of the words of the phrases. */
  hasWord(word: string): boolean {
    return this.surface.has(word);
  }

  /** Every folded word of the phrases, for building the typo-correction vocabulary. */
  words(): string[] {
    return [...this.surface];
  }
}

/** The compiled lexicon. */
export interface Lexicon {
  /** Multi-word synonym phrases (word stems joined by a space, so "travaillent avec" meets "travaille avec") → concept. */
  phraseConcepts: Map<string, string>;
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
  topics: Map<string, { name: string; signals: Set<string>; phrases: Set<string> }>;
  comparison: PhraseSet;
  overview: PhraseSet;
  followUp: PhraseSet;
  pronouns: PhraseSet;
  whoAsks: PhraseSet;
  definition: PhraseSet;
  fillers: PhraseSet;
  jobs: PhraseSet;
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

/** Stems this short are shared by unrelated words ("don" for "données" and "donner"): match the words themselves. */
const MIN_SYNONYM_STEM = 4;

/** Compiles validated lexicon data. */
export function compileLexicon(data: z.infer<typeof lexiconSchema>): Lexicon {
  const phraseConcepts = new Map<string, string>();
  const stemConcepts = new Map<string, string>();
  const wordConcepts = new Map<string, string>();
  let longestPhrase = 1;
  for (const [concept, entries] of Object.entries(data.synonyms)) {
    for (const entry of [concept, ...entries]) {
      const parts = words(entry);
      if (parts.length === 1) {
        const stemmed = stem(parts[0]!);
        if (stemmed.length >= MIN_SYNONYM_STEM) stemConcepts.set(stemmed, concept);
        else wordConcepts.set(parts[0]!, concept);
      } else if (parts.length > 1) {
        phraseConcepts.set(parts.map(stem).join(' '), concept);
        longestPhrase = Math.max(longestPhrase, parts.length);
      }
    }
  }
  const topics = new Map<string, { name: string; signals: Set<string>; phrases: Set<string> }>();
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
    topics.set(id, { name: topic.name, signals, phrases });
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
  const markerConcepts = new Set<string>();
  for (const entry of [...data.comparison, ...data.overview]) {
    const parts = words(entry);
    if (parts.length === 1) {
      const stemmed = stem(parts[0]!);
      markerConcepts.add(stemConcepts.get(stemmed) ?? stemmed);
    }
  }
  return {
    markerConcepts,
    wordConcepts,
    synonymWords: new Set(Object.values(data.synonyms).flat().flatMap(words)),
    topicWords: new Set(Object.values(data.topics).flatMap((topic) => topic.words).flatMap(words)),
    concepts: new Set(Object.keys(data.synonyms)),
    phraseConcepts,
    longestPhrase,
    stemConcepts,
    topics,
    comparison: new PhraseSet(data.comparison),
    overview: new PhraseSet(data.overview),
    followUp: new PhraseSet(data.followUp),
    pronouns: new PhraseSet(data.pronouns),
    whoAsks: new PhraseSet(data.whoAsks),
    definition: new PhraseSet(data.definition),
    // Fillers are matched word for word: "environ" must not swallow "environnement".
    fillers: new PhraseSet(data.fillers, { exact: true }),
    jobs: new PhraseSet(data.jobs, { exact: true }),
    acronyms: new Map(Object.entries(data.acronyms).map(([acronym, meaning]) => [words(acronym).join(''), words(meaning)])),
    rewrites: new Map(Object.entries(data.rewrites).flatMap(([from, to]) => {
      const key = words(from);
      return key.length === 1 ? [[key[0]!, words(to)] as [string, string[]]] : [];
    })),
    stopWords,
  };
}

/** Loads and validates a lexicon file; a mistake stops start-up with `file:line`. */
export function loadLexicon(file: string): Lexicon {
  return compileLexicon(readYamlFile(file, lexiconSchema));
}
