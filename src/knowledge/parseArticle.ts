/**
 * Parses one comparison article — Markdown (through its syntax tree) or the plain-text export —
 * into an `Article` of sections made of typed blocks: a role's list, a shared list, a table, prose.
 * Nothing here is specific to one article or one house style: roles come from the title and the
 * labels; a label is any line that introduces content ("Compétences du X :", "**X**", "### X",
 * "Pour la X :", "Côté X :", a bullet with sub-bullets); tables give each cell to the role of its
 * column or row.
 */
import { KnowledgeFileError } from '../errors.js';
import type { LanguagePack, WordClass } from '../language/languagePack.js';
import { conceptsOfText, type Lexicon } from '../language/lexicon.js';
import { masculine, spelledOutFeminines, withoutInclusiveEndings, withoutSlashedGenders } from '../text/morphology.js';
import { fold, sharedStartLength, slugify, stem, words } from '../text/normalize.js';
import { doubts, problems } from './checkerMessages.js';
import { QUOTED_NAME, aliasesInProse, bareName, labelRolesNicknamed, namesDesignated, namesGivenInClauses, namesInApposition, namesInDashedAside, namesInParallelList, bracketedInitialisms, clippedNicknames, bracketedNicknames, findRoles, isFeminine, jobTitlesForTrades, nameKey, namesInTitle, namesInUse, namesOneOf, nicknamesFor, quotedNames, roleEndingLabel, roleNamedIn, roleOpeningLabel, rolesMentionedIn, spellOutInitialisms, subjectOf, withAbbreviations, writtenWords, type LabelOccurrence } from './findRoles.js';
import { colonLead, type Article, type Block, type Diagnostic, type Item, type Role, type RoleContent, type Section, type TableCell } from './knowledgeBase.js';
import { readMarkdown } from './readMarkdown.js';
import { readTextExport } from './readTextExport.js';
import { squeeze, type LabelledText, type SourceItem, type SourceNode } from './sourceNodes.js';

/** A lead-in line longer than this is a sentence ending with a colon, not a label. */
const MAX_LABEL_WORDS = 12;
/** Table cells that say "nothing here", a cross of a who-does-what matrix ("✘", "❌") among them. */
const EMPTY_CELL = /^(?:[-–—/×x?]|n\/a|[✘✗❌✖]\uFE0F?|)$/iu;
/** A tick in a who-does-what matrix ("✔", "✅"): the role does what the row (or column) label says. */
const TICK_CELL = /^[✔✓✅☑]\uFE0F?$/u;

type Heading = Extract<SourceNode, { type: 'heading' }>;

interface RawSection {
  heading: Heading;
  body: SourceNode[];
  /** The same subject's sub-headings under the other roles of an article organised role first ("Ses missions"). */
  otherHeadings?: string[];
}

/** A section heading without its number ("2. Formation", "II – Formation", "1.2 Les cas difficiles"). */
function headingText(text: string, pack: LanguagePack): string {
  // "Article 1 – Missions", "Partie II : Formation": the word a numbered heading opens on goes with its number.
  const [first, second] = text.split(/\s+/);
  const numberWord = first !== undefined && second !== undefined && pack.has('numberedHeadingWords', words(first).join(' ')) && /^(?:\d{1,2}|[IVX]{1,5})\b/.test(second);
  return (numberWord ? text.slice(first.length).trimStart() : text).replace(/^(?:(?:\d{1,2}|[IVX]{1,5})\s*[.):–—-]|\d{1,2}(?:\.\d{1,2})+\.?(?:\s+[–—-])?)\s+/, '').trim();
}

function isNoise(text: string, pack: LanguagePack): boolean {
  return pack.prefixLength('noiseLines', words(text)) > 0;
}

/** What ends a lead-in: a colon, or a dash after a space ("Conseiller de vente —"). */
const LEAD_IN_END = /(?:\s*:|\s+[-–—])\s*$/;

/** A line written as a question ("Les nuits sont-elles majorées ?"): it asks, it names no role. */
function isQuestion(text: string): boolean {
  return /\?\s*$/.test(text);
}

/** The forms of a name written in both genders ("Éditeur / éditrice"), or the name alone. */
function nameForms(text: string): string[] {
  // "Chargé·e de recrutement", "le/la chargé(e)": the name in the masculine, as roles are named.
  return withoutInclusiveEndings(text).split(/\s+\/\s+/);
}

/** True when a heading or label holds a phrase of the word class ("Points communs" for sharedCues). */
function says(text: string, wordClass: WordClass, pack: LanguagePack): boolean {
  return words(text).some((_, at, folded) => pack.prefixLength(wordClass, folded, at) > 0);
}

/** A line ending with a colon or a dash, short enough to introduce content rather than say something. */
function isLeadIn(text: string): boolean {
  return LEAD_IN_END.test(text) && text.split(/\s+/).length <= MAX_LABEL_WORDS;
}

function withoutColon(text: string): string {
  return text.replace(LEAD_IN_END, '').trim();
}

/** A bold lead that stands alone ("**Assistant RH**") or a lead-in line ("Pour la Chargée de formation :"). */
function paragraphLabel(paragraph: LabelledText): string | null {
  if (paragraph.strongLead !== undefined && paragraph.afterLead === '') return paragraph.strongLead;
  if (isLeadIn(paragraph.text)) return withoutColon(paragraph.text);
  return null;
}

/** A longer sentence leading into a list ("Quant à l'agent de restauration, son poste est organisé ainsi :"), up to this many words. */
const MAX_LEAD_IN_SENTENCE_WORDS = 2 * MAX_LABEL_WORDS;

/** The sentence without its colon when it leads into a list yet is too long for a label; null otherwise. */
function leadInSentence(text: string): string | null {
  const length = text.split(/\s+/).length;
  return LEAD_IN_END.test(text) && length > MAX_LABEL_WORDS && length <= MAX_LEAD_IN_SENTENCE_WORDS ? withoutColon(text) : null;
}

/** A list item that heads a group: it has sub-bullets, ends with a colon, or is only a bold label. */
function itemLabel(item: SourceItem): string | null {
  if (item.strongLead !== undefined && item.afterLead === '') return item.strongLead;
  if (isLeadIn(item.text)) return withoutColon(item.text);
  if (item.children.length > 0 && item.text.split(/\s+/).length <= MAX_LABEL_WORDS) return item.text;
  return null;
}

/** "Rôle : texte" or "**Rôle** : texte": the label part and the text part, when the line is written so. */
function inlineLabel(entry: LabelledText): { label: string; text: string } | null {
  if (entry.strongLead !== undefined && entry.afterLead) return { label: entry.strongLead, text: entry.afterLead };
  const colon = colonLead(entry.text);
  // "Traducteur confirmé (3 à 8 ans d'expérience) : …": an aside in brackets does not make the label a sentence.
  if (!colon || colon.lead.replace(/\s*\([^()]*\)/g, '').split(/\s+/).length > MAX_LABEL_WORDS / 2) return null;
  return { label: colon.lead, text: colon.rest };
}

/**
 * What a paragraph opened by a role's label says of the role: the words after a label ("**Commis** : …"), the whole
 * sentence when the bold name is its subject and the sentence goes on from it ("**Le commis** commence plus tôt").
 */
function afterRoleLabel(paragraph: LabelledText, inline: { label: string; text: string }): string {
  const lead = paragraph.strongLead;
  const subject = lead !== undefined && paragraph.text.startsWith(lead) && /^\s\p{Ll}/u.test(paragraph.text.slice(lead.length));
  return subject ? paragraph.text : inline.text;
}

/** Whether what follows a role's label opens that role's content: a short tagline, or a lead-in ending with a colon. */
function opensRoleContent(afterLabel: string): boolean {
  return isLeadIn(afterLabel) || afterLabel.split(/\s+/).length <= MAX_LABEL_WORDS;
}

/** Points a writer strings on one line, separated by semicolons: three or more, each of a few words, none a sentence of its own. */
const MIN_POINTS_ON_ONE_LINE = 3;
const MAX_POINT_WORDS = 20;
function pointsOnOneLine(text: string): string[] | null {
  const points = text.replace(/[.;]\s*$/, '').split(/\s*;\s*/).map((point) => point.trim());
  const short = points.every((point) => point !== '' && point.split(/\s+/).length <= MAX_POINT_WORDS && !/[.!?]\s/.test(point));
  return points.length >= MIN_POINTS_ON_ONE_LINE && short ? points : null;
}

function toItems(items: readonly SourceItem[]): Item[] {
  return items.map((item) => ({ text: item.text, line: item.line, children: toItems(item.children) }));
}

/** Every line of a section that may name a role: the labels the role finder reads. */
function labelsOf(section: RawSection, index: number, sectionLevel: number, pack: LanguagePack, titleNames: readonly string[]): LabelOccurrence[] {
  const found: LabelOccurrence[] = [];
  // A glossary's terms ("**GLPI** : outil de gestion des tickets") are words of the trade, not roles.
  if (says(section.heading.text, 'glossaryHeadings', pack)) return found;
  // A line written as a question ("**Un rédacteur peut-il devenir secrétaire de mairie ?**", a FAQ) is no label of
  // a role's own (a title's name it writes counts as said), nor is a label of what the roles share or of a summary ("Points communs" as a table's last column,
  // "**En résumé :**" under every table).
  // "Éditeur / éditrice": a name in both genders is two forms of one name.
  const add = (text: string | null | undefined, line: number, inline = false) => {
    if (text && isQuestion(text)) {
      // "Que fait l'exploitant transport au quotidien ?" heading a list: it writes one of the title's names, as a
      // paragraph opening on it would (it counts only for a name no label writes).
      const named = titleNames.filter((name) => namesOneOf(text, [name], pack));
      if (named.length === 1) found.push({ text: named[0]!, section: index, line, subject: true });
      return;
    }
    if (!text || isNoise(text, pack) || says(text, 'sharedCues', pack) || pack.prefixLength('conclusionHeadings', words(text), 0) > 0 || pack.prefixLength('calloutLabels', words(text), 0) > 0) return;
    // "Au quotidien, le cuisinier doit :", "Les compétences d'un bon cuisinier sont les suivantes :": a sentence
    // that leads into a list and writes one of the title's names inside it writes that name, and no other.
    const inside = titleNames.filter((name) => namesOneOf(text, [name], pack));
    // So does a label that puts someone's name before the role's: "**Julie, éducatrice sportive** :".
    if (inside.length === 1 && isSentence(text, pack) && (text.includes(',') || !endsWithName(text, inside[0]!, pack))) {
      found.push({ text: inside[0]!, section: index, line, subject: true });
      return;
    }
    for (const form of nameForms(text)) found.push({ text: form, section: index, line, inline });
  };
  const fromItems = (items: readonly SourceItem[]) => {
    for (const item of items) {
      // A bullet that only groups sub-bullets ("Corriger les épreuves", then the tasks) names a role by its whole
      // text ("Le Conseiller de vente"), never by the words after an article inside it ("les épreuves").
      const grouping = item.children.length > 0 && item.strongLead === undefined && !isLeadIn(item.text);
      add(itemLabel(item), item.line, grouping);
      add(inlineLabel(item)?.label, item.line, true);
    }
  };
  for (const node of section.body) {
    // "### 2.1 – Emploi de déménageur": a sub-heading's number is no part of the name it writes.
    if (node.type === 'heading' && node.level > sectionLevel) add(withoutColon(headingText(node.text, pack)), node.line);
    else if (node.type === 'paragraph') {
      add(paragraphLabel(node) ?? leadInSentence(node.text), node.line);
      add(node.strongLead !== undefined ? node.strongLead : undefined, node.line);
    } else if (node.type === 'list') fromItems(node.items);
    else if (node.type === 'table') {
      // A table whose columns are the title's roles has criteria as rows ("Gestion", "Commerce"), and the reverse.
      const titled = (cells: readonly (string | undefined)[]) => cells.filter((cell) => cell !== undefined && namesOneOf(cell, titleNames, pack)).length >= 2;
      const firstColumn = node.rows.map((row) => (row[0] === undefined ? undefined : squeeze(row[0])));
      if (!titled(firstColumn)) node.header.slice(1).forEach((cell) => add(cell, node.line));
      if (!titled(node.header.slice(1))) firstColumn.forEach((cell) => add(cell, node.line));
    }
  }
  return found;
}

/** True when a label ends on the name ("Missions du cuisinier"), not when the name is inside it ("Au quotidien, le cuisinier doit"). */
function endsWithName(text: string, name: string, pack: LanguagePack): boolean {
  const key = nameKey(text, pack);
  const nameParts = nameKey(name, pack);
  return nameParts.length > 0 && nameParts.every((part, at) => key[key.length - nameParts.length + at] === part);
}

/**
 * A label with a comma, an auxiliary verb or more than this many words is a sentence ("Un cuisinier expérimenté peut
 * prétendre à"), not a longer name ("Conservateur des bibliothèques" beside the title's "Conservateur").
 */
const MAX_NAME_LABEL_WORDS = 6;
function isSentence(text: string, pack: LanguagePack): boolean {
  return text.includes(',') || text.split(/\s+/).length > MAX_NAME_LABEL_WORDS || words(text).some((word) => pack.has('auxiliaryVerbs', word));
}

/** The roles the title's names stand for, before the labels confirm them: each name as written, nothing more. */
function titleRoles(names: readonly string[]): Role[] {
  return names.map((name) => ({ id: slugify(name), name, aliases: [], abbreviations: [], feminine: false }));
}

/**
 * Paragraphs that open on a name the title gives ("Le CPE organise…", "L'assistant d'éducation surveille…"),
 * read as labels of that name: an article written as prose, one paragraph per role, names its roles no other way.
 */
