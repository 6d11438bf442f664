/**
 * Interpretation + knowledge base → Answer. Facts are copied from the article as written;
 * the framing sentences come from dialogs/answers.yaml and dialogs/fallback.yaml.
 */
import type { Article, Item, Section } from '../knowledge/knowledgeBase.js';
import type { LanguagePack } from '../language/languagePack.js';
import { withArticle } from '../text/morphology.js';
import { words } from '../text/normalize.js';
import { fill, type Dialogs, type Noun } from './dialogs.js';
import type { ArticleIndex } from '../understanding/articleIndex.js';
import type { Interpretation } from '../understanding/interpret.js';
import type { Evidence } from '../understanding/weighEvidence.js';
import type { Answer, AnswerItem, RoleBlock, Suggestion, Why } from './answer.js';


/** The longest connective that may open a paragraph ("pour sa part", "de son côté"). */
const MAX_CONNECTIVE_WORDS = 4;

/** How many questions a fallback offers. */
const FALLBACK_OFFERS = 3;

function roleName(article: Article, roleId: string): string {
  return article.roles.find((role) => role.id === roleId)?.name ?? roleId;
}

/** A role as a sentence names it: its name and what its article agrees with. */
function roleNoun(article: Article, roleId: string): Noun {
  const role = article.roles.find((candidate) => candidate.id === roleId);
  return { name: role?.name ?? roleId, feminine: role?.feminine ?? false, plural: false };
}

/** "A, B et C" with the language's list joiner ("et" comes from the dialogs). */
function listPhrase(parts: string[], and: string): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

/** How many article titles the welcome and help name, as examples. */
const TITLES_NAMED = 3;

/**
 * "l'Assistant RH, le Chef de rang et la Gouvernante" for one article; for a library, the sentence of
 * the dialogs that speaks of its articles' jobs (a list of every role would run on).
 */
export function rolesPhrase(articles: Article[], dialogs: Dialogs): string {
  if (articles.length > 1) return fill(dialogs.answers.libraryRoles, { count: articles.length });
  const roles = articles[0]?.roles ?? [];
  return listPhrase(roles.map((role) => withArticle('le', role.name, { feminine: role.feminine, plural: false })), dialogs.answers.and);
}

/** The section headings, quoted, for "{topics}"; for a library, the first titles. */
export function topicsPhrase(articles: Article[], dialogs: Dialogs): string {
  const quoted = (text: string) => `« ${text} »`;
  if (articles.length > 1) {
    return listPhrase(articles.slice(0, TITLES_NAMED).map((article) => quoted(article.title)), dialogs.answers.and);
  }
  const headings = (articles[0]?.sections ?? []).filter((section) => !section.isConclusion).map((section) => quoted(section.heading));
  return listPhrase(headings, dialogs.answers.and);
}

function toAnswerItems(items: Item[], highlight?: string): AnswerItem[] {
  return items.map((item) => ({
    text: item.text,
    children: toAnswerItems(item.children, highlight),
    ...(highlight !== undefined && item.text === highlight ? { highlight: true } : {}),
  }));
}

function blockFor(article: Article, section: Section, roleId: string, highlight?: string): RoleBlock {
  const content = section.byRole[roleId];
  const items = toAnswerItems(content?.items ?? [], highlight);
  const prose = content?.prose ?? [];
  return {
    roleId,
    roleName: roleName(article, roleId),
    ...(content?.header ? { header: content.header } : {}),
    items,
    prose,
  };
}

/** Words of a list compact enough for one cell of the overview. */
function summaryOf(section: Section, roleId: string): string {
  const content = section.byRole[roleId];
  if (!content) return '';
  if (content.items.length > 0) return content.items.map((item) => item.text.replace(/[.;]+$/, '')).join(' ; ');
  const firstSentence = content.prose[0]?.split(/(?<=[.!?])\s+/)[0] ?? '';
  return firstSentence;
}

/** Natural next questions, as buttons. Their values are questions the engine understands. */
export class Suggester {
  constructor(private readonly dialogs: Dialogs) {}

