/**
 * Per-article search structures, built once at start-up: what words name each role,
 * which concepts each section is about, and every bullet as a bag of concepts
 * for reverse lookups ("Qui conçoit des prototypes ?").
 */
import { colonLead, type Article, type Item, type Role, type Section } from '../knowledge/knowledgeBase.js';
import type { LanguagePack } from '../language/languagePack.js';
import { conceptOf, conceptSequence, type ConceptToken, type Lexicon } from '../language/lexicon.js';

// The reading of words as concepts is the lexicon's; the understanding layer reads through it.
export { conceptSequence, type ConceptToken };
import { dropInvertedPronouns, hasJobTitleEnding, regularPlural } from '../text/morphology.js';
import { fold, sharedStartLength, stem, words } from '../text/normalize.js';
import { TextCachePerOwner } from '../text/textCache.js';

/** How much a concept counts for a section, by where the section uses it. */
export const SECTION_FIELD_WEIGHTS = Object.freeze({
  /** The heading says what the section is about. */
  heading: 3,
  /** List headers without the role name ("Responsabilités du …", "KPIs pour le …"). */
  listHeader: 2,
  /** The section's lead-in prose. */
  intro: 1,
});

/** Prepositions and articles that may sit inside a role name or before it ("chef DE produit", "LE marketing"). */
export function linkWordsOf(language: LanguagePack): Set<string> {
  return new Set([...language.entries('determiners').singles, ...language.entries('namePrepositions').singles]);
}

/** One bullet (or one sentence of a role's prose) as a bag of concepts. */
export interface IndexedItem {
  section: Section;
  /** Owner role id, or null for a shared bullet. */
  roleId: string | null;
  text: string;
  concepts: Set<string>;
  /** Sum of the concepts' idf: the denominator of recall. */
  weight: number;
  /** A sentence of a role's paragraph rather than a bullet. */
  prose: boolean;
  /** The concepts that are not what a section is about: what tells this bullet from the others. */
  specific: Set<string>;
  specificWeight: number;
  /** The stems of the term a glossary-like bullet explains ("AVQ : activités de la vie quotidienne" → avq), or null. */
  term: Set<string> | null;
  /**
   * The bullet names, whole, a role other than its owner ("L'œnologue, pour les analyses" in the chai master's
   * colleagues; "En résumé : le podologue soigne…, l'orthoprothésiste conçoit…"): its words say what that role does,
   * or what they do together, not what the bullet's owner does alone.
   */
  namesOthers: boolean;
}

/** Initialisms this long may spell a word of the HR lexicon (« cdd », « cdi »); two letters are left to the reader's own checks. */
const MIN_WORD_LIKE_ABBREVIATION = 3;

/**
 * A role as the question reader sees it. Role names are matched on word stems, before
 * synonyms apply: "chargé" in "Chargé de communication" is a name, not "en charge de".
 */
export interface IndexedRole {
  role: Role;
  /** Stems of the name and aliases, link words left out: chef, produit, digital, numer. */
  nameStems: Set<string>;
  /** Stems no other role's name has ("digital"): one of them names this role. */
  distinctiveStems: Set<string>;
  /** Stems that alone tell this role ("marketing" in "Chef de produit marketing"): "le marketing" names it. */
  soleDistinctiveStems: Set<string>;
  /** The stem the name starts with ("chef", "respons"), to spot other jobs ("chef de projet"). */
  headStem: string | null;
  /** The head's stem in either gender ("conseil", and "conseiller" for "conseillère"): "la conseillère" names the role. */
  headStems: Set<string>;
  abbreviations: Set<string>;
  /** The name and aliases, folded, to take them out of texts before reading their subject. */
  foldedNames: string[];
}

export interface IndexedSection {
  section: Section;
  /** Concept → field weight (the best field it appears in). */
  terms: Map<string, number>;
  /** Stems of the heading without link words, for spotting the heading typed as is. */
  headingStems: string[];
}

/** The classes of heads said one for another in everyday French. */
const KINDRED_HEAD_CLASSES = ['leaderHeads', 'teacherHeads', 'driverHeads'] as const;
export type KindredHeadClass = (typeof KINDRED_HEAD_CLASSES)[number];

/** The class of heads a question's word belongs to, if it is a head said for another (« prof », « responsable »). */
export function kindredClassOf(word: string, language: LanguagePack): KindredHeadClass | undefined {
  return KINDRED_HEAD_CLASSES.find((wordClass) => language.has(wordClass, word));
}

