/**
 * Interpretation + knowledge base → Answer. Facts are copied from the article as written;
 * the framing sentences come from dialogs/answers.yaml and dialogs/fallback.yaml.
 */
import type { Article, Item, Section } from '../knowledge/knowledgeBase.js';
import { fill, type Dialogs } from './dialogs.js';
import type { ArticleIndex } from '../understanding/articleIndex.js';
import type { Interpretation } from '../understanding/interpret.js';
import type { Evidence } from '../understanding/weighEvidence.js';
import type { Answer, AnswerItem, RoleBlock, Suggestion, Why } from './answer.js';


/** How many questions a fallback offers. */
const FALLBACK_OFFERS = 3;

function roleName(article: Article, roleId: string): string {
  return article.roles.find((role) => role.id === roleId)?.name ?? roleId;
}

/** "le Chef de produit digital et le Chef de produit marketing" — used in dialog sentences. */
export function rolesPhrase(articles: Article[]): string {
  const names = [...new Set(articles.flatMap((article) => article.roles.map((role) => role.name)))];
  if (names.length <= 1) return `le ${names[0] ?? ''}`.trim();
  return `${names.slice(0, -1).map((name) => `le ${name}`).join(', ')} et le ${names[names.length - 1]}`;
}

/** The section headings, quoted: « Les compétences requises », « Origine et formation »… for "{topics}". */
export function topicsPhrase(article: Article): string {
  const headings = article.sections.filter((section) => !section.isConclusion).map((section) => `« ${section.heading} »`);
  return headings.length <= 1 ? headings.join('') : `${headings.slice(0, -1).join(', ')} et ${headings[headings.length - 1]}`;
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
    const value = fill(this.dialogs.answers.suggestOverview, { role1: first?.name ?? '', role2: second?.name ?? '' });
    return { title: value, value };
  }

  list(section: Section, roleNameText: string): Suggestion {
    const value = fill(this.dialogs.answers.suggestList, { section: section.heading, role: roleNameText });
    return { title: value, value };
  }

  comparison(section: Section): Suggestion {
    const value = fill(this.dialogs.answers.suggestComparison, { section: section.heading });
    return { title: value, value };
  }

  definition(roleNameText: string): Suggestion {
    const value = fill(this.dialogs.answers.suggestDefinition, { role: roleNameText });
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
      title: fill(this.dialogs.answers.followUpOtherRole, { role: role.name }),
      value: this.list(section, role.name).value,
    }));
    suggestions.push({ title: this.dialogs.answers.followUpCompare, value: this.comparison(section).value });
    const next = this.neighbour(article, section);
    if (next && next.id !== section.id) suggestions.push(this.list(next, roleName(article, roleId)));
    return suggestions;
  }

  afterComparison(article: Article, section: Section): Suggestion[] {
    const next = this.neighbour(article, section);
    return [
      ...(next && next.id !== section.id ? [this.comparison(next)] : []),
      { title: this.dialogs.answers.followUpOverview, value: this.overview(article).value },
      ...article.roles.slice(0, 1).map((role) => this.list(section, role.name)),
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
    if (sections[0] && firstRole) examples.push(this.list(sections[0], firstRole.name));
    if (sections[1]) examples.push(this.comparison(sections[1]));
    else if (firstRole) examples.push(this.definition(firstRole.name));
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
  ) {
    this.suggester = new Suggester(dialogs);
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
        return this.fallback(fill(this.dialogs.fallback.empty, { roles: rolesPhrase(this.articles) }), null, 'empty question', 1, null);
      case 'smalltalk':
        return this.smalltalk(interpretation.intent);
      case 'fallback': {
        const roles = rolesPhrase(this.articles);
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
          const name = roleName(article, id);
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
    const article = this.articles[0];
    const message = fill(replies[0] ?? '', {
      roles: rolesPhrase(this.articles),
      topics: article ? topicsPhrase(article) : '',
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
        cells: shown.map((role) => ({ roleId: role.id, roleName: role.name, summary: summaryOf(section, role.id) })),
      }))
      .filter((row) => row.cells.some((cell) => cell.summary !== ''));
    return {
      kind: 'overview',
      article: article.id,
      section: null,
      roles,
      confidence: confidenceOf(evidence, null),
      title: fill(this.dialogs.answers.overviewTitle, { roles: rolesPhrase([{ ...article, roles: shown }]) }),
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
          ? fill(this.dialogs.answers.definitionTitle, { role: roleName(article, roleId) })
          : fill(this.dialogs.answers.listTitle, { section: section.heading, role: roleName(article, roleId) })
        : section.heading;
      return {
        kind: 'list',
        article: article.id,
        section: section.id,
        roles,
        confidence,
        title,
        intro: roleId ? [] : section.intro,
        blocks: roleId ? [blockFor(article, section, roleId)] : [],
        suggestions: roleId ? this.suggester.afterList(article, section, roleId) : this.suggester.examples([article]),
        why: why(evidence, section.id, roles, roleId ? `one role, one section` : `section without roles`),
      };
    }
    return this.comparison(evidence, section, roles, { confidence, intro: section.intro, reason: 'section compared across roles' });
  }

  /** One section side by side; `highlight` marks the bullets a reverse lookup found. */
  private comparison(
    evidence: Evidence,
    section: Section,
    roles: string[],
    options: { confidence: number; intro: string[]; reason: string; highlight?: (roleId: string) => string | undefined },
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
      blocks: roles.map((id) => blockFor(article, section, id, options.highlight?.(id))),
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
      role: owner ? roleName(article, owner) : '',
      otherRole: owner ? roleName(article, owner) : '',
    };
    const confidence = Math.min(0.97, 0.45 + 0.5 * (evidence.items[0]?.f1 ?? 0));
    // A bullet no role owns ("Points communs"): the shared list it belongs to answers.
    if (!owner) return this.section(evidence, section, [], 'list');
    if (shared) {
      return this.comparison(evidence, section, [owner, shared.roleId ?? ''].filter((id) => section.byRole[id]), {
        confidence,
        intro: [fill(this.dialogs.answers.itemFoundBoth, values)],
        reason: `bullet found for both roles: "${item.text}"`,
        highlight: (roleId) => (roleId === owner ? item.text : shared?.text),
      });
    }
    let lead = fill(this.dialogs.answers.itemFound, values);
    if (yesNo && askedRole) {
      lead = askedRole === owner
        ? fill(this.dialogs.answers.itemYes, values)
        : fill(this.dialogs.answers.itemNo, { ...values, role: roleName(article, askedRole), otherRole: roleName(article, owner) });
    }
    return {
      kind: 'list',
      article: article.id,
      section: section.id,
      roles: [owner],
      confidence,
      title: section.isDefinition
        ? fill(this.dialogs.answers.definitionTitle, { role: roleName(article, owner) })
        : fill(this.dialogs.answers.listTitle, { section: section.heading, role: roleName(article, owner) }),
      lead,
      intro: [],
      blocks: [blockFor(article, section, owner, item.text)],
      suggestions: this.suggester.afterList(article, section, owner),
      why: why(evidence, section.id, [owner], `bullet "${item.text}" (${evidence.items[0]?.matched.join(', ') ?? ''})`),
    };
  }
}