  overview(article: Article): Suggestion {
    const [first, second] = article.roles;
    const value = fill(this.dialogs.answers.suggestOverview, { role1: roleNoun(article, first?.id ?? ''), role2: roleNoun(article, second?.id ?? '') });
    return { title: value, value };
  }

  list(section: Section, role: Noun): Suggestion {
    const value = fill(this.dialogs.answers.suggestList, { section: section.heading, role });
    return { title: value, value };
  }

  comparison(section: Section): Suggestion {
    const value = fill(this.dialogs.answers.suggestComparison, { section: section.heading });
    return { title: value, value };
  }

  definition(role: Noun): Suggestion {
    const value = fill(this.dialogs.answers.suggestDefinition, { role });
    return { title: value, value };
  }

  /** Sections that hold one list per role: the ones worth comparing. */
  private listSections(article: Article): Section[] {
    return article.sections.filter((section) => !section.isConclusion && !section.isDefinition && Object.keys(section.byRole).length > 0);
  }

  private neighbour(article: Article, section: Section): Section | null {
    const sections = this.listSections(article);
    const at = sections.findIndex((candidate) => candidate.id === section.id);
    return sections[at + 1] ?? (at > 0 ? sections[at - 1]! : sections[0] ?? null);
  }

  afterList(article: Article, section: Section, roleId: string): Suggestion[] {
    const others = article.roles.filter((role) => role.id !== roleId);
    const suggestions: Suggestion[] = others.map((role) => ({
      title: fill(this.dialogs.answers.followUpOtherRole, { role: roleNoun(article, role.id) }),
      value: this.list(section, roleNoun(article, role.id)).value,
    }));
    suggestions.push({ title: this.dialogs.answers.followUpCompare, value: this.comparison(section).value });
    const next = this.neighbour(article, section);
    if (next && next.id !== section.id) suggestions.push(this.list(next, roleNoun(article, roleId)));
    return suggestions;
  }

  afterComparison(article: Article, section: Section): Suggestion[] {
    const next = this.neighbour(article, section);
    return [
      ...(next && next.id !== section.id ? [this.comparison(next)] : []),
      { title: this.dialogs.answers.followUpOverview, value: this.overview(article).value },
      ...article.roles.slice(0, 1).map((role) => this.list(section, roleNoun(article, role.id))),
    ];
  }

  afterOverview(article: Article): Suggestion[] {
    return this.listSections(article).slice(0, 3).map((section) => this.comparison(section));
  }

  /** Three questions the bot can answer, for a fallback, the welcome and help. */
  examples(articles: Article[]): Suggestion[] {
    const article = articles[0];
    if (!article) return [];
    const sections = this.listSections(article);
    const firstRole = article.roles[0];
    const examples = [this.overview(article)];
    if (sections[0] && firstRole) examples.push(this.list(sections[0], roleNoun(article, firstRole.id)));
    if (sections[1]) examples.push(this.comparison(sections[1]));
    else if (firstRole) examples.push(this.definition(roleNoun(article, firstRole.id)));
    for (const other of articles.slice(1)) examples.push(this.overview(other));
    return examples.slice(0, FALLBACK_OFFERS + Math.max(0, articles.length - 1));
  }
}

function why(evidence: Evidence | null, section: string | null, roles: string[], reason: string): Why {
  const runner = evidence?.sections.find((entry) => entry.section.id !== section);
  return {
    matched: evidence ? [...new Set([...evidence.content, ...[...evidence.roles.keys()]])] : [],
    section,
    roles,
    runnerUp: runner ? runner.section.id : null,
    reason,
  };
}