function subjectsNamedInTitle(sections: readonly RawSection[], title: string, pack: LanguagePack): LabelOccurrence[] {
  const named = titleRoles(namesInTitle(title, pack));
  if (named.length === 0) return [];
  // "… le conseiller pénitentiaire d'insertion et de probation (CPIP) …" in the title: « Pour sa part, le CPIP … ».
  bracketedInitialisms(named, [], pack, title);
  return sections.flatMap((section, index) =>
    section.body.flatMap((node) => {
      if (node.type !== 'paragraph' || paragraphLabel(node) !== null) return [];
      const subject = subjectOf(node.text, named, pack);
      return subject ? [{ text: subject.name, section: index, line: node.line, inline: true, subject: true }] : [];
    }),
  );
}

/** One entry of a table's key: a code of one to three characters, « = », what it means. */
const LEGEND_ENTRY = /^\s*(?:\p{L}[\p{L} ]*:\s*)?([^\s=]{1,3})\s*=\s*(\S.*?)\s*\.?\s*$/u;
/** What separates a key's entries: « · », « ; », « | », a bullet, a line break, or a comma before the next code. */
const LEGEND_SEPARATOR = /[·;|•\n]|,(?=\s*[^\s=,]{1,3}\s*=)/u;
/** What joins several codes in one cell: « R/A », « R + A », « R, A ». */
const CODE_JOINS = /\s*[/+,&]\s*|\s+/u;

/**
 * The key of a section's table ("Légende : R = Réalise l'activité · A = Approuve et rend des comptes · — = non
 * concerné"), from the paragraphs where writers put it: each code with its meaning. Every piece of the paragraph must
 * read as « code = meaning », two at least; a sentence that merely holds « = » is no key.
 */
export function tableKeyOf(body: readonly SourceNode[]): Map<string, string> {
  const key = new Map<string, string>();
  for (const node of body) {
    if (node.type !== 'paragraph') continue;
    const entries = node.text.split(LEGEND_SEPARATOR).filter((piece) => piece.trim() !== '').map((piece) => LEGEND_ENTRY.exec(piece));
    if (entries.length < 2 || entries.some((entry) => entry === null)) continue;
    for (const entry of entries) key.set(entry![1]!, entry![2]!);
  }
  return key;
}

/** A cell made only of a key's codes ("R/A"), said in words: « Réalise l'activité ; Approuve et rend des comptes (R/A) ». */
function cellInWords(text: string, key: ReadonlyMap<string, string>): string {
  if (key.size === 0) return text;
  const codes = text.trim().split(CODE_JOINS).filter((code) => code !== '');
  if (codes.length === 0 || !codes.every((code) => key.has(code))) return text;
  return `${codes.map((code) => key.get(code)!).join(' ; ')} (${text.trim()})`;
}

/** A label that is the page's own word: a conclusion (« En résumé ») or a call-out (« À noter », « P.S. »). */
function saysAside(label: string, pack: LanguagePack): boolean {
  const folded = words(label);
  return pack.prefixLength('conclusionHeadings', folded, 0) === folded.length || pack.prefixLength('calloutLabels', folded, 0) === folded.length || pack.has('calloutLabels', label.toLowerCase().replace(/[^\p{L}]/gu, ''));
}

/** Who a list belongs to: one role, several, every role, or no one the parser can tell. */
type Owner = Role | readonly Role[] | 'shared' | null;