export interface ArticleIndex {
  article: Article;
  /** The stems of every role name of the library this article belongs to: a title made of one of them is no other job. */
  libraryRoles: readonly ReadonlySet<string>[];
  /** The names of other articles' roles of two words or more (stems), which a question may name whole: built once. */
  otherArticlesRoles: readonly ReadonlySet<string>[];
  /** Articles and prepositions that may sit inside a role name or before it ("chef DE produit", "LE marketing"). */
  linkWords: ReadonlySet<string>;
  /**
   * Stems of the heads said one for another (pack leaderHeads: « chef », « responsable »…; teacherHeads: « prof »,
   * « moniteur », « enseignant »…; driverHeads: « chauffeur », « conducteur »), each with its class: a head names the
   * roles headed by another of its class.
   */
  kindredHeads: ReadonlyMap<string, KindredHeadClass>;
  roles: IndexedRole[];
  /** Stems every role name shares ("chef", "produit"): naming them names no role in particular. */
  sharedNameStems: Set<string>;
  /** The folded words of role names that tell one role from the other, with their stems (computed once). */
  distinctiveRoleWords: { word: string; stem: string }[];
  /** Clipped role words ("tech", "inge") → the stem of the role word they start. */
  roleWordPrefixes: Map<string, string>;
  /** Clippings that start several role words ("pharma": pharmacie, pharmaceutique) → their stems; the name around decides. */
  sharedRoleWordPrefixes: Map<string, Set<string>>;
  /** True when the roles' telling words come before the shared ones ("UX designer"), false for "Chef de produit digital". */
  distinctiveFirst: boolean;
  sections: IndexedSection[];
  /** Section idf: log(1 + sections / sections using the concept). */
  sectionIdf: Map<string, number>;
  items: IndexedItem[];
  /** Item idf, same formula over items. */
  itemIdf: Map<string, number>;
  /** The idf of a word used by one bullet only. */
  maxItemIdf: number;
  /** Every concept the article uses anywhere: what is not here is unknown to this article. */
  vocabulary: Set<string>;
  /** Every folded word the article uses: the typo corrector's targets. */
  surfaceWords: Set<string>;
  /** Stems of every word the article uses, for spotting other job titles. */
  surfaceStems: Set<string>;
  /** Concepts that name a topic the article covers in a heading or list header. */
  coveredSignals: Set<string>;
  /**
   * Concepts of a word that a bullet of every role of one section holds ("Prime de tutorat…", "Prime d'animation…"
   * under "Reconnaissance"): a subject every role's list speaks of is covered, though no heading names it.
   */
  everyRoleConcepts: Set<string>;
  /** Shared sections whose heading says what the roles share ("Points communs", "Ce qu'ils ont en commun"). */
  sharingSections: Set<Section>;
  /** Concepts some bullet uses ("voiture de fonction" in a list of tools): a topic the article does mention. */
  itemConcepts: Set<string>;
  /** True when the article writes these words in a row, link words aside ("responsable du bureau d'études"). */
  mentions(phrase: readonly string[]): boolean;
  /** The section that defines the roles, or in a FAQ the sections that define one role each. */
  definitionSections: Section[];
  conclusionSection: Section | null;
}

/** Content concepts of a text: stop words and fillers dropped, synonyms resolved, multi-word phrases joined. */
export function conceptsOf(text: string, lexicon: Lexicon): string[] {
  // Indexing reads each bullet for several purposes (its bag of concepts, the article's vocabulary): once is enough.
  const concepts = conceptCache.get(lexicon, text, () => conceptSequence(words(text), lexicon).filter((token) => token.kind === 'content').map((token) => token.concept));
  return [...concepts];
}

const conceptCache = new TextCachePerOwner<Lexicon, string[]>(50_000);

/**
 * The words of a heading by role: head nouns (the first one, and those joined to it by "et") say what
 * the section is about; modifiers and complements only qualify them. "Technologies maîtrisées" is about
 * technologies, "Outils du quotidien" about tools, "Perspectives de salaire" about prospects and salary.
 */
/**
 * A heading's words without the numbering that opens it ("Partie 2 – Missions principales" is about the missions,
 * not about "partie" or "2"), by the pack's headingNumberings and an arabic or roman number.
 */
export function headingWords(heading: string, language: LanguagePack): string[] {
  const tokens = words(dropInvertedPronouns(fold(heading)));
  const numbered = tokens.length > 2 && language.has('headingNumberings', tokens[0]!) && /^(?:\d+|[ivxlc]+)$/.test(tokens[1]!);
  return numbered ? tokens.slice(2) : tokens;
}

export function headingWeights(heading: string, lexicon: Lexicon): Map<string, number> {
  const tokens = headingWords(heading, lexicon.language);
  const weights = new Map<string, number>();
  const put = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  let seenHead = false;
  let joined = false;
  let complement = false;
  for (const token of conceptSequence(tokens, lexicon)) {
    const word = tokens[token.start]!;
    if (token.kind === 'stop') {
      if (lexicon.language.has('complementPrepositions', word) && seenHead) complement = true;
      joined = lexicon.language.has('coordinators', word);
      continue;
    }
    const isHead = !complement && (!seenHead || joined);
    const weight = isHead ? SECTION_FIELD_WEIGHTS.heading : SECTION_FIELD_WEIGHTS.listHeader;
    seenHead = true;
    joined = false;
    if (lexicon.markerConcepts.has(token.concept)) continue;
    put(token.concept, weight);
    // A modifier's own words only tell synonyms apart: "au quotidien" in « Interlocuteurs au quotidien » says when the
    // colleagues are met, and weighs less there than "le quotidien" heading the tasks.
    for (const surface of surfaceOf(token, tokens, lexicon)) put(surface, isHead ? weight : SECTION_FIELD_WEIGHTS.intro);
  }
  return weights;
}

/**
 * The own stems of a word or phrase a synonym group renamed: what tells two synonyms apart ("qualités"
 * is "competence" and "~qualit"; "le quotidien" is "responsabilite" and "~quotidien"). Empty when
 * nothing was renamed.
 */