/** How sure the engine is, from the evidence it had. */
function confidenceOf(evidence: Evidence, section: Section | null): number {
  const roleStrength = Math.max(0, ...evidence.roles.values()) / 3;
  const sectionEntry = evidence.sections.find((entry) => entry.section === section);
  const sectionStrength = sectionEntry ? Math.min(1, sectionEntry.score / 3) * (sectionEntry.strong ? 1 : 0.7) : 0.4;
  const penalty = Math.min(0.4, 0.15 * evidence.unknown.length);
  return Math.max(0.05, Math.min(0.99, 0.35 + 0.3 * sectionStrength + 0.3 * Math.max(roleStrength, evidence.genericRole ? 0.5 : 0) - penalty));
}

export class AnswerBuilder {
  private readonly suggester: Suggester;

  constructor(
    private readonly dialogs: Dialogs,
    private readonly indexes: ArticleIndex[],
    private readonly language: LanguagePack,
  ) {
    this.suggester = new Suggester(dialogs);
  }

  /**
   * A role's paragraph quoted on its own: a connective that leaned on the paragraph before it ("En
   * revanche, le Chef de produit marketing…") would dangle, so the paragraph starts after it.
   */
  private standalone(paragraph: string): string {
    const written = paragraph.split(/\s+/);
    for (let length = 1; length <= MAX_CONNECTIVE_WORDS && length < written.length; length += 1) {
      const opening = written.slice(0, length).join(' ');
      if (!opening.endsWith(',')) continue;
      const folded = words(opening);
      if (this.language.prefixLength('discourseConnectives', folded) !== folded.length) continue;
      const rest = written.slice(length).join(' ');
      return rest.charAt(0).toUpperCase() + rest.slice(1);
    }
    return paragraph;
  }

  /** One role's block of a one-role answer: its paragraphs read on their own. */
  private soloBlock(article: Article, section: Section, roleId: string, highlight?: string): RoleBlock {
    const block = blockFor(article, section, roleId, highlight);
    return { ...block, prose: block.prose.map((paragraph) => this.standalone(paragraph)) };
  }

  get articles(): Article[] {
    return this.indexes.map((index) => index.article);
  }

  examples(): Suggestion[] {
    return this.suggester.examples(this.articles);
  }

  build(interpretation: Interpretation): Answer {
    switch (interpretation.kind) {
      case 'empty':
        return this.fallback(fill(this.dialogs.fallback.empty, { roles: rolesPhrase(this.articles, this.dialogs) }), null, 'empty question', 1, null);
      case 'smalltalk':
        return this.smalltalk(interpretation.intent);
      case 'fallback': {
        const roles = rolesPhrase(this.articles, this.dialogs);
        const message =
          interpretation.reason === 'topic'
            ? fill(this.dialogs.fallback.notCovered, { topic: interpretation.topic ?? '', roles })
            : interpretation.reason === 'other-job'
              ? fill(this.dialogs.fallback.otherRole, { roles })
              : fill(this.dialogs.fallback.notUnderstood, { roles });
        const reason = interpretation.reason === 'unknown'
          ? `no section, role or bullet explains the question${interpretation.evidence?.unknown.length ? ` (unknown: ${interpretation.evidence.unknown.join(', ')})` : ''}`
          : `${interpretation.reason}: ${interpretation.topic ?? ''}`;
        return this.fallback(message, interpretation.evidence, reason, interpretation.reason === 'unknown' ? 0.7 : 0.9, interpretation.topicId ?? null);
      }
      case 'clarify': {
        const choices = interpretation.choices.map((index) => ({ title: index.article.title, value: index.article.title }));
        return {
          kind: 'clarify',
          article: null,
          section: null,
          roles: [],
          confidence: 0.5,
          message: this.dialogs.conversation.clarify.article,
          choices,
          suggestions: choices,
          why: why(interpretation.evidence, null, [], 'several articles answer equally well'),
        };
      }
      case 'clarifyRoles': {
        const article = interpretation.evidence.article.article;
        const section = interpretation.section;
        const choices = interpretation.roles.map((id) => {
          const name = roleNoun(article, id);
          return section && !section.isDefinition ? this.suggester.list(section, name) : this.suggester.definition(name);
        });
        return {
          kind: 'clarify',
          article: article.id,
          section: section?.id ?? null,
          roles: [],
          confidence: 0.5,
          message: this.dialogs.conversation.clarify.role,
          choices,
          suggestions: choices,
          why: why(interpretation.evidence, section?.id ?? null, interpretation.roles, 'several roles are left: which one?'),
        };
      }
      case 'overview':
        return this.overview(interpretation.evidence, interpretation.roles);
      case 'section':
        return this.section(interpretation.evidence, interpretation.section, interpretation.roles, interpretation.mode);
      case 'item':
        return this.item(interpretation);
    }
  }