/** Reads a section's nodes into blocks, giving each piece to the role its label or sentence names. */
class SectionBuilder {
  readonly blocks: Block[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Prose blocks that are one clause of a sentence shared out between roles: no role's own paragraph. */
  readonly clauses = new Set<Block>();
  /** The roles with their head words as names, computed once ({@link rolesByHead}). */
  private headNamed: Role[] | undefined;
  /** The role the last label named: following lists and paragraphs are its own. */
  private current: Role | 'shared' | null = null;
  /** The label that named `current`, kept as its list's header ("Pour l’Infirmier"). */
  private currentHeader: string | undefined;
  /** A label that named no role: the header of the shared list that may follow. */
  private pendingHeader: { text: string; line: number } | null = null;
  /**
   * A lead-in sentence that named no role ("Les compétences varient selon le poste :"): it heads the
   * plain list that follows, or it is a sentence of the section when role lists follow.
   */
  private pendingLead: { text: string; line: number } | null = null;
  /** A paragraph opening on a role led into that role's list: the section's paragraphs open the roles' parts. */
  private paragraphsOpenRoles = false;
  /** The current role's label opened a quoted box: the box's paragraphs are that role's. */
  private labelInQuote = false;
  /** The role the last sub-heading named ("### Emploi de déménageur"): its part runs to the next heading. */
  private headingRole: Role | null = null;
  /** The current role was named by a sentence leading into its list, not by a label. */
  private headedBySentence = false;
  /** The key of the section's tables, read when the first table comes ({@link tableKeyOf}). */
  private tableKey: Map<string, string> | undefined;

  constructor(
    private readonly raw: RawSection,
    private readonly roles: readonly Role[],
    private readonly pack: LanguagePack,
    private readonly sectionLevel: number,
    private readonly concludes: boolean,
    /** Sub-headings that head a theme of the section ("### Savoir-faire"): no role label is missing there. */
    private readonly themeLines: ReadonlySet<number> = new Set(),
  ) {}

  private roleOf(label: string): Role | null {
    // "Éditeur / éditrice": either form names the role.
    for (const form of nameForms(label)) {
      const role = roleNamedIn(form, this.roles, this.pack);
      if (role) return role;
    }
    return tradeLabelRole(label, this.roles, this.pack);
  }

  private isShared(label: string): boolean {
    return says(label, 'sharedCues', this.pack);
  }

  /** The lead-in waiting for a list, said as a sentence of the section after all. */
  private flushLead(): void {
    if (this.pendingLead) this.prose(this.pendingLead.text, this.pendingLead.line, null);
    this.pendingLead = null;
  }

  /** A label line: it opens a role's content, the shared content, or (naming nothing) a plain sub-heading. */
  private label(text: string, line: number, lookingLikeRole: boolean): void {
    this.headedBySentence = false;
    const role = this.roleOf(text);
    if (role) {
      this.current = role;
      this.currentHeader = text;
      this.pendingHeader = null;
      return;
    }
    // "Pour l'opérateur, …" then "En pratique :" and a list: a lead-in that names no role, right after a role's
    // paragraph, heads more of that role's content.
    const last = this.blocks[this.blocks.length - 1];
    const paragraphRole = last?.type === 'prose' ? (last.roleId ?? subjectOf(last.text, this.roles, this.pack)?.id ?? null) : null;
    // After one paragraph per role and no list between them ("**Le chocolatier** travaille…", "**Le vendeur**
    // travaille…", then "Les temps forts de l'année :"), the lead-in heads the section's own list, not the last role's.
    const beforeLast = this.blocks[this.blocks.length - 2];
    const afterRoleParagraphs = beforeLast?.type === 'prose' && beforeLast.roleId !== null && beforeLast.roleId !== paragraphRole;
    if (!lookingLikeRole && last?.type === 'prose' && paragraphRole !== null && !afterRoleParagraphs && !this.isShared(text)) {
      // The paragraph the lead-in follows was about that role, even where paragraphs are read as the section's.
      last.roleId = paragraphRole;
      this.paragraphsOpenRoles = true;
      this.current = this.roles.find((candidate) => candidate.id === paragraphRole) ?? null;
      this.currentHeader = text;
      this.pendingHeader = null;
      return;
    }
    // "### 3.1 – Emploi de déménageur" then "Le titulaire de l'emploi :" and a list: under a role's own sub-heading, a
    // lead-in that names no role heads more of that role's content, until the next heading.
    if (!lookingLikeRole && this.headingRole !== null && !this.isShared(text)) {
      this.current = this.headingRole;
      this.currentHeader = text;
      this.pendingHeader = null;
      return;
    }
    this.current = this.isShared(text) ? 'shared' : null;
    this.currentHeader = undefined;
    this.pendingHeader = { text, line };
    if (lookingLikeRole && this.current === null && !this.concludes && !this.themeLines.has(line)) {
      this.diagnostics.push({ line, severity: 'doubt', message: doubts.labelWithoutRole(text, this.roles.map((candidate) => candidate.name)) });
    }
  }

  private prose(text: string, line: number, roleId: string | null): void {
    this.blocks.push({ type: 'prose', roleId, text, line });
  }

  private list(owner: Owner, header: string | undefined, items: Item[], ordered: boolean, line: number): void {
    if (items.length === 0) {
      if (owner && owner !== 'shared') this.diagnostics.push({ line, severity: 'doubt', message: doubts.emptyList(header ?? (Array.isArray(owner) ? owner : [owner]).map((role) => role.name).join(', ')) });
      return;
    }
    // A list two roles share ("Conducteur et contrôleur :") is each one's list.
    if (Array.isArray(owner)) for (const role of owner) this.blocks.push({ type: 'roleList', roleId: role.id, ...(header ? { header } : {}), items, ordered, line });
    else if (owner && owner !== 'shared') this.blocks.push({ type: 'roleList', roleId: (owner as Role).id, ...(header ? { header } : {}), items, ordered, line });
    else this.blocks.push({ type: 'sharedList', ...(header ? { header } : {}), items, ordered, line });
  }

  /**
   * Whom a list header gives its list to: one role, several ("Conducteur et contrôleur :", fewer than all of
   * them), every role ('shared', "Points communs"), or no one it can tell.
   */
  private ownerOf(label: string): Owner {
    const several = rolesMentionedIn(label, this.roles, this.pack);
    if (several.length >= 2) return several.length < this.roles.length ? several : 'shared';
    return this.roleOf(label) ?? (this.isShared(label) ? 'shared' : null);
  }

  private paragraph(node: Extract<SourceNode, { type: 'paragraph' }>, proseOnly: boolean): void {
    // A line of the page's own ("Notes de l'intervenant :", "À lire aussi") ends the role's part it follows.
    if (isNoise(node.text, this.pack)) {
      this.flushLead();
      this.current = null;
      this.currentHeader = undefined;
      return;
    }
    this.flushLead();
    // "En résumé : la nivo FAIT la neige…", "P.S. : les deux services recrutent…" after the last role's list: the
    // page's own word (a conclusion or a call-out label), not that role's unless it is about that role ("À noter : le
    // correcteur ne réécrit pas"); it ends the role's part.
    const aside = inlineLabel(node);
    if (aside && this.current !== null && saysAside(aside.label, this.pack) && (this.current === 'shared' || subjectOf(aside.text, this.roles, this.pack) !== this.current)) {
      this.current = null;
      this.currentHeader = undefined;
      this.prose(node.text, node.line, null);
      return;
    }
    const label = paragraphLabel(node);
    // A long sentence leading into a list that names one role heads that role's list.
    const sentence = label === null ? leadInSentence(node.text) : null;
    if (sentence !== null && rolesMentionedIn(sentence, this.roles, this.pack).length === 1) {
      this.label(sentence, node.line, false);
      this.headedBySentence = true;
      return;
    }
    if (label !== null) {
      this.label(label, node.line, node.strongLead !== undefined);
      this.labelInQuote = node.quote && this.current !== null && this.current !== 'shared';
      if (node.strongLead === undefined && this.roleOf(label) === null) this.pendingLead = { text: node.text, line: node.line };
      return;
    }
    // "> 💡 À retenir : le client parle au chef de projet…" after the last role's list: a call-out of the section,
    // not that role's, unless it is about that role.
    // A box that opens on the role's label ("> 🏛️ **L'architecte**" then "> Diplômé d'État, il…") is that role's.
    const callOut = node.quote && !this.labelInQuote && this.current !== null && this.current !== 'shared' && subjectOf(node.text, this.roles, this.pack) !== this.current;
    if (this.concludes || callOut) {
      this.prose(node.text, node.line, null);
      return;
    }
    const inline = inlineLabel(node);
    const inlineRole = inline ? roleEndingLabel(inline.label, this.roles, this.pack) : null;
    // "**Préparateur** : accueil au comptoir ; délivrance sous contrôle ; …": a list written on one line.
    const points = inline && inlineRole ? pointsOnOneLine(inline.text) : null;
    if (inline && inlineRole && points) {
      this.list(inlineRole, inline.label, points.map((text) => ({ text, line: node.line, children: [] })), false, node.line);
      return;
    }
    if (inline && inlineRole) {
      this.prose(afterRoleLabel(node, inline), node.line, inlineRole.id);
      // "**Régisseur** — côté lieu et technique." then a numbered list: a short tagline (or a lead-in ending with a
      // colon) opens the role's content, and the list that follows is its own.
      if (opensRoleContent(inline.text)) {
        this.current = inlineRole;
        this.currentHeader = undefined;
        this.pendingHeader = null;
      }
      return;
    }
    // A paragraph that opens on another role ends the current role's part: "Pour le technicien, …" after the
    // operator's « En pratique : » list.
    const opener = this.current && this.current !== 'shared' ? subjectOf(node.text, this.roles, this.pack) : null;
    // After a sentence that led into a role's list ("Pour un poste de technicien qualité, nous recrutons… :"), the
    // next role's paragraph ("L'opérateur de conditionnement peut arriver avec un CAP…") ends it too, and so does one
    // that turns to the other role on purpose ("Chez le chef de tir, …", "Le chef de tir, lui, …") after any label.
    const turns = opener !== null && opener !== this.current && turnsToRole(node.text, this.roles, this.pack);
    if (opener && opener !== this.current && (turns || (this.currentHeader !== undefined && (this.headedBySentence || !this.roleOf(this.currentHeader))))) {
      this.current = null;
      this.currentHeader = undefined;
    }
    if (this.current && this.current !== 'shared') {
      this.prose(node.text, node.line, this.current.id);
      return;
    }
    // In a section of prose, a paragraph that opens with one role is about that role; one that turns to another
    // role in a later sentence ("Pour un géomètre, … . Le dessinateur-projeteur, lui, …") is split there.
    if (!proseOnly || this.current !== null) {
      this.prose(node.text, node.line, null);
      return;
    }
    for (const part of this.partsByRole(node.text)) {
      this.prose(part.text, node.line, part.roleId);
      if (part.clause) this.clauses.add(this.blocks.at(-1)!);
    }
  }

  /** A paragraph's sentences grouped by the role each group opens on (the first group may have none). */
  private partsByRole(text: string): { text: string; roleId: string | null; clause?: boolean }[] {
    const parts: { text: string; roleId: string | null; clause?: boolean }[] = [];
    for (const sentence of text.split(/(?<=[.!?…])\s+(?=\p{Lu})/u)) {
      // A sentence that opens on no role named whole may give each role a clause ("À l'automne, l'ouvrier termine…, le
      // chef de culture dresse…"); one that opens on a role, by its whole name or a part of it, is about that role.
      const clauses = subjectOf(sentence, this.roles, this.pack, { wholeNamesOnly: true }) === null ? this.clausesByRole(sentence) : [];
      if (clauses.length >= 2) {
        parts.push(...clauses.map((clause) => ({ ...clause, clause: true })));
        continue;
      }
      // "Elle travaille avec les enseignants…": a sentence whose subject is a pronoun goes on about the role before it.
      const opening = words(sentence)[0] ?? '';
      const pronounFirst = parts.length > 0 && this.pack.has('personalPronouns', opening) && !this.pack.has('firstPersonPronouns', opening);
      const subject = pronounFirst ? null : subjectOf(sentence, this.roles, this.pack, { headAlone: true });
      const last = parts.at(-1);
      if (last && (subject === null || subject.id === last.roleId)) last.text = `${last.text} ${sentence}`;
      else parts.push({ text: sentence, roleId: subject?.id ?? null });
    }
    return parts;
  }

  /**
   * A sentence that gives each role a clause ("L'hiver : le chef de culture arrête l'assolement, pendant que
   * l'ouvrier révise les outils et que le technicien présente le bilan."): each role's clauses, after what the
   * sentence says before the first of them. Fewer than two roles: nothing (the sentence stays whole).
   */
  private clausesByRole(sentence: string): { text: string; roleId: string }[] {
    // Commas, colons and semicolons end a clause, and so does a clause opener of several words inside a piece
    // ("… révise les outils et que le technicien présente …").
    const pieces = sentence.split(/(?<=[,:;])\s+/u).flatMap((piece) => this.atClauseOpeners(piece));
    let lead = '';
    const clauses: { text: string; roleId: string }[] = [];
    for (const piece of pieces) {
      const subject = subjectOf(piece, this.rolesByHead(), this.pack);
      const last = clauses.at(-1);
      if (subject) clauses.push({ text: this.withoutClauseOpener(piece), roleId: subject.id });
      else if (last) last.text = `${last.text} ${piece}`;
      else lead = `${lead}${lead ? ' ' : ''}${piece}`;
    }
    if (new Set(clauses.map((clause) => clause.roleId)).size < 2) return [];
    const byRole = new Map<string, string[]>();
    const bare = (text: string) => text.replace(/[\s.,;:]+$/u, '');
    for (const clause of clauses) byRole.set(clause.roleId, [...(byRole.get(clause.roleId) ?? []), bare(clause.text)]);
    return [...byRole].map(([roleId, texts]) => ({ roleId, text: `${lead}${lead ? ' ' : ''}${texts.join(' ; ')}.` }));
  }

  /** The roles, each also named by the head word of its name when no other role's name has it ("l'ouvrier"). */
  private rolesByHead(): Role[] {
    this.headNamed ??= this.roles.map((role) => {
      const head = writtenWords(role.name)[0];
      const alone = head !== undefined && rolesMentionedIn(head, this.roles, this.pack).length === 1;
      return alone && !role.aliases.includes(head) ? { ...role, aliases: [...role.aliases, head] } : role;
    });
    return this.headNamed;
  }

  /** A piece cut before each clause opener of several words it holds after its start ("et que", "tandis que"). */
  private atClauseOpeners(piece: string): string[] {
    const written = piece.split(/\s+/);
    const folded: string[] = [];
    const starts = written.map((word) => folded.push(...words(word)) - words(word).length);
    const cuts: string[][] = [[]];
    written.forEach((word, at) => {
      if (at > 0 && this.pack.prefixLength('clauseOpeners', folded, starts[at]) >= 2) cuts.push([]);
      cuts[cuts.length - 1]!.push(word);
    });
    return cuts.map((cut) => cut.join(' '));
  }

  /** A clause without the word that joined it to the one before ("pendant que l'ouvrier …" → "l'ouvrier …"). */
  private withoutClauseOpener(clause: string): string {
    const written = clause.split(/\s+/);
    let opener = this.pack.prefixLength('clauseOpeners', words(clause));
    let at = 0;
    while (opener > 0 && at < written.length) {
      opener -= words(written[at]!).length;
      at += 1;
    }
    return written.slice(at).join(' ');
  }

  private listNode(node: Extract<SourceNode, { type: 'list' }>): void {
    // Role lists follow: the lead-in was a sentence of the section, not a header.
    if (node.items.some((item) => itemLabel(item) !== null && this.roleOf(itemLabel(item)!) !== null)) this.flushLead();
    this.pendingLead = null;
    // "En résumé : • le brasseur fabrique la bière ; • le technicien qualité contrôle…": outside a role's part, a list
    // whose every point opens on a role of its own gives each point to its role.
    const subjects = this.current === null || this.current === 'shared' ? node.items.map((item) => (itemLabel(item) === null && inlineLabel(item) === null ? subjectOf(item.text, this.roles, this.pack) : null)) : [];
    if (subjects.length >= MIN_ROLES_OPENING_LISTS && subjects.every((role) => role !== null) && new Set(subjects).size === subjects.length) {
      node.items.forEach((item, at) => this.list(subjects[at]!, undefined, [{ text: item.text, line: item.line, children: toItems(item.children) }], node.ordered, item.line));
      return;
    }
    const loose: Item[] = [];
    let open: { owner: Owner; header: string; items: Item[]; line: number } | null = null;
    const closeOpen = () => {
      if (open) this.list(open.owner, open.header, open.items, node.ordered, open.line);
      open = null;
    };
    const flushLoose = () => {
      if (loose.length === 0) return;
      const header = this.pendingHeader?.text;
      const owner = this.current ?? (header && this.isShared(header) ? 'shared' : null);
      this.list(owner, owner && owner !== 'shared' ? this.currentHeader : header, loose.splice(0), node.ordered, node.line);
    };
    for (const item of node.items) {
      const label = itemLabel(item);
      const inline = inlineLabel(item);
      // In a role's part ("### Éditeur", "**Agent SSIAP :**"), a bullet that groups tasks ("Piloter la fabrication",
      // "Effectuer les rondes de prévention :", then its steps) and names no role is one of that role's points, with
      // its sub-points: a colon leads into those steps, not into another role's list.
      const groupsTasks =
        label !== null && item.children.length > 0 && item.strongLead === undefined &&
        this.current !== null && this.current !== 'shared' && this.roleOf(label) === null && !this.isShared(label);
      if (label !== null && !groupsTasks && (item.children.length > 0 || label === withoutColon(item.text) || item.strongLead !== undefined)) {
        flushLoose();
        closeOpen();
        const owner = this.ownerOf(label);
        if (owner === null && item.children.length > 0 && item.strongLead !== undefined) {
          this.diagnostics.push({ line: item.line, severity: 'doubt', message: doubts.labelWithoutRole(label, this.roles.map((role) => role.name)) });
        }
        const items = toItems(item.children);
        if (item.children.length > 0) this.list(owner ?? (this.current === 'shared' ? 'shared' : null), label, items, node.ordered, item.line);
        else open = { owner, header: label, items: [], line: item.line };
        continue;
      }
      const inlineRole = inline ? roleEndingLabel(inline.label, this.roles, this.pack) : null;
      if (inline && inlineRole && !open) {
        flushLoose();
        const points = item.children.length === 0 ? pointsOnOneLine(inline.text) : null;
        const items = points ? points.map((text) => ({ text, line: item.line, children: [] })) : [{ text: inline.text, line: item.line, children: toItems(item.children) }];
        this.list(inlineRole, inline.label, items, node.ordered, item.line);
        continue;
      }
      // "Traducteur junior : 28 000 €": the role at one level; the level stays in the point.
      const levelRole = inline && !inlineRole && !open ? roleOpeningLabel(inline.label, this.roles, this.pack) : null;
      if (levelRole) {
        flushLoose();
        const point = { text: item.text, line: item.line, children: toItems(item.children) };
        // One list per role, however many levels it lists in a row.
        const last = this.blocks.at(-1);
        if (last?.type === 'roleList' && last.roleId === levelRole.id && last.header === undefined) last.items.push(point);
        else this.list(levelRole, undefined, [point], node.ordered, item.line);
        continue;
      }
      const converted = { text: item.text, line: item.line, children: toItems(item.children) };
      if (open) (open as { items: Item[] }).items.push(converted);
      else loose.push(converted);
    }
    flushLoose();
    // "1) Le technicien helpdesk :" as a numbered list of its own, then the points as another list: a label that
    // ends the list heads what follows, as a label line would.
    const dangling: { header: string; items: Item[]; line: number } | null = open;
    if (dangling !== null && dangling.items.length === 0) {
      open = null;
      this.pendingHeader = null;
      this.label(dangling.header, dangling.line, false);
      return;
    }
    closeOpen();
    this.pendingHeader = null;
  }

  private table(source: Extract<SourceNode, { type: 'table' }>): void {
    this.flushLead();
    // A matrix of codes (« R », « A », « R/A ») is answered with what its key says they mean.
    const key = (this.tableKey ??= tableKeyOf(this.raw.body));
    const node = key.size === 0 ? source : { ...source, rows: source.rows.map((row) => row.map((cell, column) => (column === 0 || EMPTY_CELL.test(cell.trim()) ? cell : cellInWords(cell, key)))) };
    const headerRoles = node.header.map((cell) => this.roleOf(cell));
    const columnRoles = headerRoles.map((role, column) => (column === 0 ? null : role));
    const rowRoles = node.rows.map((row) => this.roleOf(squeeze(row[0] ?? '')));
    const distinct = (found: (Role | null)[]) => new Set(found.filter((role): role is Role => role !== null).map((role) => role.id)).size;
    const cells: TableCell[] = [];
    let orientation: 'rolesAsColumns' | 'rolesAsRows' | 'none' = 'none';
    if (headerRoles.length >= 2 && distinct(headerRoles) === headerRoles.length) {
      // "| Analyste | RSSI |" over lines of points: each column is its role's list, with no row label.
      orientation = 'rolesAsColumns';
      for (const row of node.rows) {
        row.forEach((text, column) => {
          if (!EMPTY_CELL.test(text.trim())) for (const point of text.split('\n')) cells.push({ roleId: headerRoles[column]?.id ?? null, label: '', text: point, line: node.line });
        });
      }
    } else if (distinct(columnRoles) >= 2 && distinct(columnRoles) >= distinct(rowRoles)) {
      orientation = 'rolesAsColumns';
      for (const row of node.rows) {
        row.forEach((text, column) => {
          if (column > 0 && !EMPTY_CELL.test(text.trim())) for (const point of text.split('\n')) cells.push({ roleId: columnRoles[column]?.id ?? null, label: squeeze(row[0] ?? ''), text: point, line: node.line });
        });
      }
    } else if (distinct(rowRoles) >= 2) {
      orientation = 'rolesAsRows';
      node.rows.forEach((row, index) => {
        row.forEach((text, column) => {
          if (column > 0 && !EMPTY_CELL.test(text.trim())) for (const point of text.split('\n')) cells.push({ roleId: rowRoles[index]?.id ?? null, label: node.header[column] ?? '', text: point, line: node.line });
        });
      });
    } else {
      this.diagnostics.push({ line: node.line, severity: 'doubt', message: doubts.tableWithoutRoles(this.raw.heading.text) });
      for (const row of node.rows) {
        row.forEach((text, column) => {
          if (column > 0 && !EMPTY_CELL.test(text.trim())) for (const point of text.split('\n')) cells.push({ roleId: null, label: `${squeeze(row[0] ?? '')} — ${node.header[column] ?? ''}`, text: point, line: node.line });
        });
      }
    }
    this.blocks.push({ type: 'table', orientation, header: node.header, rows: node.rows, cells, line: node.line });
  }

  /**
   * Paragraphs that each open a role's list ("Moi, en tant qu'éditrice, je … Concrètement :", then bullets; "Je suis
   * correctrice, et … suffisant.", then bullets): where two or more paragraphs of a section are followed right away by
   * a list, and each opens on a role of its own, each list is that role's. A bold label that presents its role in a
   * whole sentence ("**Standardiste :** répond aux appels entrants … ." then bullets) opens its list the same way.
   * Sub-headings start afresh: under each theme, each role opens one list.
   */
  private rolesOpeningLists(): Map<SourceNode, { role: Role; text: string }> {
    const openers = new Map<SourceNode, { role: Role; text: string }>();
    const body = this.raw.body;
    // Which sub-heading's part each node is in: the number of headings before it.
    const runOf = new Map<SourceNode, number>();
    let run = 0;
    for (const node of body) runOf.set(node, node.type === 'heading' ? (run += 1) : run);
    const leading = body.filter((node, at): node is Extract<SourceNode, { type: 'paragraph' }> => node.type === 'paragraph' && body[at + 1]?.type === 'list' && paragraphLabel(node) === null);
    for (const node of leading) {
      const inline = node.strongLead !== undefined ? inlineLabel(node) : null;
      const labelRole = inline ? roleEndingLabel(inline.label, this.roles, this.pack) : null;
      const subject = labelRole ?? subjectOf(node.text, this.roles, this.pack);
      if (subject === null) return new Map();
      openers.set(node, { role: subject, text: labelRole ? afterRoleLabel(node, inline!) : node.text });
    }
    const perRun = new Set([...openers].map(([node, { role }]) => `${runOf.get(node)}:${role.id}`));
    const eachOnce = perRun.size === openers.size;
    return openers.size >= MIN_ROLES_OPENING_LISTS && eachOnce && new Set([...openers.values()].map(({ role }) => role)).size >= MIN_ROLES_OPENING_LISTS ? openers : new Map();
  }

  build(): this {
    // A section of prose may hold a role's list led in by a sentence of its own ("Pour un poste de technicien qualité,
    // nous recrutons au minimum à bac +2 :" then the diplomas): its paragraphs are still read by the role they open on.
    const ledByRole = (at: number) => {
      const before = this.raw.body[at - 1];
      const sentence = before?.type === 'paragraph' && paragraphLabel(before) === null ? leadInSentence(before.text) : null;
      return sentence !== null && rolesMentionedIn(sentence, this.roles, this.pack).length === 1;
    };
    const proseOnly = this.raw.body.every((node, at) => node.type === 'paragraph' || node.type === 'heading' || (node.type === 'list' && ledByRole(at)));
    const openers = this.rolesOpeningLists();
    // "Que fait un géomètre-topographe sur un chantier ?": under a heading that names one role, what no label
    // gives to another is that role's.
    const named = rolesMentionedIn(this.raw.heading.text, this.roles, this.pack);
    if (named.length === 1 && !says(this.raw.heading.text, 'sharedCues', this.pack)) this.current = named[0]!;
    for (const node of this.raw.body) {
      if (node.type !== 'paragraph' || !node.quote) this.labelInQuote = false;
      switch (node.type) {
        case 'heading':
          this.flushLead();
          this.label(withoutColon(headingText(node.text, this.pack)), node.line, node.level > this.sectionLevel);
          this.headingRole = node.level > this.sectionLevel && this.current !== null && this.current !== 'shared' ? this.current : null;
          break;
        case 'paragraph': {
          const opens = openers.get(node);
          if (opens) {
            this.flushLead();
            this.prose(opens.text, node.line, opens.role.id);
            this.current = opens.role;
            this.currentHeader = undefined;
            this.pendingHeader = null;
          } else this.paragraph(node, proseOnly);
          break;
        }
        case 'list':
          this.listNode(node);
          break;
        case 'table':
          this.table(node);
          break;
      }
    }
    this.flushLead();
    // Once one paragraph is known to open a role's part (it led into "En pratique :"), the others that open on a
    // role are those roles' too, lead-in or not.
    if (this.paragraphsOpenRoles) {
      for (const block of this.blocks) {
        if (block.type === 'prose' && block.roleId === null) block.roleId = subjectOf(block.text, this.roles, this.pack)?.id ?? null;
      }
    }
    this.giveLastParagraphToLastRole();
    // "Côté artificière, on cherche…" then « Pour le chef de tir : » and a list: where the other roles have lists, the
    // role written in a paragraph instead has that paragraph as its part, when it opens on that role.
    const listed = new Set(this.blocks.flatMap((block) => (block.type === 'roleList' ? [block.roleId] : [])));
    if (listed.size === 0) return this;
    const unlisted = this.blocks.filter((block): block is Extract<Block, { type: 'prose' }> => block.type === 'prose' && block.roleId === null && !this.clauses.has(block));
    const openedOn = new Map(unlisted.map((block) => [block, subjectOf(block.text, this.roles, this.pack)]));
    for (const [block, role] of openedOn) {
      const alone = [...openedOn.values()].filter((other) => other === role).length === 1;
      if (role !== null && alone && !listed.has(role.id)) block.roleId = role.id;
    }
    return this;
  }

  /**
   * A section of one paragraph per role, where one role's paragraph does not open on its name (« Aucun diplôme n'est
   * exigé pour devenir agent d'accueil. » beside « Le technicien est recruté… », « Pour l'animateur, … »): the one
   * paragraph left that names that role, and no other, is its part.
   */
  private giveLastParagraphToLastRole(): void {
    // A FAQ's paragraphs are questions and answers, not a paragraph per role.
    if (this.blocks.some((block) => block.type !== 'prose' || isQuestion(block.text))) return;
    const prose = this.blocks.filter((block): block is Extract<Block, { type: 'prose' }> => block.type === 'prose' && !this.clauses.has(block));
    const owned = new Set(prose.flatMap((block) => (block.roleId === null ? [] : [block.roleId])));
    const left = this.roles.filter((role) => !owned.has(role.id));
    if (owned.size < 2 || left.length !== 1) return;
    const naming = prose.filter((block) => {
      if (block.roleId !== null) return false;
      const named = rolesMentionedIn(block.text, this.roles, this.pack);
      return named.length === 1 && named[0] === left[0];
    });
    if (naming.length === 1) naming[0]!.roleId = left[0]!.id;
  }
}

/** The per-role view of a section's blocks: what questions ask for. */
function viewOf(blocks: readonly Block[]): Pick<Section, 'intro' | 'byRole' | 'sharedItems'> {
  const byRole: Record<string, RoleContent> = {};
  const intro: string[] = [];
  const sharedItems: Item[] = [];
  const contentFor = (roleId: string): RoleContent => (byRole[roleId] ??= { items: [], prose: [] });
  for (const block of blocks) {
    switch (block.type) {
      case 'roleList': {
        const content = contentFor(block.roleId);
        if (content.header === undefined && block.header) content.header = block.header;
        content.items.push(...block.items);
        break;
      }
      case 'sharedList':
        // A labelled shared list ("Points communs :") stays one item with its bullets, as written.
        if (block.header) sharedItems.push({ text: block.header, line: block.line, children: block.items });
        else sharedItems.push(...block.items);
        break;
      case 'table':
        for (const cell of block.cells) {
          // A tick says the label is the role's: "Établir les bulletins de salaire", not "… : ✔".
          const ticked = TICK_CELL.test(cell.text.trim()) && cell.label !== '';
          const text = ticked ? cell.label : cell.label ? `${cell.label} : ${cell.text}` : cell.text;
          const item: Item = { text, line: cell.line, children: [], ...(ticked ? { ticked: true as const } : cell.label ? { label: cell.label } : {}) };
          if (cell.roleId) contentFor(cell.roleId).items.push(item);
          else sharedItems.push(item);
        }
        break;
      case 'prose':
        if (block.roleId) contentFor(block.roleId).prose.push(block.text);
        else intro.push(block.text);
        break;
    }
  }
  return { intro, byRole, sharedItems };
}

/**
 * A job description's document control block (« | Référence | Version | Mise à jour | Rédigé par | Validé par | »,
 * pack documentFields): it says who wrote the page and when, nothing of the jobs.
 */
function isDocumentControl(node: SourceNode, pack: LanguagePack): boolean {
  if (node.type !== 'table' || node.header.length < 2) return false;
  const fields = node.header.filter((cell) => words(cell).length > 0 && pack.prefixLength('documentFields', words(cell), 0) === words(cell).length).length;
  return fields * 2 > node.header.length;
}

/** A line of an e-mail's envelope: « De : … », « Envoyé : … », « Objet : … » (pack emailHeaderFields). */
function emailField(node: SourceNode, pack: LanguagePack): { field: string; value: string } | null {
  if (node.type !== 'paragraph' && node.type !== 'heading') return null;
  const found = /^([\p{L}][\p{L} ]{0,15}?)\s*:\s*(.*)$/u.exec(node.text);
  if (!found || !pack.has('emailHeaderFields', words(found[1]!).join(' '))) return null;
  return { field: words(found[1]!).join(' '), value: found[2]!.trim() };
}

/** An e-mail subject as a title: « TR: RE: [Flash RH saison] Nivoculteur / Dameur : … » → « Nivoculteur / Dameur : … ». */
function subjectAsTitle(subject: string, pack: LanguagePack): string {
  let title = subject;
  for (;;) {
    const prefix = /^\s*([\p{L}]{1,4})\s*:\s*/u.exec(title);
    if (prefix && pack.has('forwardPrefixes', words(prefix[1]!)[0] ?? '')) title = title.slice(prefix[0].length);
    else if (/^\s*\[[^\]]{1,60}\]\s*/.test(title)) title = title.replace(/^\s*\[[^\]]{1,60}\]\s*/, '');
    else return title.trim();
  }
}