export function surfaceOf(token: ConceptToken, tokens: readonly string[], lexicon: Lexicon): string[] {
  const own = tokens.slice(token.start, token.end).filter((word) => !lexicon.stopWords.has(word)).map(stem);
  if (own.length === 0 || (token.end - token.start === 1 && token.concept === own[0])) return [];
  return own.map((ownStem) => `${SURFACE_PREFIX}${ownStem}`);
}

/** The section term that stands for a whole subject of the lexicon ("topic:carriere"). */
export function topicTerm(id: string): string {
  return `topic:${id}`;
}

/** Prefix of a word's own stem used as a section term beside its concept ("~qualit" beside "competence"). */
export const SURFACE_PREFIX = '~';

/** The stems of a text's content words that a synonym group renamed: what tells two synonyms apart. */
export function surfaceTermsOf(tokens: readonly string[], lexicon: Lexicon): string[] {
  return conceptSequence(tokens, lexicon)
    .filter((token) => token.kind === 'content')
    .flatMap((token) => surfaceOf(token, tokens, lexicon));
}

function nameVariants(role: Role): string[] {
  return [role.name, ...role.aliases];
}

/**
 * A role's names with their acronyms spelt out and spelt short ("Responsable RH" ↔ "Responsable
 * ressources humaines") and hyphenated words joined ("front-end" → "frontend").
 */
/** A folded job title's head whose feminine adds an e to its -er ("conseiller", "boulanger"; not "-ier", stemmed alike). */
const FEMININE_IN_ERE = /[^i]er$/;

function expandedVariants(role: Role, lexicon: Lexicon): string[] {
  const variants = new Set(nameVariants(role).map((name) => words(name).join(' ')));
  // "Développeur front-end" is also written "développeur frontend".
  for (const name of nameVariants(role)) {
    if (/\p{L}-\p{L}/u.test(name)) variants.add(words(name.replace(/(\p{L})-(\p{L})/gu, '$1$2')).join(' '));
  }
  // "Gestionnaire de paye" is also "gestionnaire de paie": the lexicon's rewrites, as a question gets them.
  for (const name of [...variants]) {
    const rewritten = name.split(' ').flatMap((word) => lexicon.rewrites.get(word) ?? [word]).join(' ');
    if (rewritten !== name) variants.add(rewritten);
  }
  // "la conseillère", "une boulangère": a head in -er is written -ère in the feminine, which the stemmer reads apart
  // from the masculine (it takes "conseiller" for a verb); the other feminine endings stem like their masculine.
  for (const name of [...variants]) {
    const [head, ...rest] = name.split(' ');
    if (head !== undefined && FEMININE_IN_ERE.test(head)) variants.add([`${head}e`, ...rest].join(' '));
  }
  for (const name of [...variants]) {
    for (const [acronym, meaning] of lexicon.acronyms) {
      const long = meaning.join(' ');
      if (` ${name} `.includes(` ${acronym} `)) variants.add(` ${name} `.replace(` ${acronym} `, ` ${long} `).trim());
      if (` ${name} `.includes(` ${long} `)) variants.add(` ${name} `.replace(` ${long} `, ` ${acronym} `).trim());
    }
  }
  return [...variants];
}

function idfOver(bags: Set<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const bag of bags) for (const concept of bag) counts.set(concept, (counts.get(concept) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [concept, count] of counts) idf.set(concept, Math.log(1 + bags.length / count));
  return idf;
}

/**
 * The sections that say who each role is: those the article writes for it, else the first that gives every role
 * its own part ("C'est quoi un technicien hotline ?" in an article that opens on the missions is answered there).
 * When the article writes its sections one level down, under the one heading that gathers them ("## Les trois métiers
 * en détail" over "### Missions", "### Compétences"…), that heading holds everything at once: its first theme opens
 * on the roles. A section split into a few themes among others ("## Compétences" over "### Savoir-faire") stays whole.
 */
function definitionSectionsOf(article: Article): Section[] {
  const written = article.sections.filter((section) => section.isDefinition);
  if (written.length > 0) return written;
  const givesEachRole = (section: Section) => !section.isShared && !section.isConclusion && article.roles.every((role) => section.byRole[role.id] !== undefined);
  const outer = article.sections.filter((section) => !section.themeOf && givesEachRole(section));
  const gathering = outer.length === 1 && article.sections.some((other) => other.themeOf === outer[0]!.id) ? outer[0]!.id : undefined;
  const standIn = article.sections.find((section) => section.themeOf === gathering && givesEachRole(section));
  return standIn ? [standIn] : [];
}

function flattenItems(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...flattenItems(item.children)]);
}

/** A time of day opening a point: "06h45", "8 h 00", "10:30". */
const TIME_OF_DAY = /^\d{1,2}\s?(?:h\s?\d{0,2}|[:.]\d{2})\b/i;
/** Points a section's roles hold at least, most of them opening with a time of day, for the section to be a timetable. */
const MIN_TIMETABLE_POINTS = 3;
const MIN_TIMETABLE_SHARE = 0.6;