  /** Answers a clarified question: `choice` is the article the user picked. */
  clarifiedArticle(choice: string): ArticleIndex | null {
    return this.indexes.find((index) => index.article.title === choice || index.article.id === choice) ?? null;
  }

  private fallback(message: string, evidence: Evidence | null, reason: string, confidence: number, topic: string | null): Answer {
    const closest = evidence?.sections[0];
    return {
      kind: 'fallback',
      topic,
      closest: closest && evidence ? { article: evidence.article.article.id, section: closest.section.id } : null,
      article: null,
      section: null,
      roles: [],
      confidence,
      message: `${message}\n${this.dialogs.fallback.offer}`,
      suggestions: this.suggester.examples(this.articles),
      why: why(evidence, null, [], reason),
    };
  }

  private smalltalk(intent: string): Answer {
    const replies = this.dialogs.smalltalk.intents[intent]?.replies ?? [];
    const message = fill(replies[0] ?? '', {
      roles: rolesPhrase(this.articles, this.dialogs),
      topics: topicsPhrase(this.articles, this.dialogs),
      title: this.articles.map((entry) => entry.title).join(' », « '),
    });
    const offers = intent === 'greeting' || intent === 'help' || intent === 'identity';
    return {
      kind: 'smalltalk',
      article: null,
      section: null,
      roles: [],
      confidence: 0.95,
      intent,
      message,
      suggestions: offers ? this.suggester.examples(this.articles) : [],
      why: { matched: [intent], section: null, roles: [], runnerUp: null, reason: `smalltalk: ${intent}` },
    };
  }

  private overview(evidence: Evidence, roleIds: string[]): Answer {
    const article = evidence.article.article;
    const roles = article.roles.map((role) => role.id).filter((id) => roleIds.includes(id));
    const shown = article.roles.filter((role) => roles.includes(role.id));
    const rows = article.sections
      .filter((section) => !section.isConclusion && Object.keys(section.byRole).length > 0)
      .map((section) => ({
        sectionId: section.id,
        heading: section.heading,
        // A role the section says nothing about gets no empty line.
        cells: shown.map((role) => ({ roleId: role.id, roleName: role.name, summary: summaryOf(section, role.id) })).filter((cell) => cell.summary !== ''),
      }))
      // A section about one role only ("Qu'est-ce qu'un géomètre ?" in a FAQ) tells the roles apart in no way.
      .filter((row) => row.cells.length >= Math.min(2, shown.length));
    return {
      kind: 'overview',
      article: article.id,
      section: null,
      roles,
      confidence: confidenceOf(evidence, null),
      title: fill(this.dialogs.answers.overviewTitle, { roles: rolesPhrase([{ ...article, roles: shown }], this.dialogs) }),
      intro: [this.dialogs.answers.overviewLead],
      rows,
      conclusion: article.conclusion,
      suggestions: this.suggester.afterOverview(article),
      why: why(evidence, null, roles, 'general difference between the roles'),
    };
  }