/** A signature holds a few short lines: a name, a job, a company, a phone number, a disclaimer. */
const MAX_SIGNATURE_NODES = 8;
/** A signature's lines run together into one paragraph in a Markdown export (name, job, service, phone). */
const MAX_SIGNATURE_WORDS = 40;
const MAX_CLOSING_WORDS = 8;

/**
 * A mail's body without its signature: a closing line ending on a comma, then a few short lines to the end (the
 * greeting that opens the mail ends on a comma too, but the whole mail follows it).
 */
function withoutSignature(body: SourceNode[]): SourceNode[] {
  const closing = body.findLastIndex((node) => node.type === 'paragraph' && /,\s*$/.test(node.text) && words(node.text).length <= MAX_CLOSING_WORDS);
  if (closing < 0) return body;
  const rest = body.slice(closing + 1);
  const short = rest.every((node) => (node.type === 'paragraph' || node.type === 'heading') && words(node.text).length <= MAX_SIGNATURE_WORDS);
  return rest.length <= MAX_SIGNATURE_NODES && short ? body.slice(0, closing) : body;
}

/** Lines a note's signature block holds: a name, a job title, a department, a company. */
const MIN_SIGNATURE_LINES = 2;
const MAX_SIGNATURE_LINES = 4;

/**
 * A text export that ends on a signature block — « Claire Vasseur », « Responsable emploi et compétences », « Direction
 * des ressources humaines » on lines that follow one another, none a sentence — ends before it: those short lines
 * would otherwise head empty sections of their own.
 */
function withoutSignatureBlock(nodes: SourceNode[]): SourceNode[] {
  let start = nodes.length;
  // A contact line (« Service RH : poste 4210 », an address) is content: a signature's lines hold no colon, no « @ ».
  const signatureLine = (node: SourceNode) => (node.type === 'paragraph' || node.type === 'heading') && !/[.!?;…]\s*$|[:@]/.test(node.text) && words(node.text).length <= MAX_LABEL_WORDS;
  while (start > 0 && signatureLine(nodes[start - 1]!) && (start === nodes.length || nodes[start]!.line === nodes[start - 1]!.line + 1)) start -= 1;
  const lines = nodes.length - start;
  return lines >= MIN_SIGNATURE_LINES && lines <= MAX_SIGNATURE_LINES && start > 0 ? nodes.slice(0, start) : nodes;
}

/**
 * An HR e-mail or memo pasted as an article: what comes before its envelope (a forwarding note, « Pour info… Sandrine »), the
 * envelope itself (« De : », « Envoyé : », « À : », « Objet : », two lines at least, or one « Objet : » line opening
 * the file) and the signature closing it (a short line ending on a comma — « Cordialement, », « Belle saison à
 * toutes et à tous, » — then a few short lines) are no part of the article; the subject is its title, unless a title
 * of the page's own stands over the envelope.
 */
function withoutEmailEnvelope(nodes: SourceNode[], markdown: boolean, pack: LanguagePack): SourceNode[] {
  let first = -1;
  let last = -1;
  let subject: string | null = null;
  /** The page's own title, over the envelope: it stays the title. */
  let titled: SourceNode | null = null;
  for (let at = 0; at < nodes.length; at += 1) {
    if (!emailField(nodes[at]!, pack)) continue;
    let end = at;
    while (end + 1 < nodes.length && emailField(nodes[end + 1]!, pack)) end += 1;
    const fields = nodes.slice(at, end + 1).map((node) => emailField(node, pack)!);
    const subjectField = fields.find((field) => pack.has('subjectFields', field.field));
    // One « Objet : » line opens the file, or follows its title (a Markdown page headed « # … » over the pasted mail).
    const opensFile = at === 0 || (at === 1 && nodes[0]!.type === 'heading');
    if (end > at || (opensFile && subjectField)) {
      if (first < 0) first = at;
      last = end;
      if (subjectField?.value) subject = subjectField.value;
      if (opensFile && at === 1) titled = nodes[0]!;
    }
    at = end;
  }
  if (last < 0) return nodes;
  // « Note RH » / « Facteur d'orgues, harmoniste… : quelles différences ? » over « Émetteur : », « Objet : »…: a memo's
  // own title, which names the roles, stays its title, with the lines above it; its subject only says why it was written.
  const ownTitle = nodes.slice(0, first).findLastIndex((node) => node.type === 'heading' && namesInTitle(node.text, pack).length >= 2);
  if (ownTitle >= 0) return [...nodes.slice(0, ownTitle + 1), ...withoutSignature(nodes.slice(last + 1))];
  if (subject === null) return nodes;
  const line = nodes[last]!.line;
  return [titled ?? { type: 'heading', level: markdown ? 1 : 2, text: subjectAsTitle(subject, pack), line }, ...withoutSignature(nodes.slice(last + 1))];
}