/** A section whose roles' points or lines are the hours of a day ("06h45 : Arrivée au dépôt", "12 h 00 – Pause déjeuner"). */
function isTimetable(section: Section): boolean {
  const points = Object.values(section.byRole).flatMap((content) => [...content.items.map((item) => item.text), ...content.prose]);
  const timed = points.filter((text) => TIME_OF_DAY.test(text)).length;
  return points.length >= MIN_TIMETABLE_POINTS && timed >= MIN_TIMETABLE_SHARE * points.length;
}

/**
 * Sentences of a paragraph, so a reverse lookup can land on one sentence of a role's definition; and the clauses of a
 * sentence that lists tasks between semicolons (« Il installe les serveurs ; tire les câbles ; réalise les
 * interventions "remote hands" »), each one task as a bullet would be.
 */
function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?])\s+(?=\p{Lu})|\s*;\s+/u).filter((sentence) => sentence.trim() !== '');
}

/**
 * The section of another article about the same subject as `from` ("Missions" for "Missions principales"):
 * the one sharing the most heading-level terms, or null when none shares any. A follow-up that names a role
 * of another article ("et pour le chargé d'affaires ?") carries the subject there.
 */
export function sameSubjectSection(from: IndexedSection, to: ArticleIndex): Section | null {
  const headingTerms = (section: IndexedSection) => [...section.terms].filter(([, weight]) => weight >= SECTION_FIELD_WEIGHTS.listHeader);
  const wanted = new Map(headingTerms(from));
  let best: { section: Section; shared: number } | null = null;
  for (const candidate of to.sections) {
    const shared = headingTerms(candidate).reduce((sum, [term, weight]) => sum + Math.min(weight, wanted.get(term) ?? 0), 0);
    if (shared > 0 && (best === null || shared > best.shared)) best = { section: candidate.section, shared };
  }
  return best?.section ?? null;
}

/** Shortest clipping that stands for a role word ("tech" for "technicien", "inge" for "ingénieur"). */
const MIN_CLIPPING = 4;

/** A word telling one role from the other may be clipped shorter ("resp log"). */
const MIN_DISTINCTIVE_CLIPPING = 3;

/**
 * Clippings of role-name words that are not words of their own: `unique` when they start exactly one role
 * word, `shared` (with every stem they may stand for) when they start several.
 */
function clippedRoleWords(roles: IndexedRole[], lexicon: Lexicon, linkWords: ReadonlySet<string>): { unique: Map<string, string>; shared: Map<string, Set<string>> } {
  const roleWords = [...new Set(roles.flatMap((role) => role.foldedNames.flatMap((name) => name.split(' '))))].filter((word) => word.length > MIN_DISTINCTIVE_CLIPPING && !linkWords.has(word));
  const distinctive = new Set(roles.flatMap((role) => [...role.distinctiveStems]));
  const stemsOf = new Map<string, Set<string>>();
  for (const word of roleWords) {
    const shortest = distinctive.has(stem(word)) ? MIN_DISTINCTIVE_CLIPPING : MIN_CLIPPING;
    for (let length = shortest; length < word.length; length += 1) {
      // Spoken French clips a word and may end it on a vowel of its own: « résa » for « réservation ». A clipping
      // takes the plural as any noun does: « les résas », « les mécanos »; not one of three letters, whose plural is
      // too often a word of its own (« gars », « gros »).
      const clipped = word.slice(0, length);
      const singular = [clipped, ...[...lexicon.language.entries('clippingEndings').singles].filter((ending) => word[length] !== ending).map((ending) => clipped + ending)];
      const forms = singular.flatMap((form) => (form.length >= MIN_CLIPPING ? [form, regularPlural(form)] : [form]));
      for (const clipping of forms) {
        if (lexicon.stopWords.has(clipping) || roleWords.includes(clipping) || clipping.length >= word.length) continue;
        const stems = stemsOf.get(clipping) ?? new Set<string>();
        stems.add(stem(word));
        stemsOf.set(clipping, stems);
      }
    }
  }
  const unique = new Map<string, string>();
  const shared = new Map<string, Set<string>>();
  for (const [clipping, stems] of stemsOf) {
    if (stems.size === 1) unique.set(clipping, [...stems][0]!);
    else shared.set(clipping, stems);
  }
  return { unique, shared };
}

/**
 * The other parts of a hyphenated head that read as job titles themselves ("voiturier" in « Bagagiste-voiturier »,
 * "harnacheur" in « Sellier-harnacheur »), by stem: « le voiturier » names the role as « le bagagiste » does. A part
 * that is no job title (« pêche » in « Garde-pêche ») is not one.
 */
function compoundHeads(name: string): string[] {
  const written = name.trim().split(/\s+/)[0] ?? '';
  const parts = words(written);
  return written.includes('-') && parts.length >= 2 ? parts.slice(1).filter(hasJobTitleEnding).map(stem) : [];
}

/** Same root: "logisticien" for "logistique", "marketeur" for "marketing" (a long shared start). */
const MIN_ROOT = 6;
const MIN_ROOT_SHARE = 0.6;

/** The role word (stem) a word shares its root with, when exactly one distinctive role word does. */
export function roleWordByRoot(word: string, index: ArticleIndex): string | null {
  if (word.length < MIN_ROOT) return null;
  const matches = new Set<string>();
  for (const { word: roleWord, stem: roleStem } of index.distinctiveRoleWords) {
    const shared = sharedStartLength(word, roleWord);
    if (shared >= MIN_ROOT && shared >= MIN_ROOT_SHARE * Math.min(word.length, roleWord.length)) matches.add(roleStem);
  }
  return matches.size === 1 ? [...matches][0]! : null;
}

