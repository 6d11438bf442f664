/**
 * Finding the roles an article compares: their names (from the list headers and the title),
 * aliases and initialisms, and which role a header or paragraph is about.
 */
import { KnowledgeFileError } from '../errors.js';
import { fold } from '../text/normalize.js';
import type { Role, Section } from './knowledgeBase.js';

/** The list headers of one section, in order, with the section's line for error messages. */
export interface HeaderColumns {
  line: number;
  groups: { header: string }[];
}

const DETERMINERS = new Set(['le', 'la', 'les', 'l', 'un', 'une', 'du', 'des', 'de', 'd', 'pour', 'au', 'aux', 'chez', 'cote', 'a']);

/** "Différences entre un X et un Y" or "X vs Y : …" → [X, Y]. */
function rolesFromTitle(title: string): string[] {
  const cleaned = title.replace(/[?!.]+$/, '').trim();
  const between = /\bentre\s+(?:(?:un|une|le|la|les)\s+|l['’]\s*)?(.+?)\s+et\s+(?:(?:un|une|le|la|les)\s+|l['’]\s*)?(.+?)(?:\s*[:–—-]\s.*)?$/i.exec(cleaned);
  if (between) return [between[1]!.trim(), between[2]!.trim()];
  const versus = /^(?:(?:un|une|le|la)\s+)?(.+?)\s+(?:vs\.?|versus|ou|contre)\s+(?:(?:un|une|le|la)\s+)?(.+?)(?:\s*[:–—]\s.*)?$/i.exec(cleaned);
  if (versus) return [versus[1]!.trim(), versus[2]!.trim()];
  return [];
}