/** Letters a trade's word shares with the head of the job's name at least (« régie », « régisseur »). */
const MIN_TRADE_PREFIX = 4;

/**
 * "Côté marbrerie :", "Côté gravure :" beside a Marbrier funéraire and a Graveur sur pierre: a label that is a label's
 * opener then one word, starting like the head of exactly one role's name, names that role by its trade.
 */
function tradeLabelRole(label: string, roles: readonly Role[], pack: LanguagePack): Role | null {
  const folded = words(label);
  const opener = pack.prefixLength('labelOpeners', folded, 0);
  const rest = folded.slice(opener).filter((word) => !pack.has('determiners', word));
  if (opener === 0 || rest.length !== 1) return null;
  const trade = rest[0]!;
  const owners = roles.filter((role) => headOf(role.name, pack) !== trade && startsLikeHead(role.name, trade, pack));
  return owners.length === 1 ? owners[0]! : null;
}

/** The first word of a name that is no determiner: its head (« régisseur » in « Le régisseur plateau »). */
function headOf(name: string, pack: LanguagePack): string | undefined {
  return words(name).find((word) => !pack.has('determiners', word));
}

/** Whether a word starts like the head of a role's name, as the word for its trade does (« régie », « régisseur »). */
function startsLikeHead(roleName: string, word: string, pack: LanguagePack): boolean {
  const head = headOf(roleName, pack);
  return head !== undefined && sharedStartLength(head, word) >= MIN_TRADE_PREFIX;
}

/** Lines a text export may put above its title (a byline, a date, a reading time), each a few words. */
const MAX_BYLINES = 2;
const MAX_BYLINE_WORDS = 20;

/** Gives a role another name, unless it already has that name in some form. */
function addAlias(role: Role, alias: string): void {
  if (![role.name, ...role.aliases].some((name) => slugify(name) === slugify(alias))) role.aliases.push(alias);
}

/** Words a nickname a table's naming row gives may take at most (« le méca », « le chef de piste »). */
const MAX_NICKNAME_WORDS = 3;

/** Times a page writes a name of a heading's again, at least, for that name to count as one the page goes on to write. */
const MIN_NAME_ECHOES = 2;

/** Whether the page, in its nodes after two headings, writes again more of the names the first lists than of the second's (each in two nodes at least). */
function namesWrittenMore(first: string, second: string, after: readonly SourceNode[], pack: LanguagePack): boolean {
  const texts = after.flatMap(nodeTexts);
  const written = (heading: string) => namesInTitle(heading, pack).filter((name) => texts.filter((text) => namesOneOf(text, [name], pack)).length >= MIN_NAME_ECHOES).length;
  return written(first) > written(second);
}

/** Splits the nodes into title, category, intro and sections. */
function outline(nodes: SourceNode[], markdown: boolean, file: string, pack: LanguagePack, diagnostics: Diagnostic[]) {
  let category: string | undefined;
  let title: string;
  let cursor: number;
  if (markdown) {
    // A page a word processor exported with no heading at all sets its title, like its sections, as a bold line of
    // its own (« **Agent de fourrière, gardien… : quelles différences ?** »): the first node, when it is one.
    const first = nodes[0];
    if (nodes.every((node) => node.type !== 'heading') && first?.type === 'paragraph' && !first.quote && first.strongLead !== undefined && first.afterLead === '') {
      nodes = [{ type: 'heading', level: 1, text: first.strongLead, line: first.line }, ...nodes.slice(1)];
    }
    const h1 = nodes.findIndex((node) => node.type === 'heading' && node.level === 1);
    const firstHeading = nodes.findIndex((node) => node.type === 'heading');
    const titleAt = h1 >= 0 ? h1 : firstHeading;
    if (titleAt < 0) throw new KnowledgeFileError(file, 1, problems.noTitle);
    const before = nodes.slice(0, titleAt).filter((node): node is Extract<SourceNode, { type: 'paragraph' }> => node.type === 'paragraph');
    if (before.length > 0) category = before[0]!.text;
    title = (nodes[titleAt] as Heading).text;
    cursor = titleAt + 1;
  } else {
    // "Mis à jour le 14/02/2024 par Claire M. · Temps de lecture : 6 min" above the title: the page's byline.
    const firstHeading = nodes.findIndex((node) => node.type === 'heading');
    // Its dates count for no words: « Publié le 12/03/2025 · Mis à jour le 08/09/2025 » is as short as it reads.
    const bylineWords = (text: string) => words(text).filter((word) => !/^\d+$/.test(word)).length;
    if (firstHeading > 0 && firstHeading <= MAX_BYLINES && nodes.slice(0, firstHeading).every((node) => node.type === 'paragraph' && bylineWords(node.text) <= MAX_BYLINE_WORDS)) nodes = nodes.slice(firstHeading);
    const [first, second, third, fourth] = nodes;
    if (!first || first.type !== 'heading') throw new KnowledgeFileError(file, first?.line ?? 1, problems.noTitle);
    // "Direction des Ressources Humaines" / "FICHE COMPARATIVE MÉTIERS" / "Apiculteur, technicien apicole… : qui fait
    // quoi ?" over the intro: two category lines over the title, which alone names the roles.
    const titleThird =
      second?.type === 'heading' && third?.type === 'heading' && fourth?.type === 'paragraph' && namesInTitle(second.text, pack).length < 2 && namesInTitle(third.text, pack).length >= 2;
    // A first line that names the roles over a heading that names none.
    // A first line that names the roles over a heading that names none, or fewer of the names the page goes on to write
    // ("Ingénieur acousticien ou technicien de mesures : quelles différences ?" over "Parcours d'intégration — Pôle
    // Acoustique & Vibrations").
    const titleOverUnnamed = second?.type === 'heading' && namesInTitle(first.text, pack).length >= 2 && (namesInTitle(second.text, pack).length < 2 || namesWrittenMore(first.text, second.text, nodes.slice(2), pack));
    if (titleThird) {
      category = first.text;
      title = third.text;
      cursor = 3;
    } else if (first.level === 1) {
      // A title underlined with « ==== » is the title, whatever follows it.
      title = first.text;
      cursor = 1;
    } else if (titleOverUnnamed && third?.type === 'paragraph' && second.level === first.level) {
      // "Tailleur de pierre, maçon du patrimoine… : quelles différences ?" over "Direction des ressources humaines –
      // mise à jour septembre 2025": the line that names the roles is the title, the one under it that names none a
      // byline, then the intro.
      title = first.text;
      category = second.text;
      cursor = 2;
    } else if (second?.type === 'heading' && third?.type !== 'list' && !(second.level > first.level && titleOverUnnamed)) {
      // A heading one level down that names no roles (a slide's subtitle under a title that names them) is under the
      // title, not the title under a category line.
      category = first.text;
      title = second.text;
      cursor = 2;
    } else {
      title = first.text;
      cursor = 1;
    }
  }
  const rest = tableAsSections(standaloneLinesAsHeadings(leadInsOwnLine(outlineAsSections(nodes.slice(cursor)), pack), markdown, title, pack), title, pack);
  const sectionLevel = sectionLevelOf(rest);
  const titleNames = namesInTitle(title, pack);
  const intro: string[] = [];
  /** The intro's paragraphs with the words the writer set in bold between « »: where names in use are introduced. */
  const introMarked: string[] = [];
  let at = 0;
  while (at < rest.length && !(rest[at]!.type === 'heading' && (rest[at] as Heading).level === sectionLevel)) {
    const node = rest[at]!;
    if (node.type === 'paragraph' && !isNoise(node.text, pack)) {
      intro.push(node.text);
      introMarked.push(node.marked ?? node.text);
    }
    // A list before the first section (a "Sommaire" of links) belongs to no section: it is not read.
    else if (node.type === 'list') diagnostics.push({ line: node.line, severity: 'doubt', message: doubts.listBeforeFirstHeading });
    at += 1;
  }
  const sections: RawSection[] = [];
  /** Sections that only head question sub-sections ("## Questions fréquentes" then "### …?"): dropped when empty. */
  const headsQuestions = new Set<RawSection>();
  let noise = false;
  /** Whether the heading at the sections' level read last is a role's own ("## Le marin baliseur"). */
  let inRoleBlock = false;
  for (; at < rest.length; at += 1) {
    const node = rest[at]!;
    if (node.type === 'heading' && node.level <= sectionLevel) inRoleBlock = blockName(node.text, titleNames, pack) !== null;
    // A sub-heading written as a question ("### Les heures de nuit sont-elles majorées ?", a FAQ) is a section of
    // its own: it answers one question, it names no role. Under a role's own heading ("## Le marin baliseur" then
    // "### Et après ?") it is one of that role's subjects.
    const question = markdown && node.type === 'heading' && node.level > sectionLevel && isQuestion(node.text) && !inRoleBlock;
    if (node.type === 'heading' && (node.level <= sectionLevel || question)) {
      if (question && !noise && sections.length > 0) headsQuestions.add(sections[sections.length - 1]!);
      // "À lire aussi" as a heading: what follows it is a list of links, not content.
      noise = isNoise(node.text, pack);
      if (!noise) sections.push({ heading: { ...node, text: headingText(node.text, pack) }, body: [] });
      continue;
    }
    if (!noise) sections[sections.length - 1]?.body.push(node);
  }
  return { category, title, intro, introMarked, sections: sections.filter((section) => !(headsQuestions.has(section) && section.body.length === 0)), sectionLevel };
}

