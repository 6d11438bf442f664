/**
 * Parses one comparison article — the plain-text export format (headings as standalone
 * lines, `•` bullets nested by indentation) or Markdown — into an `Article`.
 * Nothing here is specific to one article: roles are found from the title and the list
 * headers, sections from the headings.
 */
import { KnowledgeFileError } from '../errors.js';
import { fold, slugify } from '../text/normalize.js';
import { abbreviationsOf, addAliasesFromProse, findRoles, isRoleLabel, roleNamedIn, rolesMentioned, subjectOf } from './findRoles.js';
import type { Article, Item, Role, RoleContent, Section } from './knowledgeBase.js';

type Block =
  | { type: 'heading'; text: string; line: number; level: number }
  | { type: 'paragraph'; text: string; line: number }
  | { type: 'bullet'; text: string; line: number; indent: number };

/** Lines that export tools insert between sections: links to other articles, not content. */
const NOISE = /^(?:[àa]\s+lire\s+aussi|lire\s+aussi|voir\s+aussi|[àa]\s+d[ée]couvrir|sur\s+le\s+m[êe]me\s+(?:th[èe]me|sujet)|articles?\s+(?:li[ée]s|similaires))\b/i;
const BULLET = /^(\s*)(?:[•◦▪▫‣∙·●○■□➢➤►▸–—*+-]|\d{1,2}[.)])\s+(.*)$/;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/** A heading is short and does not end like a sentence or a list lead-in. */
const MAX_HEADING_WORDS = 14;
const MAX_HEADING_CHARS = 100;

/** Strips Markdown emphasis, links and inline code so both formats give the same text. */
function plainText(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function looksLikeHeading(text: string): boolean {
  if (text.length > MAX_HEADING_CHARS || text.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  if (/[.:;,!…]$/.test(text)) return false;
  return /^[\p{Lu}\p{N}«"]/u.test(text);
}

/** Splits the file into headings, paragraphs and bullets, dropping noise lines. */
function readBlocks(source: string, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let inFrontMatter = markdown && lines[0]?.trim() === '---';
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (inFrontMatter) {
      if (index > 0 && raw.trim() === '---') inFrontMatter = false;
      return;
    }
    const expanded = raw.replace(/\t/g, '    ').replace(/\u00A0/g, ' ');
    const trimmed = expanded.trim();
    if (trimmed === '' || NOISE.test(trimmed) || /^(?:-{3,}|\*{3,}|_{3,})$/.test(trimmed)) return;
    if (markdown) {
      const heading = MARKDOWN_HEADING.exec(trimmed);
      if (heading) {
        blocks.push({ type: 'heading', text: plainText(heading[2] ?? ''), line, level: heading[1]!.length });
        return;
      }
      if (trimmed.startsWith('>')) {
        blocks.push({ type: 'paragraph', text: plainText(trimmed.replace(/^>\s*/, '')), line });
        return;
      }
    }
    const bullet = BULLET.exec(expanded);
    // "2. Les compétences requises" alone between blank lines is a numbered heading, not a list item.
    const numbered = /^\d{1,2}[.)]\s+(.*)$/.exec(trimmed);
    const alone = (lines[index - 1] ?? '').trim() === '' && (lines[index + 1] ?? '').trim() === '';
    if (!markdown && numbered && expanded === trimmed && alone && looksLikeHeading(plainText(numbered[1] ?? ''))) {
      blocks.push({ type: 'heading', text: plainText(numbered[1] ?? ''), line, level: 2 });
      return;
    }
    if (bullet) {
      blocks.push({ type: 'bullet', text: plainText(bullet[2] ?? ''), line, indent: bullet[1]!.length });
      return;
    }
    const text = plainText(trimmed);
    const previous = blocks[blocks.length - 1];
    // Markdown wraps paragraphs over several lines; a bullet's text may wrap too.
    if (markdown && previous && previous.line === line - 1 && previous.type !== 'heading' && !/^\s/.test(raw) === (previous.type === 'paragraph')) {
      previous.text = `${previous.text} ${text}`;
      previous.line = line;
      return;
    }
    if (!markdown && looksLikeHeading(text)) {
      blocks.push({ type: 'heading', text, line, level: 2 });
      return;
    }
    blocks.push({ type: 'paragraph', text, line });
  });
  return blocks;
}