  private section(evidence: Evidence, section: Section, roles: string[], mode: 'list' | 'comparison'): Answer {
    const article = evidence.article.article;
    const confidence = confidenceOf(evidence, section);
    if (mode === 'list') {
      const roleId = roles[0];
      const title = roleId
        ? section.isDefinition
          ? fill(this.dialogs.answers.definitionTitle, { role: roleNoun(article, roleId) })
          : fill(this.dialogs.answers.listTitle, { section: section.heading, role: roleNoun(article, roleId) })
        : section.heading;
      return {
        kind: 'list',
        article: article.id,
        section: section.id,
        roles,
        confidence,
        title,
        intro: roleId ? [] : section.intro,
        blocks: roleId ? [this.soloBlock(article, section, roleId)] : [],
        suggestions: roleId ? this.suggester.afterList(article, section, roleId) : this.suggester.examples([article]),
        why: why(evidence, section.id, roles, roleId ? `one role, one section` : `section without roles`),
      };
    }
    return this.comparison(evidence, section, roles, { confidence, intro: section.intro, reason: 'section compared across roles' });
  }

  /** One section side by side. */
  private comparison(
    evidence: Evidence,
    section: Section,
    roles: string[],
    options: { confidence: number; intro: string[]; reason: string },
  ): Answer {
    const article = evidence.article.article;
    return {
      kind: 'comparison',
      article: article.id,
      section: section.id,
      roles,
      confidence: options.confidence,
      title: fill(this.dialogs.answers.comparisonTitle, { section: section.heading, roles: roles.map((id) => roleName(article, id)).join(' / ') }),
      intro: options.intro,
      blocks: roles.map((id) => blockFor(article, section, id)),
      suggestions: this.suggester.afterComparison(article, section),
      why: why(evidence, section.id, roles, options.reason),
    };
  }

  private item(interpretation: Extract<Interpretation, { kind: 'item' }>): Answer {
    const { evidence, item, askedRole, yesNo, shared } = interpretation;
    const article = evidence.article.article;
    const section = item.section;
    const owner = item.roleId;
    const values = {
      item: item.text.replace(/[.;:]+$/, ''),
      section: section.heading,
      role: roleNoun(article, owner ?? ''),
      otherRole: roleNoun(article, owner ?? ''),
    };
    const confidence = Math.min(0.97, 0.45 + 0.5 * (evidence.items[0]?.f1 ?? 0));
    // A bullet no role owns ("Points communs"): the shared list it belongs to answers.
    if (!owner) return this.section(evidence, section, [], 'list');
    if (shared) {
      // Each role's list, in the article's order, with the bullet found in it marked.
      const roles = article.roles.map((role) => role.id).filter((id) => (id === owner || id === shared.roleId) && section.byRole[id]);
      return {
        kind: 'list',
        article: article.id,
        section: section.id,
        roles,
        confidence,
        title: fill(this.dialogs.answers.listTitle, { section: section.heading, role: listPhrase(roles.map((id) => roleName(article, id)), this.dialogs.answers.and) }),
        lead: fill(this.dialogs.answers.itemFoundBoth, values),
        intro: [],
        blocks: roles.map((id) => this.soloBlock(article, section, id, id === owner ? item.text : shared.text)),
        suggestions: this.suggester.afterComparison(article, section),
        why: why(evidence, section.id, roles, `bullet found for both roles: "${item.text}"`),
      };
    }
    let lead = fill(this.dialogs.answers.itemFound, values);
    if (yesNo && askedRole) {
      lead = askedRole === owner
        ? fill(this.dialogs.answers.itemYes, values)
        : fill(this.dialogs.answers.itemNo, { ...values, role: roleNoun(article, askedRole), otherRole: roleNoun(article, owner) });
    }
    return {
      kind: 'list',
      article: article.id,
      section: section.id,
      roles: [owner],
      confidence,
      title: section.isDefinition
        ? fill(this.dialogs.answers.definitionTitle, { role: roleNoun(article, owner) })
        : fill(this.dialogs.answers.listTitle, { section: section.heading, role: roleNoun(article, owner) }),
      lead,
      intro: [],
      blocks: [this.soloBlock(article, section, owner, item.text)],
      suggestions: this.suggester.afterList(article, section, owner),
      why: why(evidence, section.id, [owner], `bullet "${item.text}" (${evidence.items[0]?.matched.join(', ') ?? ''})`),
    };
  }
}