/** The stems of all of a role's names and aliases together (from its names one by one): chef, produit, digital, numer. */
function allNameStems(names: readonly ReadonlySet<string>[]): Set<string> {
  return new Set(names.flatMap((name) => [...name]));
}

/**
 * The words of a name that can name its role: link words left out, and coordinators too ("et" in "Agent de
 * prévention et de sécurité" names nothing: any question with "et" would otherwise point at that role).
 */
function nameWords(name: string, lexicon: Lexicon, linkWords: ReadonlySet<string>): string[] {
  return words(name).filter((word) => !linkWords.has(word) && !lexicon.language.has('coordinators', word));
}

/** True when two sets of name stems are the same name. */
function sameStems(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((part) => b.has(part));
}

/** The name stems of every role of a library, built once and shared by its articles' indexes. */
export function libraryRoleStems(articles: readonly Article[], lexicon: Lexicon): LibraryRoles {
  const linkWords = linkWordsOf(lexicon.language);
  const names = articles.flatMap((article) => article.roles).map((role) => nameStemSets(role, lexicon, linkWords));
  return { stems: names.map(allNameStems), names: names.flat() };
}

/** The library's roles: each role's name stems (all its names together), and each of its names on its own. */
export interface LibraryRoles {
  stems: Set<string>[];
  names: Set<string>[];
}

/** The stems of each name of a role on its own: "Responsable formation" and its initialism "RF" apart. */
function nameStemSets(role: Role, lexicon: Lexicon, linkWords: ReadonlySet<string>): Set<string>[] {
  return expandedVariants(role, lexicon).map((name) => new Set(nameWords(name, lexicon, linkWords).map(stem)));
}

