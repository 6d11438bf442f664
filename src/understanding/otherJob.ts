/**
 * Another job: a question about a job that is none of the library's roles ("un chef de projet",
 * "un notaire", "devenir magistrat") gets "the article does not cover other jobs" rather than an
 * answer about the article's own roles.
 */
import type { LanguagePack } from '../language/languagePack.js';
import type { Lexicon } from '../language/lexicon.js';
import { hasJobTitleEnding, looksPlural } from '../text/morphology.js';
import { stem } from '../text/normalize.js';
import { roleWordByRoot, type ArticleIndex, type IndexedRole } from './articleIndex.js';
import type { QuestionReading } from './readQuestion.js';

/** The next (step 1) or previous (step -1) word that is not a link word ("de", "la"). */
export function neighbourOf(tokens: readonly string[], at: number, step: 1 | -1, linkWords: ReadonlySet<string>): number | null {
  for (let k = at + step; k >= 0 && k < tokens.length; k += step) {
    if (!linkWords.has(tokens[k]!)) return k;
  }
  return null;
}

/** Words after which a role's first word reads as a job title ("un chef de …", "entre chef de … et …"). */
function opensJobTitle(word: string, language: LanguagePack): boolean {
  return language.has('roleOpeners', word) || language.has('jobTitleOpeners', word);
}

/** Words after which a job title is the subject of the question ("un développeur", "devenir magistrat"). */
function opensSubjectJob(word: string, language: LanguagePack): boolean {
  return language.has('singularDeterminers', word) || language.has('becomingWords', word);
}

/** Another job the question is about ("un chef de projet", "un product designer", "un développeur"), or null. */
export function findOtherJob(reading: QuestionReading, index: ArticleIndex, lexicon: Lexicon, stems: string[], consumed: Set<number>): string | null {
  const { tokens } = reading;
  const { language } = lexicon;
  const neighbour = (at: number, step: 1 | -1) => neighbourOf(tokens, at, step, index.linkWords);
  const isNameWord = (at: number | null, role: IndexedRole) => at !== null && role.nameStems.has(stems[at]!);
  // "un chef de projet": a role's first word, used as a job title, followed by a word of no role name.
  for (let at = 0; at < tokens.length; at += 1) {
    // Only a name of several words has a head that a different complement turns into another job.
    const heads = index.roles.filter((role) => role.headStem === stems[at] && role.nameStems.size > 1);
    const previousWord = at > 0 ? tokens[at - 1]! : '';
    if (heads.length === 0 || !reading.inFocus.has(at) || !(at === 0 || opensJobTitle(previousWord, language))) continue;
    const next = neighbour(at, 1);
    if (next !== null && !reading.markerPositions.has(next) && !lexicon.stopWords.has(tokens[next]!) && !lexicon.fillers.hasWord(tokens[next]!) && !index.roles.some((role) => isNameWord(next, role) || role.abbreviations.has(tokens[next]!))) {
      return tokens.slice(at, next + 1).join(' ');
    }
  }
  // "un product designer" when roles are "UX designer" and "UI designer": a word of no role name
  // where the roles put the word that tells them apart.
  for (let at = 0; at < tokens.length && index.sharedNameStems.size > 0; at += 1) {
    if (!index.sharedNameStems.has(stems[at]!)) continue;
    const side = neighbour(at, index.distinctiveFirst ? -1 : 1);
    if (side === null || consumed.has(side) || index.sharedNameStems.has(stems[side]!) || lexicon.stopWords.has(tokens[side]!)) continue;
    if (reading.markerPositions.has(side) || index.roles.some((role) => role.abbreviations.has(tokens[side]!))) continue;
    if (!index.distinctiveFirst && (at === 0 || !opensJobTitle(tokens[at - 1]!, language))) continue;
    if (index.distinctiveFirst && side !== at - 1) continue;
    return tokens.slice(Math.min(at, side), Math.max(at, side) + 1).join(' ');
  }
  // "les missions d'un notaire", "devenir magistrat": where a role would stand, a word the article never
  // uses that reads like a job title (-aire, -ier, -eur, -iste, -ien…) is another job.
  for (let at = 1; at < tokens.length; at += 1) {
    const word = tokens[at]!;
    if (!reading.inFocus.has(at) || consumed.has(at) || word.length < 5 || index.surfaceWords.has(word)) continue;
    if (!opensSubjectJob(tokens[at - 1]!, language)) continue;
    if (lexicon.stopWords.has(word) || lexicon.fillers.hasWord(word) || lexicon.stemConcepts.has(stem(word)) || lexicon.wordConcepts.has(word)) continue;
    // A role's own word in another form ("infirmière", "avocate", "logisticien") is that role.
    const roleWord = index.roles.some((role) => role.nameStems.has(stem(word))) || roleWordByRoot(word, index) !== null || index.roleWordPrefixes.has(word);
    if (!roleWord && hasJobTitleEnding(word)) return word;
  }
  for (const [start, end] of lexicon.jobs.find(tokens)) {
    // "je suis assistante RH, quel cursus pour…": a job in the context about the asker is not the question.
    if (!reading.inFocus.has(start)) continue;
    const jobWords = tokens.slice(start, end);
    // Part of a role's name ("chef de produit" in "chef de produit digital"), or the name itself.
    let insideRoleName = false;
    for (let position = start; position < end; position += 1) if (consumed.has(position)) insideRoleName = true;
    const isRoleName = insideRoleName || index.roles.some((role) => jobWords.every((word) => index.linkWords.has(word) || role.nameStems.has(stem(word))));
    // "les designers", "avec les développeurs": people a role works with, not the job asked about;
    // "un développeur" is the job asked about, even if the article mentions developers.
    const plural = looksPlural(jobWords[0]!);
    const subject = start > 0 && opensSubjectJob(tokens[start - 1]!, language) && !language.has('companionPrepositions', tokens[start - 2] ?? '');
    if (!isRoleName && !plural && (subject || !jobWords.every((word) => index.surfaceStems.has(stem(word))))) return jobWords.join(' ');
  }
  return null;
}