/** The longest run of words that ends every header of a column ("… du Chef de produit digital"). */
function commonSuffix(headers: string[]): string {
  // "de l’Ingénieur maintenance": the elided article is a word of its own, not part of the name's first word.
  const split = headers.map((header) => header.replace(/(^|\s)(l|d|qu)['’]/giu, '$1$2’ ').trim().split(/\s+/));
  const shortest = split.reduce((a, b) => (a.length <= b.length ? a : b));
  let length = 0;
  while (
    length < shortest.length &&
    split.every((parts) => fold(parts[parts.length - 1 - length]!) === fold(shortest[shortest.length - 1 - length]!))
  ) {
    length += 1;
  }
  const suffix = shortest.slice(shortest.length - length);
  while (suffix.length > 0 && DETERMINERS.has(fold(suffix[0]!).replace(/'$/, ''))) suffix.shift();
  // The elided articles split off for the comparison are glued back: "Chargé d’affaires".
  return suffix.join(' ').replace(/(^|\s)(l|d|qu)’ /giu, '$1$2’');
}

/** Content words that tell one name from the others. */
function distinctiveWords(name: string, others: string[]): Set<string> {
  const otherWords = new Set(others.flatMap((other) => fold(other).split(/[^a-z0-9]+/)));
  return new Set(fold(name).split(/[^a-z0-9]+/).filter((word) => word.length > 1 && !DETERMINERS.has(word) && !otherWords.has(word)));
}

/** How strongly a header names a role: share of the role's distinctive words found in it. */
function nameScore(header: string, distinctive: Set<string>): number {
  if (distinctive.size === 0) return 0;
  const headerWords = new Set(fold(header).split(/[^a-z0-9]+/));
  let found = 0;
  for (const word of distinctive) if (headerWords.has(word)) found += 1;
  return found / distinctive.size;
}

/**
 * Initialisms people use for a role: "Chef de produit digital" → "cpd", "cdpd";
 * "Responsable des relations publiques" → "rrp", "rp" (the run of its last words).
 */
export function abbreviationsOf(name: string, sharedWords: Set<string>): string[] {
  const parts = fold(name).split(/[^a-z0-9]+/).filter(Boolean);
  const content = parts.filter((part) => !DETERMINERS.has(part));
  const result = new Set<string>();
  if (content.length >= 2) result.add(content.map((part) => part[0]).join(''));
  // A run of the last words counts only if it does not start with a word every role has ("produit digital").
  for (let start = 1; start < content.length - 1; start += 1) {
    if (!sharedWords.has(content[start]!)) result.add(content.slice(start).map((part) => part[0]).join(''));
  }
  if (parts.length > content.length) result.add(parts.map((part) => part[0]).join(''));
  return [...result].filter((abbreviation) => abbreviation.length >= 2);
}

export interface RoleDraft {
  name: string;
  aliases: Set<string>;
}

/**
 * Finds the roles: list headers in the same position across sections name the same role
 * (their common ending is its name); the title's names become aliases.
 */
export function findRoles(file: string, title: string, sections: HeaderColumns[]): RoleDraft[] {
  const titleRoles = rolesFromTitle(title);
  const grouped = sections.filter((section) => section.groups.length >= 2);
  const width = grouped[0]?.groups.length ?? 0;
  const drafts: RoleDraft[] = [];
  if (width >= 2 && grouped.every((section) => section.groups.length === width)) {
    for (let column = 0; column < width; column += 1) {
      const name = commonSuffix(grouped.map((section) => section.groups[column]!.header));
      if (name === '') break;
      drafts.push({ name, aliases: new Set() });
    }
  }
  if (drafts.length < 2 || new Set(drafts.map((draft) => fold(draft.name))).size < drafts.length) {
    drafts.length = 0;
    for (const name of titleRoles) drafts.push({ name, aliases: new Set() });
  }
  if (drafts.length < 2) {
    throw new KnowledgeFileError(file, sections[0]?.line ?? 1, 'cannot find the two roles: the title should read "Différences entre un X et un Y" or the sections should hold one list per role ("X :" then nested bullets)');
  }
  // The title may name a role differently ("numérique" for "digital"): match exact names first, then by elimination.
  const unmatched = titleRoles.filter((titleRole) => !drafts.some((draft) => fold(draft.name) === fold(titleRole)));
  const free = drafts.filter((draft) => !titleRoles.some((titleRole) => fold(titleRole) === fold(draft.name)));
  for (const titleRole of unmatched) {
    const best = free
      .map((draft) => ({ draft, score: nameScore(titleRole, distinctiveWords(draft.name, drafts.filter((d) => d !== draft).map((d) => d.name))) }))
      .sort((a, b) => b.score - a.score)[0];
    const chosen = best && (best.score > 0 || free.length === 1 || unmatched.length === free.length) ? best.draft : undefined;
    if (chosen) {
      chosen.aliases.add(titleRole);
      free.splice(free.indexOf(chosen), 1);
    }
  }
  return drafts;
}

/** Which role a header or paragraph names, by the role's distinctive words; null when none or several tie. */
export function roleNamedIn(text: string, roles: Role[]): Role | null {
  const folded = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  const exact = roles
    .map((role) => ({ role, at: Math.min(...[role.name, ...role.aliases].map((name) => {
      const index = folded.indexOf(` ${fold(name).replace(/[^a-z0-9]+/g, ' ')} `);
      return index < 0 ? Infinity : index;
    })) }))
    .filter((hit) => hit.at !== Infinity)
    .sort((a, b) => a.at - b.at);
  if (exact.length > 0) return exact[0]!.role;
  const scored = roles
    .map((role) => ({
      role,
      score: Math.max(...[role.name, ...role.aliases].map((name) => nameScore(text, distinctiveWords(name, roles.filter((other) => other !== role).flatMap((other) => [other.name, ...other.aliases]))))),
    }))
    .sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  if (first && first.score > 0 && (!second || first.score > second.score)) return first.role;
  return null;
}

export function rolesMentioned(text: string, roles: Role[]): Role[] {
  const folded = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return roles.filter((role) => [role.name, ...role.aliases].some((name) => folded.includes(` ${fold(name).replace(/[^a-z0-9]+/g, ' ')} `)));
}

/**
 * The role a paragraph is about: the one it opens with ("L'Aide-soignant, lui, accompagne… sous la
 * responsabilité de l'Infirmier" is about the Aide-soignant), unless two roles open it together
 * ("Le CPD et le CPM remplissent…" is about both).
 */
export function subjectOf(text: string, roles: Role[]): Role | null {
  const folded = ` ${fold(text).replace(/[^a-z0-9]+/g, ' ')} `;
  const mentions = roles
    .flatMap((role) => [role.name, ...role.aliases].map((name) => ({ role, at: folded.indexOf(` ${fold(name).replace(/[^a-z0-9]+/g, ' ')} `), length: fold(name).length })))
    .filter((mention) => mention.at >= 0)
    .sort((a, b) => a.at - b.at);
  const first = mentions[0];
  if (!first) return null;
  const openingWords = folded.slice(0, first.at).trim().split(' ').filter(Boolean).length;
  if (openingWords > 3) return null;
  const next = mentions.find((mention) => mention.role !== first.role);
  if (next && /^\s*(?:et|ou)\s+(?:(?:le|la|l|un|une)\s+)?$/.test(folded.slice(first.at + first.length + 1, next.at + 1))) return null;
  return first.role;
}

/** True for a line that is only a role's name, with an article or "Pour le" before and a colon after. */
export function isRoleLabel(text: string, role: Role): boolean {
  const bare = fold(text).replace(/[^a-z0-9]+/g, ' ').trim().replace(/^(?:pour\s+)?(?:(?:le|la|les|l|un|une)\s+)?/, '');
  return [role.name, ...role.aliases].some((name) => fold(name).replace(/[^a-z0-9]+/g, ' ').trim() === bare);
}

/** "on parle aussi de commercial itinérant", "aussi appelé Product Owner": another name the article gives a role. */
const ALIAS_PATTERN = /(?:on (?:le |la )?(?:parle|nomme|appelle) (?:aussi|également|parfois)(?: de| d’| d')?|(?:aussi|également|parfois) (?:appelée?|nommée?|dite?)|(?:appelée?|nommée?|dite?) (?:aussi|également|parfois)|ou encore|autrement dit)\s+(?:(?:le|la|l’|l'|un|une|d’un|d'un|d’une|d'une)\s*)?([^(),.;:«»"]{2,60})/giu;
/** An alias is a short name, not a clause. */
const MAX_ALIAS_WORDS = 5;

/** Adds the other names a role's own paragraphs give it (in the section that defines the roles). */
export function addAliasesFromProse(roles: Role[], sections: Section[]): void {
  for (const section of sections.filter((candidate) => candidate.isDefinition)) {
    for (const role of roles) {
      for (const paragraph of section.byRole[role.id]?.prose ?? []) {
        for (const match of paragraph.matchAll(ALIAS_PATTERN)) {
          const alias = (match[1] ?? '').trim();
          const known = [role.name, ...role.aliases].some((name) => fold(name) === fold(alias));
          if (!known && alias.split(/\s+/).length <= MAX_ALIAS_WORDS) role.aliases.push(alias);
        }
      }
    }
  }
}