/** Where a bullet's opening ends: a comma, a colon, a dash between spaces or a bracket ("L'œnologue, pour …"). */
const OPENING_END = /\s*(?:[,:;(]|\s[–—-]\s)/u;

/**
 * Whether a bullet speaks of a role other than its owner: that role's whole name is its opening (« L'œnologue, pour
 * les analyses »), or it (or a sentence of prose) names two roles whole, its owner's among them (« En résumé : le
 * podologue soigne…, l'orthoprothésiste conçoit… »). A bullet naming one other role further on is still its owner's
 * task (« Encadrer l'équipe de moniteurs »).
 */
function namesOtherRole({ text, roleId: ownerId, prose }: { text: string; roleId: string | null; prose: boolean }, article: Article, roleNames: readonly Set<string>[][], lexicon: Lexicon, linkWords: ReadonlySet<string>): boolean {
  if (ownerId === null) return false;
  // Each part's stems once, not once a role: every bullet of the library is read here at start-up.
  const stemsOf = (part: string) => new Set(nameWords(part, lexicon, linkWords).map(stem));
  const named = (stems: ReadonlySet<string>, index: number) => roleNames[index]!.some((name) => name.size > 0 && [...name].every((word) => stems.has(word)));
  const opening = text.split(OPENING_END)[0]!;
  // A sentence of prose may open on an aside about its subject ("Le plus souvent ancien enseignant, il encadre…").
  if (!prose && opening !== text) {
    const openingStems = stemsOf(opening);
    if (article.roles.some((role, index) => role.id !== ownerId && named(openingStems, index))) return true;
  }
  const textStems = stemsOf(text);
  return article.roles.filter((_, index) => named(textStems, index)).length >= 2;
}

/** Builds the index of one article; `libraryRoles` are the role names of the whole library (the article's own by default). */
export function indexArticle(article: Article, lexicon: Lexicon, libraryRoles?: LibraryRoles): ArticleIndex {
  const linkWords = linkWordsOf(lexicon.language);
  const roleNames = article.roles.map((role) => nameStemSets(role, lexicon, linkWords));
  const roleStems = roleNames.map(allNameStems);
  const ownNames = roleNames.flat();
  const sharedNameStems = new Set([...(roleStems[0] ?? [])].filter((word) => roleStems.every((set) => set.has(word))));
  const roles: IndexedRole[] = article.roles.map((role, index) => {
    const own = roleStems[index]!;
    const others = new Set(roleStems.filter((_, other) => other !== index).flatMap((set) => [...set]));
    const first = words(role.name).find((word) => !linkWords.has(word));
    const sole = new Set<string>();
    for (const name of expandedVariants(role, lexicon)) {
      const distinct = nameWords(name, lexicon, linkWords).map(stem).filter((word) => !others.has(word));
      if (distinct.length === 1) sole.add(distinct[0]!);
    }
    return {
      soleDistinctiveStems: sole,
      role,
      nameStems: own,
      distinctiveStems: new Set([...own].filter((word) => !others.has(word))),
      headStem: first ? stem(first) : null,
      headStems: new Set(first ? [stem(first), ...(FEMININE_IN_ERE.test(first) ? [stem(`${first}e`)] : []), ...compoundHeads(role.name)] : []),
      // « CDD » is a contract before it is the Comédien de doublage: an initialism the HR lexicon knows as another
      // word names the role only when the article writes it (then it is one of the role's aliases).
      abbreviations: new Set(role.abbreviations.filter((abbreviation) => abbreviation.length < MIN_WORD_LIKE_ABBREVIATION || !lexicon.topicWords.has(abbreviation))),
      foldedNames: expandedVariants(role, lexicon),
    };
  });
  const names = roles.flatMap((role) => role.foldedNames).sort((a, b) => b.length - a.length);
  /** The text's concepts once role names are taken out ("Missions du Chargé de communication" → missions). */
  const stripNames = (text: string) => {
    let folded = ` ${words(text).join(' ')} `;
    for (const name of names) folded = folded.split(` ${name} `).join(' | ');
    return folded;
  };
  const withoutNames = (text: string) => conceptsOf(stripNames(text), lexicon);
  /** A heading or header's concepts and its own word stems: synonyms join "qualités" and "maîtrise", the stems tell them apart. */
  const headingTerms = (text: string) => {
    const folded = stripNames(dropInvertedPronouns(fold(text)));
    return [...conceptsOf(folded, lexicon), ...surfaceTermsOf(words(folded), lexicon)];
  };

  const headingWeightsOf = article.sections.map((section) => headingWeights(section.heading, lexicon));
  // What each section's points and paragraphs speak of: a summary restates it.
  const contentOf = article.sections.map((section) => new Set(Object.values(section.byRole).flatMap((content) => [...flattenItems(content.items).map((item) => item.text), ...content.prose]).flatMap(withoutNames)));
  const sections: IndexedSection[] = article.sections.map((section, at) => {
    const terms = new Map<string, number>();
    const add = (concepts: string[], weight: number) => {
      for (const concept of concepts) if (!lexicon.markerConcepts.has(concept)) terms.set(concept, Math.max(terms.get(concept) ?? 0, weight));
    };
    // The section that defines the roles is found by what the question asks ("c'est quoi un X ?"), not by its
    // heading's words: "Qui fait quoi dans nos crèches ?" defines, it does not list the missions.
    // But a subject the definition's heading is about, which no other heading is about ("Concrètement, qu'est-ce qu'ils
    // font de leurs journées ?" in an FAQ that has no « Missions »), is that section's to answer.
    const headedOnlyHere = (term: string, weight: number) =>
      weight >= SECTION_FIELD_WEIGHTS.heading && lexicon.concepts.has(term) && headingWeightsOf.every((other, otherAt) => otherAt === at || (other.get(term) ?? 0) < SECTION_FIELD_WEIGHTS.heading);
    const headingShare = (term: string, weight: number) => (section.isDefinition && !headedOnlyHere(term, weight) ? SECTION_FIELD_WEIGHTS.intro / SECTION_FIELD_WEIGHTS.heading : 1);
    for (const [term, weight] of headingWeightsOf[at]!) add([term], weight * headingShare(term, weight));
    // The parser knows which section defines the roles and which concludes, whatever their headings say.
    if (section.isConclusion) add(lexicon.language.source('conclusionWords').flatMap((word) => conceptsOf(word, lexicon)), SECTION_FIELD_WEIGHTS.heading);
    if (section.isDefinition) add(lexicon.language.source('definitionWords').flatMap((word) => conceptsOf(word, lexicon)), SECTION_FIELD_WEIGHTS.heading);
    // A table's row and column labels ("Salaire brut annuel", "Télétravail possible") say what the section answers, like list headers;
    // but a subject another section's heading is about is only mentioned in a summary table's row ("Mission principale"
    // in a « Comparatif rapide » beside « Une nuit de travail, comment ça se passe ? »), or in a list's lead-in
    // sentence ("il faut savoir que son poste est organisé ainsi" under the hours, beside « Compétences »).
    const headedElsewhere = (concept: string) => headingWeightsOf.some((concepts, other) => other !== at && concepts.has(concept));
    // A role's list header, and the same subject's sub-heading under another role of an article organised role first
    // ("Salaire brut" where the section is headed « Rémunération »), say what the section answers.
    const headers = [...Object.values(section.byRole).flatMap((content) => (content.header ? [content.header] : [])), ...(section.otherHeadings ?? [])];
    for (const header of headers) {
      const concepts = headingTerms(header);
      add(concepts.filter((concept) => !headedElsewhere(concept)), SECTION_FIELD_WEIGHTS.listHeader);
      add(concepts.filter(headedElsewhere), SECTION_FIELD_WEIGHTS.intro);
    }
    const labels = new Set([...Object.values(section.byRole).flatMap((content) => content.items), ...section.sharedItems].flatMap((item) => (item.label ? [item.label] : [])));
    // A summary's table (« En résumé », « En bref ») restates what other sections say: "Horaires" in its rows is the
    // hours another section's points give, only mentioned here.
    const summary = lexicon.language.prefixLength('conclusionHeadings', words(section.heading), 0) > 0;
    const saidElsewhere = (concept: string) => headedElsewhere(concept) || (summary && contentOf.some((concepts, other) => other !== at && concepts.has(concept)));
    for (const label of labels) {
      const concepts = headingTerms(label);
      add(concepts, concepts.some(saidElsewhere) ? SECTION_FIELD_WEIGHTS.intro : SECTION_FIELD_WEIGHTS.listHeader);
    }
    for (const paragraph of section.intro) add(withoutNames(paragraph), SECTION_FIELD_WEIGHTS.intro);
    return { section, terms, headingStems: headingWords(section.heading, lexicon.language).filter((word) => !linkWords.has(word)).map(stem) };
  });
  // A section whose heading names a subject HR asks about ("Évolution professionnelle" for careers) answers
  // every word of that subject ("promotion", "évoluer"): the subject itself becomes one of its terms.
  for (const { terms } of sections) {
    for (const [id, topic] of lexicon.topics) {
      const weight = Math.max(0, ...[...topic.signals, ...topic.headingSignals].map((signal) => terms.get(signal) ?? 0));
      if (weight >= SECTION_FIELD_WEIGHTS.listHeader) terms.set(topicTerm(id), weight);
    }
  }
  // A subject that is part of another ("les horaires" within the working conditions) is answered, less surely, by
  // a section headed with the wider one when no section is headed with its own words.
  for (const [id, topic] of lexicon.topics) {
    if (topic.within.size === 0 || sections.some(({ terms }) => terms.has(topicTerm(id)))) continue;
    for (const { terms } of sections) {
      if ([...topic.within].some((concept) => (terms.get(concept) ?? 0) >= SECTION_FIELD_WEIGHTS.listHeader)) terms.set(topicTerm(id), SECTION_FIELD_WEIGHTS.listHeader);
    }
  }
  // "Une journée type" whose points are the hours of a day answers the hours when no section is headed with them.
  for (const [id, topic] of lexicon.topics) {
    if (!topic.timetables || sections.some(({ terms }) => terms.has(topicTerm(id)))) continue;
    for (const { section, terms } of sections) if (isTimetable(section)) terms.set(topicTerm(id), SECTION_FIELD_WEIGHTS.listHeader);
  }
  const sectionIdf = idfOver(sections.map((section) => new Set(section.terms.keys())));

  const sectionLevel = new Set<string>();
  for (const section of sections) for (const [concept, weight] of section.terms) if (weight >= SECTION_FIELD_WEIGHTS.listHeader) sectionLevel.add(concept);

  const drafts: Pick<IndexedItem, 'section' | 'roleId' | 'text' | 'concepts' | 'prose'>[] = [];
  // A section's themes hold its bullets too ("Savoir-faire" under "Compétences"): a bullet is looked up in its theme.
  // A point of a role's part, the same in a section and in its theme: its role, line (or "prose") and text.
  const pointKey = (sectionId: string, roleId: string, where: number | 'prose', text: string) => `${sectionId}|${roleId}|${where}|${text}`;
  const inTheme = new Set(article.sections.flatMap((section) => (section.themeOf === undefined ? [] : Object.entries(section.byRole).flatMap(([roleId, content]) => [
    ...flattenItems(content.items).map((item) => pointKey(section.themeOf!, roleId, item.line, item.text)),
    ...content.prose.map((paragraph) => pointKey(section.themeOf!, roleId, 'prose', paragraph)),
  ]))));
  for (const section of article.sections) {
    for (const [roleId, content] of Object.entries(section.byRole)) {
      for (const item of flattenItems(content.items)) {
        if (!inTheme.has(pointKey(section.id, roleId, item.line, item.text))) drafts.push({ section, roleId, text: item.text, concepts: new Set(withoutNames(item.text)), prose: false });
      }
      for (const paragraph of content.prose) {
        if (inTheme.has(pointKey(section.id, roleId, 'prose', paragraph))) continue;
        for (const sentence of sentences(paragraph)) drafts.push({ section, roleId, text: sentence, concepts: new Set(withoutNames(sentence)), prose: true });
      }
    }
    // A shared point written as a question (a quiz: « Qui décide qu'un titre entre en playlist ? ») answers nothing.
    for (const item of flattenItems(section.sharedItems)) {
      if (!/\?\s*$/.test(item.text)) drafts.push({ section, roleId: null, text: item.text, concepts: new Set(withoutNames(item.text)), prose: false });
    }
  }
  const itemIdf = idfOver(drafts.map((draft) => draft.concepts));
  const weightOf = (concepts: Set<string>) => [...concepts].reduce((sum, concept) => sum + (itemIdf.get(concept) ?? 0), 0);
  const items = drafts
    .filter((draft) => draft.concepts.size > 0)
    .map((draft) => {
      const specific = new Set([...draft.concepts].filter((concept) => !sectionLevel.has(concept)));
      return { ...draft, weight: weightOf(draft.concepts), specific, specificWeight: weightOf(specific), term: draft.prose ? null : termOf(draft.text, linkWords), namesOthers: namesOtherRole(draft, article, roleNames, lexicon, linkWords) };
    });

  const allTexts = [article.title, ...article.intro, ...article.sections.flatMap((section) => [
    section.heading,
    ...section.intro,
    ...Object.values(section.byRole).flatMap((content) => [content.header ?? '', ...content.prose, ...flattenItems(content.items).map((item) => item.text)]),
    ...flattenItems(section.sharedItems).map((item) => item.text),
  ])];
  // What a section is about is known to the article even when no text writes it: « la conclusion » of a closing
  // section headed « En bref », « la définition » of the one that defines the roles.
  const vocabulary = new Set([...allTexts.flatMap((text) => conceptsOf(text, lexicon)), ...sections.flatMap((section) => [...section.terms.keys()])]);
  // A role's other names are words the article uses too, even one it only implies (« les archis » → « archi »): a
  // question writing one is never corrected into another word.
  const otherNames = article.roles.flatMap((role) => [role.name, ...role.aliases]);
  const surfaceWords = new Set([...allTexts, ...otherNames].flatMap((text) => words(text)));
  const surfaceStems = new Set([...surfaceWords].map(stem));
  const contentStems = (text: readonly string[]) => text.filter((word) => !linkWords.has(word)).map(stem).join(' ');
  const stemLines = ` ${allTexts.map((text) => contentStems(words(text))).join(' | ')} `;


  const clippings = clippedRoleWords(roles, lexicon, linkWords);
  return {
    article,
    libraryRoles: libraryRoles?.stems ?? roleStems,
    // Each name of another article's role on its own ("responsable formation", not with its "RF").
    otherArticlesRoles: (libraryRoles?.names ?? []).filter((names) => names.size >= 2 && !ownNames.some((own) => sameStems(own, names))),
    linkWords,
    kindredHeads: new Map(KINDRED_HEAD_CLASSES.flatMap((wordClass) => lexicon.language.source(wordClass).map((head) => [stem(words(head).join('')), wordClass] as const))),
    roles,
    sharedNameStems,
    roleWordPrefixes: clippings.unique,
    sharedRoleWordPrefixes: clippings.shared,
    distinctiveRoleWords: [...new Set(roles.flatMap((role) => role.foldedNames.flatMap((name) => name.split(' ').filter((word) => role.distinctiveStems.has(stem(word))))))].map((word) => ({ word, stem: stem(word) })),
    distinctiveFirst: (() => {
      const first = words(article.roles[0]?.name ?? '').filter((word) => !linkWords.has(word)).map(stem);
      const shared = first.findIndex((word) => sharedNameStems.has(word));
      const distinct = first.findIndex((word) => !sharedNameStems.has(word));
      return shared >= 0 && distinct >= 0 && distinct < shared;
    })(),
    sections,
    sectionIdf,
    items,
    itemIdf,
    maxItemIdf: Math.max(0, ...itemIdf.values()),
    vocabulary,
    surfaceWords,
    surfaceStems,
    coveredSignals: sectionLevel,
    everyRoleConcepts: conceptsOfEveryRole(items, lexicon),
    itemConcepts: new Set(items.flatMap((item) => [...item.concepts])),
    mentions: (phrase) => stemLines.includes(` ${contentStems(phrase)} `),
    definitionSections: definitionSectionsOf(article),
    sharingSections: new Set(article.sections.filter((section) => section.isShared && lexicon.language.occursIn('sharedCues', words(section.heading)))),
    conclusionSection: article.sections.find((section) => section.isConclusion) ?? null,
  };
}

/**
 * Concepts of a word a bullet of each role of a section of two roles or more holds: the same word ("Prime de
 * tutorat", "Prime d'animation"), not two words of one synonym group ("paie" beside "rapport").
 */
function conceptsOfEveryRole(items: readonly IndexedItem[], lexicon: Lexicon): Set<string> {
  // Section → role → the stems its bullets write, each with one of its words ("prime", "primes" alike).
  const bySection = new Map<Section, Map<string, Map<string, string>>>();
  // The stems some bullet of the section opens with ("Prime de tutorat"): a word only ever further in ("Le service
  // paie…" beside "… pour le paiement des transporteurs") says what the points are about no more than any other.
  const openings = new Map<Section, Set<string>>();
  for (const item of items) {
    if (item.roleId === null || item.prose) continue;
    const roles = bySection.get(item.section) ?? new Map<string, Map<string, string>>();
    bySection.set(item.section, roles);
    const written = roles.get(item.roleId) ?? new Map<string, string>();
    roles.set(item.roleId, written);
    const content = words(item.text).filter((word) => !lexicon.stopWords.has(word));
    for (const word of content) written.set(stem(word), word);
    if (content[0] !== undefined) openings.set(item.section, (openings.get(item.section) ?? new Set<string>()).add(stem(content[0])));
  }
  const covered = new Set<string>();
  for (const [section, roles] of bySection) {
    if (roles.size < 2 || roles.size < Object.keys(section.byRole).length) continue;
    const [first, ...others] = [...roles.values()];
    const opened = openings.get(section)!;
    for (const [stemmed, word] of first!) if (opened.has(stemmed) && others.every((written) => written.has(stemmed))) covered.add(conceptOf(lexicon, word));
  }
  return covered;
}

/** A term is short: "AVQ", "chemin de fer", not a clause. */
const MAX_TERM_WORDS = 4;

/** The stems of what a bullet written "Term : explanation" explains, or null for any other bullet. */
function termOf(text: string, linkWords: ReadonlySet<string>): Set<string> | null {
  const found = colonLead(text);
  const term = found ? words(found.lead).filter((word) => !linkWords.has(word)) : [];
  return term.length > 0 && term.length <= MAX_TERM_WORDS ? new Set(term.map(stem)) : null;
}