/** Where a paragraph's sentences end: after a full stop, a question or exclamation mark, before a capital. */
const SENTENCE_BREAK = /(?<=[.!?…])\s+(?=[\p{Lu}«"])/u;

/**
 * A lead-in that opens on a role and ends a paragraph of prose, right before a list ("Chacun a sa caisse à outils. Pour
 * le raccordeur :"), is a line of its own, as most writers put it: the label of the list, the sentences before it the
 * section's text.
 */
function leadInsOwnLine(nodes: SourceNode[], pack: LanguagePack): SourceNode[] {
  return nodes.flatMap((node, at): SourceNode[] => {
    if (node.type !== 'paragraph' || node.quote || node.strongLead !== undefined || nodes[at + 1]?.type !== 'list' || !LEAD_IN_END.test(node.text)) return [node];
    const sentences = node.text.split(SENTENCE_BREAK);
    const last = sentences[sentences.length - 1]!;
    // Only a lead-in that opens on a role ("Pour le …", "Côté …"): « Ses missions : » ends the paragraph about a role.
    if (sentences.length < 2 || !isLeadIn(last) || pack.prefixLength('labelOpeners', words(last), 0) === 0) return [node];
    return [{ ...node, text: sentences.slice(0, -1).join(' ') }, { ...node, text: last }];
  });
}

/**
 * A file with no heading under its title: its sections open on lines of their own. A Markdown export (Google Docs
 * writes "**Missions**") opens them with a bold line standing alone, without a colon; failing those, any export may
 * open them with a short lead-in line right before a list ("Les missions de chacun :" then "– pour l'auxiliaire :").
 * Either is a section heading when it names none of the title's roles (those label a role's list).
 */
function standaloneLinesAsHeadings(nodes: SourceNode[], markdown: boolean, title: string, pack: LanguagePack): SourceNode[] {
  // A short line closing the file (a signature: "Sandrine, directrice") heads nothing.
  if (nodes.some((node, at) => node.type === 'heading' && at < nodes.length - 1)) return nodes;
  const names = namesInTitle(title, pack);
  const standalone = (node: SourceNode): node is Extract<SourceNode, { type: 'paragraph' }> => node.type === 'paragraph' && !node.quote && !namesOneOf(node.text, names, pack);
  // "**Rémunération** (indicative, brut mensuel)": a bold line may end on an aside in brackets.
  const boldLine = (node: SourceNode) =>
    markdown && standalone(node) && node.strongLead !== undefined && (node.afterLead === '' || BRACKETED_ASIDE.test(node.afterLead ?? '')) && !/:\s*$/.test(node.text) ? node.strongLead : null;
  const leadIn = (node: SourceNode, at: number) => standalone(node) && nodes[at + 1]?.type === 'list' && isLeadIn(node.text) && /^[\p{Lu}\p{N}]/u.test(node.text) ? withoutColon(node.text) : null;
  const opening = nodes.some((node) => boldLine(node) !== null) ? boldLine : leadIn;
  return nodes.map((node, at): SourceNode => {
    const heading = opening(node, at);
    return heading === null ? node : { type: 'heading', level: 2, text: heading, line: node.line };
  });
}

/** An aside in brackets and nothing else: « (indicative, brut mensuel, primes comprises) ». */
const BRACKETED_ASIDE = /^\([^()]{1,80}\)$/u;

/** Deeper headings that must come first, each over content, for the page's sections to be written at their level. */
const MIN_LEADING_SECTIONS = 2;

/**
 * The heading level the sections are written at: the highest, unless the page opens with sections written one level
 * deeper (an FAQ of "### Que fait … ?" before a closing "## Tableau comparatif"), each over content of its own.
 */
function sectionLevelOf(nodes: readonly SourceNode[]): number {
  const levels = nodes.flatMap((node) => (node.type === 'heading' ? [node.level] : []));
  const highest = Math.min(...levels);
  const firstHighest = nodes.findIndex((node) => node.type === 'heading' && node.level === highest);
  const leading = nodes.slice(0, firstHighest).flatMap((node, at, before) => (node.type === 'heading' && before[at + 1] !== undefined && before[at + 1]!.type !== 'heading' ? [node.level] : []));
  return leading.length >= MIN_LEADING_SECTIONS ? Math.min(...leading) : highest;
}

/** A line that compares the roles on one criterion: « Salaire à l'embauche — Savonnier : 1 950 € / Conditionneur : 1 810 € ». */
const INLINE_ROW = /^([^—–:]{1,60}?)\s+[—–-]\s+(.+)$/u;
/** One role's part of such a line: its name, a few words with a capital, then its value. */
const INLINE_CELL = /^(\p{Lu}[^:/]{0,40}?)\s*:\s*(.+)$/u;
/** Lines of one such comparison, at least, for them to be read as a table. */
const MIN_INLINE_ROWS = 2;

/**
 * Lines that each compare the roles on one criterion — « Prime — Savonnier : … / Conditionneur : … » — one after the
 * other, the same names in the same order: a table written out, read as one (criteria as rows, the names as columns).
 */
function inlineRowsAsTables(nodes: readonly SourceNode[]): SourceNode[] {
  const rowOf = (node: SourceNode): { label: string; names: string[]; values: string[] } | null => {
    if (node.type !== 'paragraph' || node.quote) return null;
    const found = INLINE_ROW.exec(node.text);
    if (!found) return null;
    const cells = found[2]!.split(/\s+\/\s+/).map((part) => INLINE_CELL.exec(part));
    if (cells.length < 2 || cells.some((cell) => cell === null)) return null;
    return { label: found[1]!.trim(), names: cells.map((cell) => cell![1]!.trim()), values: cells.map((cell) => cell![2]!.trim()) };
  };
  const result: SourceNode[] = [];
  for (let at = 0; at < nodes.length; ) {
    const first = rowOf(nodes[at]!);
    const rows = first ? [first] : [];
    while (first && at + rows.length < nodes.length) {
      const next = rowOf(nodes[at + rows.length]!);
      if (!next || next.names.join('|') !== first.names.join('|')) break;
      rows.push(next);
    }
    if (rows.length < MIN_INLINE_ROWS) {
      result.push(nodes[at]!);
      at += 1;
      continue;
    }
    result.push({ type: 'table', header: ['', ...first!.names], rows: rows.map((row) => [row.label, ...row.values]), line: nodes[at]!.line });
    at += rows.length;
  }
  return result;
}

/** Footnote marks after a row's label ("Salaire*", "Horaires¹"). */
const FOOTNOTE_MARKS = /[\s*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u;

/**
 * A page that is one big table before its first heading — criteria as rows, the title's roles as columns
 * ("| Critère | Charpentier | Gréeur |" then "| **Missions** | … | … |") — is read as the sections it stands for: each
 * row a section headed by its label, each cell that role's list, a point per line ("<br>") or per « ; ».
 */
function tableAsSections(nodes: SourceNode[], title: string, pack: LanguagePack): SourceNode[] {
  const first = nodes.findIndex((node) => node.type === 'heading');
  const before = first < 0 ? nodes : nodes.slice(0, first);
  const names = namesInTitle(title, pack);
  const at = before.findIndex((node) => node.type === 'table' && node.header.length >= 3 && node.header.slice(1).every((cell) => namesOneOf(cell, names, pack)) && node.rows.length >= 2);
  if (at < 0) return nodes;
  const table = before[at] as Extract<SourceNode, { type: 'table' }>;
  const level = Math.min(2, ...nodes.flatMap((node) => (node.type === 'heading' ? [node.level] : [])));
  const sections = table.rows.flatMap((row): SourceNode[] => {
    const label = squeeze(row[0] ?? '').replace(FOOTNOTE_MARKS, '');
    if (label === '') return [];
    const parts = table.header.slice(1).flatMap((role, column): SourceNode[] => {
      const points = cellPoints(row[column + 1] ?? '');
      if (points.length === 0) return [];
      return [
        { type: 'paragraph', quote: false, text: `${role} :`, line: table.line },
        { type: 'list', ordered: false, items: points.map((text) => ({ text, line: table.line, children: [] })), line: table.line },
      ];
    });
    return [{ type: 'heading', level, text: label, line: table.line }, ...parts];
  });
  return [...nodes.slice(0, at), ...sections, ...nodes.slice(at + 1)];
}

/** The points a table's cell holds: one a line ("<br>"), or one a « ; » or bullet mark on one line; empty marks left out. */
function cellPoints(cell: string): string[] {
  return cell.split('\n').flatMap((line) => pointsOnOneLine(line) ?? line.split(/\s+;\s+/)).map((point) => point.trim()).filter((point) => point !== '' && !EMPTY_CELL.test(point));
}

/**
 * One « fiche de poste » per role — "## Agent d'exploitation" over a two-column table, « | **Missions** | … | »,
 * « | **Horaires** | … | » — is a role block whose sub-headings are the table's rows: each row becomes a sub-heading
 * over the list of its cell's points, for the blocks to be read subject by subject as any role-first article.
 */
function criteriaTablesAsSubHeadings(sections: RawSection[], sectionLevel: number, title: string, pack: LanguagePack): RawSection[] {
  const names = namesInTitle(title, pack);
  return sections.map((section) => {
    if (subHeadingsOf(section, sectionLevel).length > 0 || blockName(section.heading.text, names, pack) === null) return section;
    const tables = section.body.filter((node): node is Extract<SourceNode, { type: 'table' }> => node.type === 'table' && node.header.length === 2 && node.rows.length >= MIN_SHARED_SUB_HEADINGS);
    if (tables.length !== 1) return section;
    const body = section.body.flatMap((node): SourceNode[] => {
      if (node !== tables[0]) return [node];
      return node.rows.flatMap((row): SourceNode[] => {
        const label = squeeze(row[0] ?? '').replace(FOOTNOTE_MARKS, '');
        const points = cellPoints(row[1] ?? '');
        if (label === '' || points.length === 0) return [];
        return [
          { type: 'heading', level: sectionLevel + 1, text: label, line: node.line },
          { type: 'list', ordered: false, items: points.map((text) => ({ text, line: node.line, children: [] })), line: node.line },
        ];
      });
    });
    return { ...section, body };
  });
}

/** Levels of points an outline of the article's sections holds at least: theme, role, point. */
const OUTLINE_DEPTH = 3;

/** Levels of points under a point, itself counted. */
function depthOf(item: SourceItem): number {
  return 1 + Math.max(0, ...item.children.map(depthOf));
}

/**
 * A page with no heading under its title whose content is one outline of points, as a mind map exports it (Xmind,
 * MindManager: "Nos métiers" › "Missions" › "Opticien" › the points): each theme is a section, each point over points of
 * its own is the label of their list ("Opticien-lunetier — « l'OL »" then its missions), the other points of a theme its
 * shared list. A single point over the whole outline is the map's central topic, not a section.
 */
function outlineAsSections(nodes: SourceNode[]): SourceNode[] {
  if (nodes.some((node) => node.type === 'heading')) return nodes;
  const at = nodes.findIndex((node) => node.type === 'list' && node.items.some((item) => depthOf(item) >= OUTLINE_DEPTH));
  if (at < 0) return nodes;
  const outline = nodes[at] as Extract<SourceNode, { type: 'list' }>;
  const central = outline.items.length === 1 && depthOf(outline.items[0]!) > OUTLINE_DEPTH ? outline.items[0]! : null;
  const themes = central ? central.children : outline.items;
  if (themes.filter((theme) => theme.children.length > 0).length < 2) return nodes;
  const sections = themes.flatMap((theme): SourceNode[] => {
    if (theme.children.length === 0) return [{ type: 'paragraph', quote: false, text: theme.text, line: theme.line }];
    // The theme's own points first, as its shared list: after a role's list they would read as more of that list.
    const own = theme.children.filter((point) => point.children.length === 0);
    const labelled = theme.children.filter((point) => point.children.length > 0).flatMap((point): SourceNode[] => [
      { type: 'paragraph', quote: false, text: `${withoutColon(point.text)} :`, line: point.line },
      { type: 'list', ordered: false, items: point.children, line: point.children[0]!.line },
    ]);
    const shared: SourceNode[] = own.length > 0 ? [{ type: 'list', ordered: false, items: own, line: own[0]!.line }] : [];
    return [{ type: 'heading', level: 2, text: theme.text, line: theme.line }, ...shared, ...labelled];
  });
  return [...nodes.slice(0, at), ...sections, ...nodes.slice(at + 1)];
}

/** Sub-headings a section has at the level under the sections'. */
function subHeadingsOf(section: RawSection, sectionLevel: number): Heading[] {
  return section.body.filter((node): node is Heading => node.type === 'heading' && node.level === sectionLevel + 1);
}

/**
 * The themes of a section: "### Savoir-faire" and "### Savoir-être" under "## Compétences attendues", each naming no
 * role and each over the roles' own parts ("#### Le boulanger", "**Pâtissier :**"). Each theme is a section of its
 * own, one level up; the section keeps them all. A section whose sub-headings name roles has no theme.
 */
function themeSections(raw: RawSection, sectionLevel: number, roles: readonly Role[], pack: LanguagePack): RawSection[] {
  const level = sectionLevel + 1;
  const runs: RawSection[] = [];
  for (const node of raw.body) {
    if (node.type === 'heading' && node.level <= level) runs.push({ heading: { ...node, level: sectionLevel, text: headingText(node.text, pack) }, body: [] });
    else runs[runs.length - 1]?.body.push(node);
  }
  const namesRole = (text: string) => rolesMentionedIn(text, roles, pack).length > 0 || roleNamedIn(withoutColon(text), roles, pack) !== null;
  // A role's part opens on a bold lead ("**Pâtissier :**") or a lead-in line ("• Pour le conseiller clientèle :"), or is
  // a table's row or column headed by its name.
  const labelNamesRole = (label: string | null | undefined) => label != null && roleNamedIn(label, roles, pack) !== null;
  const labelsRoles = (theme: RawSection) =>
    theme.body.some((node) =>
      (node.type === 'heading' && namesRole(node.text)) ||
      (node.type === 'paragraph' && labelNamesRole(node.strongLead ?? paragraphLabel(node))) ||
      (node.type === 'list' && node.items.some((item) => labelNamesRole(item.strongLead ?? itemLabel(item)))) ||
      (node.type === 'table' && [...node.header, ...node.rows.map((row) => row[0] ?? '')].some((cell) => labelNamesRole(cell))));
  const themes = runs.filter((run) => run.heading.level === sectionLevel);
  const isTheme = (theme: RawSection) => !namesRole(theme.heading.text) && !isQuestion(theme.heading.text) && labelsRoles(theme);
  return themes.length >= MIN_THEMES && themes.every(isTheme) ? themes : [];
}

/** Paragraphs of a section, each followed by a list, that must open on roles for those lists to be the roles'. */
const MIN_ROLES_OPENING_LISTS = 2;

/** Themes a section must have to be read as themes rather than labels. */
const MIN_THEMES = 2;

/** Sub-headings two role blocks must share for the article to read as organised role first. */
const MIN_SHARED_SUB_HEADINGS = 2;

/**
 * The title name a role block's heading names ("## Fontainier / Fontainière", "## Le secrétaire de mairie"): the one
 * it writes, else the one name whose head word it starts with ("## Opérateur / Opératrice de station d'épuration"
 * beside the title's « opérateur STEP »); null when it names none, or several as much.
 */
function blockName(heading: string, names: readonly string[], pack: LanguagePack): string | null {
  const text = withoutSlashedGenders(heading);
  const written = names.filter((name) => namesOneOf(text, [name], pack));
  if (written.length > 0) return written.length === 1 ? written[0]! : null;
  const headOf = (name: string) => {
    const head = words(name).find((word) => !pack.has('determiners', word));
    return head === undefined ? null : stem(masculine(head));
  };
  const head = headOf(text);
  const sameHead = names.filter((name) => headOf(name) === head);
  return head !== null && sameHead.length === 1 ? sameHead[0]! : null;
}

/**
 * What a sub-heading is about: "Ses missions" and "Missions au quotidien" share « mission »; with the HR lexicon,
 * synonyms too ("Salaire" and "Rémunération", "Ses interlocuteurs" and "Avec qui il travaille").
 */
function topicStems(heading: string, pack: LanguagePack, lexicon?: Lexicon): Set<string> {
  const folded = words(headingText(heading, pack));
  if (lexicon) return conceptsOfText(lexicon, folded);
  return new Set(folded.filter((word) => !pack.has('determiners', word) && !pack.has('nameLinkWords', word) && !pack.has('pronouns', word)).map((word) => stem(word)));
}

/**
 * Which of the first block's sub-headings each sub-heading of another block stands for: the one it shares the most
 * words with ("Formation requise" for "Formation / accès au poste"), else the one at its place when that one is free
 * ("Salaire" fifth, as "Rémunération" was); -1 for a sub-heading of its own. Also counts those matched by their words.
 */
function alignSubHeadings(reference: readonly Heading[], headings: readonly Heading[], pack: LanguagePack, lexicon?: Lexicon): { slots: number[]; byWords: number } {
  const referenceStems = reference.map((heading) => topicStems(heading.text, pack, lexicon));
  const used = new Set<number>();
  const slots = headings.map(() => -1);
  let byWords = 0;
  headings.forEach((heading, at) => {
    const own = topicStems(heading.text, pack, lexicon);
    const overlap = (slot: number) => [...referenceStems[slot]!].filter((word) => own.has(word)).length;
    const best = reference
      .map((_, slot) => slot)
      .filter((slot) => !used.has(slot) && overlap(slot) > 0)
      .sort((a, b) => overlap(b) - overlap(a) || Number(b === at) - Number(a === at))[0];
    if (best !== undefined) {
      slots[at] = best;
      used.add(best);
      byWords += 1;
    }
  });
  headings.forEach((_, at) => {
    if (slots[at] === -1 && at < reference.length && !used.has(at)) {
      slots[at] = at;
      used.add(at);
    }
  });
  return { slots, byWords };
}

/**
 * An article organised role first — "## Le secrétaire de mairie" then "### Missions", "### Compétences", sub-headings
 * about the same subjects under each role, worded alike or not ("### Ses missions", "### Le rôle") — read in the usual
 * shape: one section per subject, headed by the first role's sub-heading (the others kept as its other headings), each
 * role's part under its name, as if written "### Le secrétaire de mairie" inside it. What a role's block says before
 * its first sub-heading defines that role: those paragraphs make a section of their own, headed by the article's
 * title. A section headed by a title name with no sub-headings stays as written.
 */
function transposeRoleBlocks(sections: RawSection[], sectionLevel: number, title: string, pack: LanguagePack, lexicon?: Lexicon): RawSection[] {
  const names = namesInTitle(title, pack);
  const nameOf = new Map(sections.map((section) => [section, subHeadingsOf(section, sectionLevel).length >= MIN_SHARED_SUB_HEADINGS ? blockName(section.heading.text, names, pack) : null]));
  const blocks = sections.filter((section) => nameOf.get(section) !== null);
  if (blocks.length < 2 || new Set(blocks.map((block) => nameOf.get(block))).size < blocks.length) return sections;
  const reference = subHeadingsOf(blocks[0]!, sectionLevel);
  // Sub-headings that are themselves role names are the usual layout ("## Missions" then "### Le chef").
  if (reference.some((heading) => namesOneOf(heading.text, names, pack))) return sections;
  const alignments = new Map(blocks.slice(1).map((block) => [block, alignSubHeadings(reference, subHeadingsOf(block, sectionLevel), pack, lexicon)]));
  if ([...alignments.values()].some((alignment) => alignment.byWords < MIN_SHARED_SUB_HEADINGS)) return sections;

  // Each role's part is labelled by its block's heading when that writes the title's name, else by the title's name.
  const label = (block: RawSection): Heading => {
    const name = nameOf.get(block)!;
    const text = namesOneOf(withoutSlashedGenders(block.heading.text), [name], pack) ? block.heading.text : name;
    return { ...block.heading, level: sectionLevel + 1, text };
  };
  const definition: RawSection = { heading: { ...blocks[0]!.heading, text: title }, body: [] };
  const bySubject = new Map<string, RawSection>();
  for (const block of blocks) {
    let current: RawSection | null = null;
    const intro: SourceNode[] = [];
    let at = 0;
    for (const node of block.body) {
      if (node.type === 'heading' && node.level === sectionLevel + 1) {
        const slot = block === blocks[0] ? at : alignments.get(block)!.slots[at]!;
        at += 1;
        const text = headingText(node.text, pack);
        const key = slot >= 0 ? `#${slot}` : slugify(text);
        current = bySubject.get(key) ?? { heading: { ...node, level: sectionLevel, text }, body: [], otherHeadings: [] };
        if (slugify(text) !== slugify(current.heading.text) && !current.otherHeadings!.includes(text)) current.otherHeadings!.push(text);
        bySubject.set(key, current);
        current.body.push(label(block));
        continue;
      }
      if (current) current.body.push(node);
      else intro.push(node);
    }
    if (intro.length > 0) definition.body.push(label(block), ...intro);
  }
  const transposed = [...(definition.body.length > 0 ? [definition] : []), ...bySubject.values()];
  const first = sections.indexOf(blocks[0]!);
  return [...sections.slice(0, first).filter((section) => !blocks.includes(section)), ...transposed, ...sections.slice(first).filter((section) => !blocks.includes(section))];
}

/** A heading with an aside in brackets at its end: "Compétences (suite)". */
const CONTINUED = /^(.*?)\s*\(([^()]+)\)\s*$/;

/** Sections in a row, each headed by one role's name alone, that a section of no role's content announces. */
const MIN_ROLE_PARTS = 2;

/**
 * A deck or a page that gives each role's part its own slide or section: "Les missions" ("Un métier par diapositive"),
 * then "Le chef monteur image", "L'étalonneur", "L'assistant monteur", each over its list, are the parts of "Les
 * missions"; and "Compétences (suite)" goes on with "Compétences" (pack continuationMarks). Changes the sections in place.
 */
function gatherSlideParts(sections: RawSection[], sectionLevel: number, roles: readonly Role[], pack: LanguagePack): void {
  for (let at = 1; at < sections.length; at += 1) {
    const continued = CONTINUED.exec(sections[at]!.heading.text);
    const previous = sections[at - 1]!;
    if (continued && pack.has('continuationMarks', words(continued[2]!).join(' ')) && slugify(continued[1]!) === slugify(previous.heading.text)) {
      previous.body.push(...sections[at]!.body);
      sections.splice(at, 1);
      at -= 1;
    }
  }
  gatherRoleParts(sections, sectionLevel, roles, pack);
}

/**
 * "Les missions" then "Le chef monteur image", "L'étalonneur", "L'assistant monteur" at the same level, each a role's
 * name alone over its list: the parts of "Les missions". Changes the sections in place.
 */
function gatherRoleParts(sections: RawSection[], sectionLevel: number, roles: readonly Role[], pack: LanguagePack): void {
  // A heading that is a role's name and nothing else ("L'étalonneur (ou coloriste)", "CARRELEUR / CARRELEUSE"), over
  // no sub-heading.
  const nameKeys = roles.map((role) => new Set([role.name, ...role.aliases].map((name) => nameKey(name, pack).join(' '))));
  const roleOf = (section: RawSection) => {
    if (subHeadingsOf(section, sectionLevel).length > 0) return null;
    const text = withoutSlashedGenders(withoutColon(section.heading.text)).replace(/\s*\([^()]*\)/g, '');
    const key = nameKey(text, pack).join(' ');
    const named = roles.filter((_, index) => nameKeys[index]!.has(key));
    if (named.length === 1) return named[0]!;
    // "CÔTÉ LAVEUR DE VITRES", "CÔTÉ CHEF D'ÉQUIPE": a label's opener, then words naming one role and nothing else.
    const folded = words(text);
    const opener = pack.prefixLength('labelOpeners', folded, 0);
    if (opener === 0) return null;
    const role = roleNamedIn(folded.slice(opener).join(' '), roles, pack);
    if (role === null) return null;
    const nameWords = new Set([role.name, ...role.aliases].flatMap((name) => words(name)));
    return folded.slice(opener).every((word) => pack.has('determiners', word) || nameWords.has(word)) ? role : null;
  };
  for (let at = 1; at < sections.length; at += 1) {
    const announcing = sections[at - 1]!;
    let end = at;
    const seen = new Set<Role>();
    for (let role = roleOf(sections[end]!); role !== null && !seen.has(role); role = end < sections.length ? roleOf(sections[end]!) : null) {
      seen.add(role);
      end += 1;
    }
    const announcesOnly = announcing.body.every((node) => node.type === 'paragraph' || node.type === 'heading') && rolesMentionedIn(announcing.heading.text, roles, pack).length === 0;
    if (end - at < MIN_ROLE_PARTS || !announcesOnly) continue;
    for (const part of sections.splice(at, end - at)) announcing.body.push({ ...part.heading, level: sectionLevel + 1 }, ...part.body);
  }
}

/**
 * A heading that comes back at the section level continues the section it repeats: a summary table of criteria read
 * as sections (« Missions », « Compétences »…), then « Certains critères sont détaillés plus bas » and « ## Missions »
 * again, one list per role. Its body joins the first one's, after it, so one subject keeps one section and nothing is
 * lost. A heading naming a role is left alone. Changes the sections in place; tells the writer which heading was
 * joined to which.
 */
function joinRepeatedHeadings(sections: RawSection[], roles: readonly Role[], pack: LanguagePack, diagnostics: Diagnostic[]): void {
  const firstOf = new Map<string, RawSection>();
  for (let at = 0; at < sections.length; at += 1) {
    const section = sections[at]!;
    // A role's name over its part, once per subject, is how role parts are written, not a subject coming back.
    if (rolesMentionedIn(section.heading.text, roles, pack).length > 0) continue;
    const key = slugify(section.heading.text);
    const first = firstOf.get(key);
    if (first === undefined) {
      firstOf.set(key, section);
      continue;
    }
    diagnostics.push({ line: section.heading.line, severity: 'doubt', message: doubts.repeatedHeadingJoined(section.heading.text, first.heading.line) });
    first.body.push(...section.body);
    sections.splice(at, 1);
    at -= 1;
  }
}

/** The texts of a node, for searching the article's own words. */
function nodeTexts(node: SourceNode): string[] {
  const items = (list: readonly SourceItem[]): string[] => list.flatMap((item) => [item.text, ...items(item.children)]);
  switch (node.type) {
    case 'heading':
    case 'paragraph':
      return [node.text];
    case 'list':
      return items(node.items);
    case 'table':
      return [...node.header, ...node.rows.flat()];
  }
}

/**
 * A paragraph that turns to one role on purpose: it opens with a label's opener ("Chez le chef de tir, …", "Côté
 * artificière, …"), or sets its first role apart with a stressed pronoun or a connective ("Le chef de tir, lui, …",
 * "Le chef de tir, de son côté, …").
 */
function turnsToRole(text: string, roles: readonly Role[], pack: LanguagePack): boolean {
  if (pack.prefixLength('labelOpeners', words(text), 0) > 0) return true;
  const [head, next] = text.split(/\s*,\s*/);
  if (next === undefined || rolesMentionedIn(head!, roles, pack).length !== 1) return false;
  const after = words(next);
  return pack.has('stressedPronouns', after[0] ?? '') || pack.prefixLength('discourseConnectives', after, 0) > 0;
}

/** Parses an article file's text. `file` is used in ids and messages. */
export function parseArticle(source: string, file: string, pack: LanguagePack, lexicon?: Lexicon): Article {
  const markdown = /\.(?:md|markdown)$/i.test(file) || /^#\s/m.test(source);
  const read = withoutEmailEnvelope((markdown ? readMarkdown(source) : readTextExport(source)).nodes, markdown, pack).filter((node) => !isDocumentControl(node, pack));
  const nodes = inlineRowsAsTables(markdown ? read : withoutSignatureBlock(read));
  if (nodes.length === 0) throw new KnowledgeFileError(file, 1, problems.empty);
  const diagnostics: Diagnostic[] = [];
  const { category, title, intro, introMarked, sections: outlined, sectionLevel } = outline(nodes, markdown, file, pack, diagnostics);
  const rawSections = transposeRoleBlocks(criteriaTablesAsSubHeadings(outlined, sectionLevel, title, pack), sectionLevel, title, pack, lexicon);
  if (rawSections.length === 0) throw new KnowledgeFileError(file, nodes[0]!.line, problems.noSection);

  const titleNames = namesInTitle(title, pack);
  // "1) Missions" then "Facteur(-trice) d'orgues", "Harmoniste" each over its list, all at one level: the title's names
  // head the parts of a section, not sections, and label those lists for the roles to be found.
  gatherRoleParts(rawSections, sectionLevel, titleRoles(titleNames), pack);
  const labels = rawSections.flatMap((section, index) => labelsOf(section, index, sectionLevel, pack, titleNames));
  const roles = findRoles(title, [...labels, ...subjectsNamedInTitle(rawSections, title, pack)], pack);
  gatherSlideParts(rawSections, sectionLevel, roles, pack);
  joinRepeatedHeadings(rawSections, roles, pack, diagnostics);
  const texts = [title, ...intro, ...rawSections.flatMap((section) => section.body.flatMap(nodeTexts))];
  jobTitlesForTrades(roles, texts, pack);
  spellOutInitialisms(roles, texts, pack);
  bracketedInitialisms(roles, texts.slice(1), pack, title);
  const nicknamed = bracketedNicknames(roles, texts, pack);
  roles.splice(0, roles.length, ...labelRolesNicknamed(nicknamed, titleNames, introMarked, pack));
  // A paragraph about one role may say the name people use for it ("… — « le nez » dans le jargon de la maison"): known
  // before the sections are read, it names that role in a table's header or a label ("| Le nez | L'éval |").
  // "Analyste vidéo / analyste de la performance :", "Préparatrice / préparateur physique :": a label naming a role in
  // one of its forms gives it the others, a bare head taking the complement of the longest form that names the role.
  const labelLines = rawSections.flatMap((section) => section.body.flatMap((node) => {
    if (node.type === 'heading') return [node.text];
    if (node.type === 'paragraph' && node.strongLead !== undefined && (node.afterLead ?? '') === '') return [node.strongLead];
    return node.type === 'paragraph' && isLeadIn(node.text) ? [node.text] : [];
  }));
  // "Hôte(-sse) d'accueil des admissions": the feminine the writer spells out is a name of the role too ("hôtesse aux
  // admissions"), since no ending rule reads it back in the masculine.
  for (const text of [title, ...labelLines]) {
    for (const [base, feminine] of spelledOutFeminines(text)) {
      const word = fold(base);
      for (const role of roles) {
        const written = role.name.split(/\s+/);
        const at = written.findIndex((part) => fold(part) === word);
        if (at >= 0) addAlias(role, [...written.slice(0, at), written[at]! + feminine.slice(base.length), ...written.slice(at + 1)].join(' '));
      }
    }
  }
  for (const text of labelLines.filter((line) => /\s\/\s/.test(line))) {
    // "Le technicien / La technicienne de laboratoire": the names without their determiners.
    const forms = nameForms(withoutColon(text)).map((form) => bareName(form, pack)).filter((form) => form !== '');
    const named = forms.map((form) => roleNamedIn(form, roles, pack));
    const role = named.find((candidate) => candidate !== null);
    if (forms.length < 2 || !role || named.some((candidate) => candidate !== null && candidate !== role)) continue;
    const full = forms.filter((_, at) => named[at] === role).sort((a, b) => b.length - a.length)[0]!;
    const complement = full.split(/\s+/).slice(1).join(' ');
    for (const form of forms) {
      const alias = form.split(/\s+/).length === 1 && complement !== '' ? `${form} ${complement}` : form;
      addAlias(role, alias);
    }
  }
  // "Optométriste — « l'optom » :", "Conseiller de vente — « le conseiller » / « la conseillère »": a label that is a
  // role's name, then names in quotes, gives that role those names.
  for (const text of labelLines) {
    const firstQuote = text.search(/[«"“]/);
    if (firstQuote <= 0) continue;
    const key = nameKey(text.slice(0, firstQuote), pack).join(' ');
    const role = roles.find((candidate) => [candidate.name, ...candidate.aliases].some((name) => nameKey(name, pack).join(' ') === key));
    if (!role) continue;
    for (const quoted of text.slice(firstQuote).matchAll(QUOTED_NAME)) {
      for (const alias of quotedNames(quoted[0], pack)) addAlias(role, alias);
    }
  }
  // "**Régie plateau** :", "**Régie lumière** :" beside a Régisseur plateau and a Régisseur lumière: a bold lead naming
  // the trade rather than the job — a word sharing the start of a role's head, then the rest of that role's name.
  const boldLeads = rawSections.flatMap((section) => section.body.flatMap((node) => {
    if (node.type === 'paragraph') return node.strongLead !== undefined ? [node.strongLead] : [];
    return node.type === 'list' ? node.items.flatMap((item) => (item.strongLead !== undefined ? [item.strongLead] : [])) : [];
  }));
  for (const lead of new Set(boldLeads)) {
    if (roleEndingLabel(lead, roles, pack) !== null) continue;
    const [, ...rest] = nameKey(lead, pack);
    const first = headOf(lead, pack);
    if (first === undefined || rest.length === 0) continue;
    const trade = roles.filter((role) => {
      const [, ...complement] = nameKey(role.name, pack);
      return startsLikeHead(role.name, first, pack) && complement.join(' ') === rest.join(' ');
    });
    if (trade.length === 1) addAlias(trade[0]!, bareName(lead, pack));
  }
  // « On dit « le nivo » pour le nivoculteur », in the introduction or a section: that role's names in use. A name the
  // writer set in bold ("tout le monde dit **le véto** pour …") is read as one in quotes.
  // A bullet may give one too (« chef d'équipe déménagement, ci-après « le chef d'équipe » ; »), unless it is a label
  // leading into more (« KPIs pour le Chef de produit : »).
  const bullets = (node: SourceNode) => (node.type === 'list' ? node.items.filter((item) => !isLeadIn(item.text)).map((item) => item.text) : []);
  const sectionParagraphs = rawSections.flatMap((section) => section.body.flatMap((node) => (node.type === 'paragraph' ? [node.marked ?? node.text] : bullets(node))));
  for (const paragraph of [...introMarked, ...sectionParagraphs]) {
    const named = [...nicknamesFor(paragraph, roles, pack), ...namesGivenInClauses(paragraph, roles, pack), ...namesDesignated(paragraph, roles, pack), ...namesInApposition(paragraph, roles, pack), ...namesInDashedAside(paragraph, roles, pack), ...(introMarked.includes(paragraph) ? [...clippedNicknames(paragraph, roles, pack), ...namesInParallelList(paragraph, roles, pack)] : [])];
    for (const { role, names } of named) {
      for (const alias of names) addAlias(role, alias);
    }
  }
  for (const node of rawSections.flatMap((section) => section.body)) {
    if (node.type !== 'paragraph') continue;
    // Sentence by sentence: one that opens on another role speaks of that one ("Le chef d'équipe n'est pas … Le
    // conseiller commercial, appelé en interne « le visiteur », …"); the others go on about the paragraph's subject.
    let subject = subjectOf(node.text, roles, pack);
    for (const sentence of node.text.split(SENTENCE_BREAK)) {
      subject = subjectOf(sentence, roles, pack) ?? subject;
      if (!subject) continue;
      // "Le technicien qualité, que tout le monde ici appelle « le TQ », …": a name in quotes after a naming cue too.
      // A name its own clause gives another role ("…, et l'agent d'accueil est désigné comme « l'accueil »") is not the subject's.
      const others = new Set(namesGivenInClauses(sentence, roles, pack).filter(({ role }) => role !== subject).flatMap(({ names }) => names.map(slugify)));
      for (const alias of [...namesInUse(sentence, pack), ...aliasesInProse(sentence, pack, true)]) if (!others.has(slugify(alias)) && ![subject.name, ...subject.aliases].some((name) => slugify(name) === slugify(alias))) subject.aliases.push(alias);
    }
  }
  if (roles.length < 2) throw new KnowledgeFileError(file, rawSections[0]!.heading.line, problems.noRoles(roles.map((role) => role.name)));

  // Each section, then its themes: "## Compétences attendues" gathers "### Savoir-faire" and "### Savoir-être".
  const themesOf = new Map(rawSections.map((raw) => [raw, themeSections(raw, sectionLevel, roles, pack)]));
  const parentOf = new Map<RawSection, RawSection>();
  const withThemes = rawSections.flatMap((raw) => {
    const themes = themesOf.get(raw)!;
    for (const theme of themes) parentOf.set(theme, raw);
    return [raw, ...themes];
  });
  const idOf = new Map<RawSection, string>();
  const seen = new Map<string, number>();
  const sections: Section[] = withThemes.map((raw, index) => {
    // The first section concludes nothing: "En bref : qui fait quoi ?" there sums up who is who.
    const concludes = index > 0 && pack.prefixLength('conclusionHeadings', words(raw.heading.text)) > 0;
    const themeLines = new Set(themesOf.get(raw)?.map((theme) => theme.heading.line) ?? []);
    const builder = new SectionBuilder(raw, roles, pack, sectionLevel, concludes, themeLines).build();
    diagnostics.push(...builder.diagnostics);
    const view = viewOf(builder.blocks);
    const roleIds = Object.keys(view.byRole);
    const proseOnly = builder.blocks.every((block) => block.type === 'prose');
    const isLast = index === withThemes.length - 1;
    // A heading written as a question ("Les heures de nuit sont-elles majorées ?") answers it for every role, and a
    // heading saying what the roles share ("Ce qu'ils partagent") is that: neither is a conclusion, even last.
    const asksQuestion = isQuestion(raw.heading.text);
    const headingShared = says(raw.heading.text, 'sharedCues', pack);
    const isConclusion = (concludes && roleIds.length === 0) || (isLast && proseOnly && roleIds.length === 0 && !asksQuestion && !headingShared);
    const isShared = !isConclusion && roleIds.length === 0 && (headingShared || asksQuestion || view.sharedItems.length > 0);
    // A section defines the roles when it gives each a paragraph, or when its heading says so ("En deux mots : qui est
    // qui ?") and it gives each role something of its own (one "Rôle : …" bullet each).
    const definitionHeading = says(raw.heading.text, 'definitionHeadings', pack);
    // A paragraph of its own, that is: clauses of one sentence shared out between the roles ("L'hiver : le chef
    // arrête l'assolement, pendant que l'ouvrier…") tell the season, they define no one.
    const ownParagraph = (role: Role) => builder.blocks.some((block) => block.type === 'prose' && block.roleId === role.id && !builder.clauses.has(block));
    // A FAQ whose answers each open on a role ("**Un CR peut-il …?**" then "Le CS …") answers questions; it defines no one.
    const asksInBody = raw.body.some((node) => node.type === 'paragraph' && isQuestion(node.text));
    const isDefinition =
      !isConclusion &&
      ((proseOnly && !asksInBody && roles.every(ownParagraph)) || (definitionHeading && roles.every((role) => view.byRole[role.id] !== undefined)));
    let id = slugify(raw.heading.text);
    const first = seen.get(id);
    if (first !== undefined) {
      diagnostics.push({ line: raw.heading.line, severity: 'doubt', message: doubts.duplicateHeading(raw.heading.text, first) });
      id = `${id}-${index + 1}`;
    }
    seen.set(id, raw.heading.line);
    idOf.set(raw, id);
    if (builder.blocks.length === 0) diagnostics.push({ line: raw.heading.line, severity: 'doubt', message: doubts.emptySection(raw.heading.text) });
    else if (roleIds.length === 0 && !isConclusion && !isShared) diagnostics.push({ line: raw.heading.line, severity: 'doubt', message: doubts.noRoleList(raw.heading.text) });
    const parent = parentOf.get(raw);
    return { id, heading: raw.heading.text, ...(raw.otherHeadings?.length ? { otherHeadings: raw.otherHeadings } : {}), line: raw.heading.line, blocks: builder.blocks, ...view, isConclusion, isDefinition, isShared, ...(parent ? { themeOf: idOf.get(parent)! } : {}) };
  });
  // One section defines the roles: the one whose heading says so, else the first that gives each role a paragraph.
  const definitions = sections.filter((section) => section.isDefinition);
  // Two headings may say so ("En bref", a table, and "Quel est le rôle de chacun ?", a paragraph each): prose defines best.
  const proseOnly = (section: Section) => section.blocks.every((block) => block.type === 'prose');
  const named = definitions
    .filter((section) => says(section.heading, 'definitionHeadings', pack))
    .sort((a, b) => Number(proseOnly(b)) - Number(proseOnly(a)))[0];
  // A FAQ may define each role under its own question ("Qu'est-ce qu'un géomètre-topographe ?", then "… un
  // dessinateur-projeteur ?"): when every role has one, or no heading says it defines them all, those sections
  // define one role each, rather than a section that gives each role a paragraph ("Le métier est-il physique ?").
  const definesOne = sections.filter((section) => {
    const owners = Object.keys(section.byRole);
    const asks = says(section.heading, 'definitionCues', pack) || says(section.heading, 'definitionHeadings', pack);
    return asks && owners.length === 1 && rolesMentionedIn(section.heading, roles, pack).length === 1 && (section.byRole[owners[0]!]?.prose.length ?? 0) > 0;
  });
  const definedOneByOne = new Set(definesOne.map((section) => Object.keys(section.byRole)[0])).size;
  const perRole = definedOneByOne === roles.length || (!named && definedOneByOne >= 2);
  // Without a heading saying so, paragraphs that come after the roles' lists tell a topic of their own (« Horaires et
  // astreintes », a paragraph each): a page introduces its roles before it lists what they do.
  const firstListed = sections.findIndex((section) => Object.values(section.byRole).some((content) => content.items.length > 0));
  const introducing = definitions.find((section) => firstListed < 0 || sections.indexOf(section) < firstListed);
  for (const section of sections) section.isDefinition = perRole ? definesOne.includes(section) : section === (named ?? introducing);
  for (const section of sections.filter((candidate) => candidate.isDefinition)) {
    for (const role of roles) {
      // A role's paragraph, or its bullet ("- Appelé « APS » sur le site, il protège…"), may give it another name.
      const content = section.byRole[role.id];
      for (const paragraph of [...(content?.prose ?? []), ...(content?.items.map((item) => item.text) ?? [])]) {
        for (const alias of aliasesInProse(paragraph, pack)) {
          addAlias(role, alias);
        }
      }
    }
  }
  // A section about what people call the roles ("Dans le jargon de l'agence") gives each role its nicknames.
  for (const section of sections.filter((candidate) => says(candidate.heading, 'namingHeadings', pack))) {
    for (const role of roles) {
      for (const item of section.byRole[role.id]?.items ?? []) {
        for (const alias of quotedNames(item.text, pack)) {
          addAlias(role, alias);
        }
      }
    }
  }
  // A table's row about what people call the roles (« Surnom au hangar | Le méca, le B1 | L'avionicien, le B2 ») gives
  // each role the names of its cell, a few words each.
  for (const section of sections) {
    for (const role of roles) {
      for (const item of section.byRole[role.id]?.items ?? []) {
        if (!item.label || !says(item.label, 'namingHeadings', pack)) continue;
        const cell = item.text.startsWith(item.label) ? item.text.slice(item.label.length).replace(/^\s*:\s*/, '') : item.text;
        const names = cell.split(new RegExp(`\\s*[,;/]\\s*|\\s+(?:${pack.source('alternativeWords').join('|')})\\s+`, 'u')).map((piece) => bareName(piece, pack));
        for (const alias of names) {
          // A job's usual head alone ("le planner", "le chef") names any job of that kind: no nickname of this one.
          const genericHead = words(alias).length === 1 && (['jobHeads', 'jobHeadsLast', 'leaderHeads'] as const).some((wordClass) => pack.has(wordClass, words(alias)[0]!));
          if (alias !== '' && !genericHead && alias.split(/\s+/).length <= MAX_NICKNAME_WORDS) addAlias(role, alias);
        }
      }
    }
  }
  withAbbreviations(roles, pack);
  for (const role of roles) role.feminine = isFeminine(role, texts, pack);
  for (const role of roles) {
    if (!sections.some((section) => section.byRole[role.id])) diagnostics.push({ line: rawSections[0]!.heading.line, severity: 'doubt', message: doubts.roleWithoutContent(role.name) });
  }
  if (!sections.some((section) => Object.keys(section.byRole).length > 0)) {
    throw new KnowledgeFileError(file, sections[0]!.line, problems.noRoleContent);
  }
  const conclusion = sections.find((section) => section.isConclusion)?.intro ?? [];
  const name = file.split(/[\\/]/).pop() ?? file;
  return { id: slugify(name.replace(/\.[^.]+$/, '')), file, ...(category !== undefined ? { category } : {}), title, intro, roles, sections, conclusion, diagnostics };
}
