/**
 * With many articles, weighing every one for every question costs too much. The router keeps an
 * inverted index (word → articles) and shortlists the few articles a question can be about;
 * only those are weighed in full.
 */
import type { ConversationContext } from './context.js';
import { conceptSequence, type ArticleIndex } from './articleIndex.js';
import type { Lexicon } from '../language/lexicon.js';
import { stem } from '../text/normalize.js';
import type { QuestionReading } from './readQuestion.js';

/** Articles weighed in full per question; below this many articles, all are weighed. */
export const SHORTLIST_SIZE = 4;
/** A role's words count more than section words: naming a role names its article. */
const ROLE_KEY_WEIGHT = 3;

export class ArticleRouter {
  /** Key (stem, concept or initialism) → article position → weight. */
  private readonly postings = new Map<string, Map<number, number>>();

  constructor(
    private readonly indexes: ArticleIndex[],
    private readonly lexicon: Lexicon,
  ) {
    indexes.forEach((index, position) => {
      const add = (key: string, weight: number) => {
        const byArticle = this.postings.get(key) ?? new Map<number, number>();
        byArticle.set(position, Math.max(byArticle.get(position) ?? 0, weight));
        this.postings.set(key, byArticle);
      };
      for (const role of index.roles) {
        for (const key of [...role.nameStems, ...role.abbreviations]) add(key, ROLE_KEY_WEIGHT);
      }
      for (const concept of index.vocabulary) {
        add(concept, 1);
        this.articlesUsing.set(concept, (this.articlesUsing.get(concept) ?? 0) + 1);
      }
      for (const word of index.surfaceStems) add(word, 1);
      this.byRoleCount.set(index.article.roles.length, (this.byRoleCount.get(index.article.roles.length) ?? 0) + 1);
    });
  }

  /** Concept → how many articles of the library use it: common words point to no article in particular. */
  private readonly articlesUsing = new Map<string, number>();

  /** Number of roles → how many articles have that many. */
  private readonly byRoleCount = new Map<number, number>();

  /** How many articles the library holds. */
  get size(): number {
    return this.indexes.length;
  }

  /** How many articles of the library have exactly this many roles ("les trois métiers" fits those only). */
  articlesWithRoles(count: number): number {
    return this.byRoleCount.get(count) ?? 0;
  }

  /**
   * How much the question's words point to this article rather than to the others, 0..1: a word
   * only this article uses counts fully, a word every article uses not at all (a library of one
   * article is always fully pointed to).
   */
  distinctiveness(content: readonly string[], index: ArticleIndex): number {
    if (this.indexes.length <= 1) return 1;
    const scale = Math.log(this.indexes.length);
    let total = 0;
    let own = 0;
    for (const concept of new Set(content)) {
      const using = this.articlesUsing.get(concept) ?? 0;
      if (using === 0) continue;
      const rarity = Math.log(this.indexes.length / using) / scale;
      total += 1;
      if (index.vocabulary.has(concept)) own += rarity;
    }
    return total === 0 ? 0 : own / total;
  }

  /**
   * The other articles that have, for each set of keys (stems of a role's name or its initialism), a role named by
   * all of them: the articles the roles named by these words may belong to as well, shortlisted or not (« un
   * assistant »). « Chef de projet ou dev » names no role of an article without a developer.
   */
  otherArticlesNaming(index: ArticleIndex, keySets: readonly (readonly string[])[]): ArticleIndex[] {
    const sets = keySets.filter((keys) => keys.length > 0);
    if (sets.length === 0) return [];
    const names = (role: ArticleIndex['roles'][number], keys: readonly string[]) => keys.every((key) => role.nameStems.has(key) || role.abbreviations.has(key));
    return this.indexes.filter((other) => other !== index && sets.every((keys) => other.roles.some((role) => names(role, keys))));
  }

  /** The articles worth weighing for this question, the conversation's article always among them. */
  shortlist(reading: QuestionReading, context: ConversationContext): ArticleIndex[] {
    if (this.indexes.length <= SHORTLIST_SIZE) return this.indexes;
    const keys = new Set<string>([
      ...reading.tokens,
      ...reading.tokens.map(stem),
      ...conceptSequence(reading.tokens, this.lexicon).filter((token) => token.kind === 'content').map((token) => token.concept),
    ]);
    const scores = new Map<number, number>();
    for (const key of keys) {
      const byArticle = this.postings.get(key);
      if (!byArticle) continue;
      // Rarer keys tell articles apart: weight by inverse article frequency.
      const rarity = Math.log(1 + this.indexes.length / byArticle.size);
      for (const [position, weight] of byArticle) scores.set(position, (scores.get(position) ?? 0) + weight * rarity);
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, SHORTLIST_SIZE).map(([position]) => this.indexes[position]!);
    const current = this.indexes.find((index) => index.article.id === context.article);
    if (current && !ranked.includes(current)) ranked.push(current);
    return ranked.length > 0 ? ranked : this.indexes.slice(0, SHORTLIST_SIZE);
  }
}