interface RawGroup {
  /** The lead line without its trailing colon, e.g. "Responsabilités du Chef de produit digital". */
  header: string;
  /** Text after "Header :" on the same bullet, if any. */
  inline: string | null;
  items: Item[];
  line: number;
}

interface RawSection {
  heading: string;
  line: number;
  paragraphs: { text: string; line: number }[];
  groups: RawGroup[];
  looseItems: Item[];
}

/** Builds a tree of items from consecutive bullets, nesting by indentation. */
function nestBullets(bullets: Extract<Block, { type: 'bullet' }>[]): { item: Item; indent: number }[] {
  const roots: { item: Item; indent: number }[] = [];
  const stack: { item: Item; indent: number }[] = [];
  for (const bullet of bullets) {
    const node = { item: { text: bullet.text, children: [], line: bullet.line }, indent: bullet.indent };
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= bullet.indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.item.children.push(node.item);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

/** Splits "Chef de produit digital : Analyse" into a header and inline text. */
function splitHeader(text: string): { header: string; inline: string | null } | null {
  const colon = /^(.+?)\s*:\s*(.*)$/.exec(text);
  if (!colon) return null;
  const inline = colon[2]!.trim();
  return { header: colon[1]!.trim(), inline: inline === '' ? null : inline };
}

/** Turns the section's blocks into paragraphs, role groups (a header bullet with sub-bullets) and loose items. */
function readSection(heading: Extract<Block, { type: 'heading' }>, body: Block[]): RawSection {
  const section: RawSection = { heading: heading.text, line: heading.line, paragraphs: [], groups: [], looseItems: [] };
  let index = 0;
  let pendingLead: { text: string; line: number } | null = null;
  while (index < body.length) {
    const block = body[index]!;
    if (block.type === 'paragraph') {
      if (pendingLead) section.paragraphs.push(pendingLead);
      pendingLead = null;
      if (block.text.endsWith(':')) pendingLead = { text: block.text, line: block.line };
      else section.paragraphs.push({ text: block.text, line: block.line });
      index += 1;
      continue;
    }
    if (block.type !== 'bullet') {
      index += 1;
      continue;
    }
    const run: Extract<Block, { type: 'bullet' }>[] = [];
    while (index < body.length && body[index]!.type === 'bullet') {
      run.push(body[index] as Extract<Block, { type: 'bullet' }>);
      index += 1;
    }
    const roots = nestBullets(run);
    const groupsInRun = roots.filter(({ item }) => item.children.length > 0 || item.text.endsWith(':'));
    if (groupsInRun.length > 0) {
      if (pendingLead) section.paragraphs.push(pendingLead);
      let openGroup: RawGroup | null = null;
      for (const { item } of roots) {
        const split = splitHeader(item.text);
        if (item.children.length > 0 || item.text.endsWith(':')) {
          const group: RawGroup = { header: split ? split.header : item.text, inline: split?.inline ?? null, items: [...item.children], line: item.line };
          section.groups.push(group);
          // "• Chef de produit digital :" then its bullets at the same indentation: they are its items.
          openGroup = item.children.length === 0 ? group : null;
        } else if (split && split.inline) {
          section.groups.push({ header: split.header, inline: split.inline, items: [], line: item.line });
          openGroup = null;
        } else if (openGroup) {
          openGroup.items.push(item);
        } else {
          section.looseItems.push(item);
        }
      }
    } else if (pendingLead && roots.length > 0) {
      // "Pour le Chef de produit digital :" followed by plain bullets: the lead line is the header.
      section.groups.push({ header: pendingLead.text.replace(/\s*:$/, ''), inline: null, items: roots.map((root) => root.item), line: pendingLead.line });
    } else {
      for (const { item } of roots) {
        const split = splitHeader(item.text);
        if (split && split.inline) section.groups.push({ header: split.header, inline: split.inline, items: [], line: item.line });
        else section.looseItems.push(item);
      }
    }
    pendingLead = null;
  }
  if (pendingLead) section.paragraphs.push(pendingLead);
  return section;
}

const CONCLUSION_HEADING = /^(?:en\s+)?(?:conclusion|conclure|pour\s+conclure|en\s+resume|resume|synthese|bilan|en\s+bref|le\s+mot\s+de\s+la\s+fin)\b/;

function buildSection(file: string, raw: RawSection, roles: Role[], isLast: boolean): Section {
  const byRole: Record<string, RoleContent> = {};
  const contentFor = (role: Role): RoleContent => (byRole[role.id] ??= { items: [], prose: [] });
  const intro: string[] = [];
  const sharedItems: Item[] = [...raw.looseItems];
  for (const group of raw.groups) {
    const role = roleNamedIn(group.header, roles);
    if (!role) {
      // A list that names no role is shared by both (e.g. "Points communs :").
      sharedItems.push({ text: group.inline ? `${group.header} : ${group.inline}` : group.header, children: group.items, line: group.line });
      continue;
    }
    const content = contentFor(role);
    if (content.header === undefined) content.header = group.header;
    if (group.inline) content.items.push({ text: group.inline, children: [], line: group.line });
    content.items.push(...group.items);
  }
  let currentRole: Role | null = null;
  const proseOnly = raw.groups.length === 0;
  let labelled = false;
  // The conclusion speaks of both roles: its paragraphs stay whole, never split between them.
  const concludes = CONCLUSION_HEADING.test(fold(raw.heading));
  for (const paragraph of raw.paragraphs) {
    if (concludes) {
      intro.push(paragraph.text);
      continue;
    }
    const named = rolesMentioned(paragraph.text, roles);
    // "Chef de produit digital :" alone introduces the paragraphs that follow, whatever roles they name.
    const label = proseOnly && named.length === 1 && isRoleLabel(paragraph.text, named[0]!);
    if (label) {
      currentRole = named[0]!;
      labelled = true;
      continue;
    }
    if (!labelled) {
      const subject = named.length === 1 ? named[0]! : named.length > 1 ? subjectOf(paragraph.text, roles) : undefined;
      if (proseOnly && subject) currentRole = subject;
      else if (named.length !== 0) currentRole = null;
    }
    if (proseOnly && currentRole && (labelled || named.length <= 1 || subjectOf(paragraph.text, roles) === currentRole)) contentFor(currentRole).prose.push(paragraph.text);
    else intro.push(paragraph.text);
  }
  const folded = fold(raw.heading);
  const isConclusion = CONCLUSION_HEADING.test(folded) || (isLast && proseOnly && Object.keys(byRole).length === 0);
  const everyRoleHasProse = roles.every((role) => (byRole[role.id]?.prose.length ?? 0) > 0);
  // A prose section with one paragraph per role defines the roles, whatever its heading says.
  const isDefinition = !isConclusion && proseOnly && everyRoleHasProse;
  const section: Section = { id: slugify(raw.heading), heading: raw.heading, line: raw.line, intro, byRole, sharedItems, isConclusion, isDefinition };
  if (intro.length === 0 && sharedItems.length === 0 && Object.keys(byRole).length === 0) {
    throw new KnowledgeFileError(file, raw.line, `section "${raw.heading}" is empty: a heading must be followed by text or bullets`);
  }
  return section;
}

/** Parses an article file's text. `file` is used in ids and error messages. */
export function parseArticle(source: string, file: string): Article {
  const markdown = /\.(?:md|markdown)$/i.test(file) || /^#\s/m.test(source);
  const blocks = readBlocks(source, markdown);
  if (blocks.length === 0) throw new KnowledgeFileError(file, 1, 'the file is empty');

  let category: string | undefined;
  let title: string | undefined;
  let cursor = 0;
  if (markdown) {
    // Headings below the section level ("### Chef de produit digital" under "## Compétences") introduce a
    // role's list or paragraph, like "Chef de produit digital :" in the text export.
    const sectionLevel = Math.min(...blocks.flatMap((block) => (block.type === 'heading' && block.level > 1 ? [block.level] : [])));
    blocks.forEach((block, position) => {
      if (block.type === 'heading' && block.level > sectionLevel) {
        blocks[position] = { type: 'paragraph', text: block.text.endsWith(':') ? block.text : `${block.text} :`, line: block.line };
      }
    });
    const h1 = blocks.findIndex((block) => block.type === 'heading' && block.level === 1);
    if (h1 < 0) throw new KnowledgeFileError(file, 1, 'no title: a Markdown article starts with "# Title"');
    const before = blocks.slice(0, h1).filter((block) => block.type !== 'bullet');
    if (before.length > 0) category = before[0]!.text;
    title = blocks[h1]!.text;
    cursor = h1 + 1;
  } else {
    const [first, second] = blocks;
    if (!first || first.type !== 'heading') throw new KnowledgeFileError(file, first?.line ?? 1, 'no title: the first line should be the title (or a category line, then the title)');
    if (second && second.type === 'heading' && blocks[2]?.type !== 'bullet') {
      category = first.text;
      title = second.text;
      cursor = 2;
    } else {
      title = first.text;
      cursor = 1;
    }
  }

  const intro: string[] = [];
  while (cursor < blocks.length && blocks[cursor]!.type !== 'heading') {
    const block = blocks[cursor]!;
    if (block.type === 'bullet') throw new KnowledgeFileError(file, block.line, 'a bullet before the first heading: put lists inside a section');
    intro.push(block.text);
    cursor += 1;
  }

  const rawSections: RawSection[] = [];
  while (cursor < blocks.length) {
    const heading = blocks[cursor] as Extract<Block, { type: 'heading' }>;
    cursor += 1;
    const body: Block[] = [];
    while (cursor < blocks.length && blocks[cursor]!.type !== 'heading') {
      body.push(blocks[cursor]!);
      cursor += 1;
    }
    rawSections.push(readSection(heading, body));
  }
  if (rawSections.length === 0) throw new KnowledgeFileError(file, blocks[0]!.line, 'no section: headings must stand alone on their line');

  const drafts = findRoles(file, title, rawSections);
  const wordSets = drafts.map((draft) => new Set(fold(draft.name).split(/[^a-z0-9]+/).filter(Boolean)));
  const sharedWords = new Set([...(wordSets[0] ?? [])].filter((word) => wordSets.every((set) => set.has(word))));
  const initialisms = drafts.map((draft) => new Set([draft.name, ...draft.aliases].flatMap((name) => abbreviationsOf(name, sharedWords))));
  // An initialism two roles share ("cp" for both chefs de produit) names neither.
  const shared = (abbreviation: string) => initialisms.filter((set) => set.has(abbreviation)).length > 1;
  const roles: Role[] = drafts.map((draft, index) => ({
    id: slugify(draft.name),
    name: draft.name,
    aliases: [...draft.aliases],
    abbreviations: [...initialisms[index]!].filter((abbreviation) => !shared(abbreviation)),
  }));
  const sections = rawSections.map((raw, index) => buildSection(file, raw, roles, index === rawSections.length - 1));
  addAliasesFromProse(roles, sections);
  const seen = new Map<string, number>();
  for (const section of sections) {
    const first = seen.get(section.id);
    if (first !== undefined) throw new KnowledgeFileError(file, section.line, `two sections have the same id "${section.id}" (first at line ${first})`);
    seen.set(section.id, section.line);
  }
  if (!sections.some((section) => Object.keys(section.byRole).length > 0)) {
    throw new KnowledgeFileError(file, sections[0]!.line, 'no section names a role: each role needs its own list ("X :" then bullets) or paragraph');
  }
  const conclusion = sections.find((section) => section.isConclusion)?.intro ?? [];
  const name = file.split(/[\\/]/).pop() ?? file;
  return { id: slugify(name.replace(/\.[^.]+$/, '')), file, category, title, intro, roles, sections, conclusion };
}
