/**
 * The intranet's plain-text export → source nodes: headings stand alone on their line (short, no
 * final punctuation, or numbered "2. Formation" between blank lines), bullets (•, -, ◦, →, ✓, an emoji, 1.) nest by
 * indentation, a line of pipes is a table row. The same node types as the Markdown reader.
 */
import { stripMarkup } from '../text/normalize.js';
import { BULLET_MARKS, LEADING_PICTOGRAPHS, squeeze, type SourceDocument, type SourceItem, type SourceNode } from './sourceNodes.js';

/**
 * A bullet: the usual marks, the arrows, ticks and emoji that intranet pages put before their points
 * ("✓ Réaliser les entremets", "→ Travail de nuit", "  ✅ Permis B"), the « > » of a plain-text e-mail, or "1." / "2)". An emoji marks a
 * bullet only on an indented line: at the margin it opens a heading ("🎯 Missions").
 */
const BULLET = new RegExp(`^(\\s*)(?:[${BULLET_MARKS}*+>-]|(?<=^\\s+)\\p{Extended_Pictographic}\\uFE0F?|(\\d{1,2})[.)])\\s+(.*)$`, 'u');
const NUMBERED = /^\d{1,2}[.)]\s+(.*)$/;
/** A heading's number: "2" of "2. Missions", "2.1" of "2.1 Le conseiller voyages". */
const HEADING_NUMBER = /^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s/;

/**
 * Levels of the numbered headings read so far, by number: "2.1 Le conseiller voyages" after "2. Missions" is one level
 * under it; a "1.1 Au quotidien" with no "1." before it is a section like any other.
 */
class HeadingNumbers {
  private readonly levels = new Map<string, number>();

  levelOf(text: string): number {
    const number = HEADING_NUMBER.exec(text)?.[1];
    if (number === undefined) return 2;
    const parent = this.levels.get(number.replace(/\.?\d+$/, ''));
    const level = parent === undefined ? 2 : parent + 1;
    this.levels.set(number, level);
    return level;
  }
}
const TABLE_ROW = /^\|(.*)\|$/;
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/;
/** A line wholly in square brackets: what an export writes in place of a picture or a widget ("[Image : …]"). */
const PLACEHOLDER = /^\[[^\[\]]+\]$/;
/** A breadcrumb: three places or more, each a few words, joined by « > » or « › » (not the quotes' « »). */
const BREADCRUMB = /^[^>›\n]{1,40}(?:\s[>›]\s[^>›\n]{1,40}){2,}$/;
/** A heading is short and does not end like a sentence or a list lead-in. */
const MAX_HEADING_WORDS = 14;
const MAX_HEADING_CHARS = 100;

/** Plain text of a line: emphasis marks and HTML tags dropped, white space collapsed. */
function plainText(text: string): string {
  return squeeze(
    stripMarkup(text)
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1'),
  );
}

/** A title (one of the first two lines) may be longer: "Différences entre un X, un Y et un Z". */
const MAX_TITLE_CHARS = 200;
const MAX_TITLE_WORDS = 30;


/** A date ("12/02/2024", "le 3 février 2025"): a line that gives one is a page's byline, not a heading. */
const DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}(?:er)?\s+\p{L}+\.?\s+(?:19|20)\d{2}\b/u;

function looksLikeHeading(text: string, title = false): boolean {
  const words = text.replace(LEADING_PICTOGRAPHS, '');
  if (DATE.test(words)) return false;
  if (words.length > (title ? MAX_TITLE_CHARS : MAX_HEADING_CHARS) || words.split(/\s+/).length > (title ? MAX_TITLE_WORDS : MAX_HEADING_WORDS)) return false;
  if (/[.:;,!…]$/.test(words)) return false;
  return /^[\p{Lu}\p{N}«"]/u.test(words);
}

interface Bullet {
  text: string;
  line: number;
  indent: number;
  ordered: boolean;
  /** The mark written ("►", "-", "1.", BARE_POINT), or '' for a line of its own under a bullet. */
  mark: string;
}

/** Written with a mark, not a line of its own under a bullet. */
function isMarked(bullet: Bullet): boolean {
  return bullet.mark !== '';
}

/**
 * "► Le scénographe" then "- Conçoit l'espace…", "- Dessine les plans…", all at the margin: a mark that opens the list
 * and comes back only before runs of another mark heads those runs, as a deeper indentation would show.
 */
function withHeadMarks(bullets: readonly Bullet[]): { bullet: Bullet; indent: number }[] {
  const first = bullets[0];
  const sameLevel = bullets.filter((bullet) => isMarked(bullet) && bullet.indent === first?.indent);
  const headMark = first?.mark;
  const heads = sameLevel.filter((bullet) => bullet.mark === headMark);
  const headsRuns =
    first !== undefined &&
    heads.length < sameLevel.length &&
    sameLevel.every((bullet, at) => bullet.mark !== headMark || (sameLevel[at + 1] !== undefined && sameLevel[at + 1]!.mark !== headMark));
  return bullets.map((bullet) => ({ bullet, indent: headsRuns && bullet.indent >= first.indent && bullet.mark !== headMark ? bullet.indent + 1 : bullet.indent }));
}

/** Nests consecutive bullets by indentation into list items. */
function nest(bullets: Bullet[]): SourceItem[] {
  const roots: SourceItem[] = [];
  const stack: { item: SourceItem; indent: number }[] = [];
  for (const { bullet, indent } of withHeadMarks(bullets)) {
    const item: SourceItem = { text: bullet.text, line: bullet.line, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.item.children.push(item);
    else roots.push(item);
    stack.push({ item, indent });
  }
  return roots;
}

/**
 * A page's running header or footer, repeated by a document copied out of a PDF ("Manuel d'accueil — page 2/5"):
 * a line at the margin or pushed to the right written again and again with only its numbers changed, and those
 * numbers going up; and the rest of that header or footer, written again word for word: a line set out in columns
 * ("Les Ruchers de Gascogne      Guide des métiers · Fiche 07"), or one that stands beside the page's counter at
 * least twice.
 */
function runningLines(lines: readonly string[]): Set<number> {
  const byShape = new Map<string, { index: number; numbers: number[] }[]>();
  const byText = new Map<string, number[]>();
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    if (trimmed === '' || (indent > 0 && indent < RIGHT_ALIGNED_INDENT) || BULLET.test(raw)) return;
    byText.set(trimmed, [...(byText.get(trimmed) ?? []), index]);
    // "2.1 Le conseiller voyages", "3.1 Le conseiller voyages": a role's sub-heading numbered under each section, its
    // numbers going up as a page's would; only the number in front is no page counter.
    if (!/\d/.test(trimmed) || SECTION_NUMBERED.test(trimmed)) return;
    const shape = trimmed.replace(/\d+/g, '#');
    const numbers = [...trimmed.matchAll(/\d+/g)].map((match) => Number(match[0]));
    byShape.set(shape, [...(byShape.get(shape) ?? []), { index, numbers }]);
  });
  const counters = new Set<number>();
  // A line that opens with a number, between lines opening with a number of the same shape, is a row of the page's own
  // list, as a timetable's are ("12 h 00 – Pause déjeuner" between "10 h 30 – …" and "13 h 00 – …"), not its counter.
  const opening = (index: number) => /^\d+\D{0,4}\d*/.exec((lines[index] ?? '').trim())?.[0].replace(/\d+/g, '#') ?? null;
  const listRow = ({ index }: { index: number }) => opening(index) !== null && (opening(index - 1) === opening(index) || opening(index + 1) === opening(index));
  for (const occurrences of byShape.values()) {
    const counting =
      occurrences.length >= 2 && !occurrences.some(listRow) && occurrences.every((occurrence, at) => at === 0 || occurrence.numbers.some((number, k) => number > occurrences[at - 1]!.numbers[k]!));
    if (counting) for (const occurrence of occurrences) counters.add(occurrence.index);
  }
  const repeated = new Set([...byText.values()].filter((indexes) => indexes.length >= 2).flat());
  // Beside the counter: only blank lines and other repeated lines between them.
  const besideCounter = (index: number) =>
    [...counters].some((counter) => {
      if (Math.abs(counter - index) > RUNNING_BLOCK_LINES) return false;
      for (let at = Math.min(counter, index) + 1; at < Math.max(counter, index); at += 1) {
        if (lines[at]!.trim() !== '' && !repeated.has(at) && !counters.has(at)) return false;
      }
      return true;
    });
  const running = new Set(counters);
  for (const [text, indexes] of byText) {
    if (indexes.length < 2) continue;
    if (COLUMN_GAP.test(text) || indexes.filter(besideCounter).length >= 2) for (const index of indexes) running.add(index);
  }
  return running;
}
/** A label, a colon, then text in lower case: "Étalonneur : le chef opérateur…". */
const INLINE_LABEL = /^[^:()]{1,60}\s:\s+\p{Ll}/u;

/** The mark of a point written without one, on its own line under a lead-in. */
const BARE_POINT = 'bare';
/** Words a point written without a mark has at most. */
const MAX_BARE_POINT_WORDS = 20;

/** A heading underlined as plain text underlines it: the title with « ==== », a section with « ---- ». */
const UNDERLINE = /^(?:(=){3,}|-{3,})$/;
/** Headings a page must underline for a line it does not underline to be no heading. */
const MIN_UNDERLINED_HEADINGS = 2;
/** Lines of text before the first underlined heading — a title and its introduction — for only the sections to be underlined. */
const MIN_TEXT_BEFORE_UNDERLINED_SECTIONS = 2;

/** Lines underlined by the line after them, with the level the underline gives: 1 under « = », 2 under « - ». */
function underlinedHeadings(lines: readonly string[]): Map<number, number> {
  const found = new Map<number, number>();
  lines.forEach((raw, index) => {
    const text = raw.trim();
    const underline = UNDERLINE.exec((lines[index + 1] ?? '').trim());
    // The underline runs about as long as the line: a rule far shorter is a separator.
    if (text === '' || !underline || BULLET.test(raw) || underline[0].length * 2 < text.length) return;
    found.set(index, underline[1] === '=' ? 1 : 2);
  });
  return found;
}

/** A heading with its section's number in front and no other number: "2.1 Le forfaitiste", "3. Compétences". */
const SECTION_NUMBERED = /^\d{1,2}(?:\.\d{1,2})*[.)]?\s+\D+$/;
/** A line indented this far is pushed to the right of the page, as a page's number is. */
const RIGHT_ALIGNED_INDENT = 20;
/** Lines a running header or footer spans around the page's counter, blank lines included. */
const RUNNING_BLOCK_LINES = 3;
/** Columns of a PDF's running header: text, a run of spaces, more text. */
const COLUMN_GAP = /\S {3,}\S/;

/** A slide's marker in a deck saved as text: "Diapositive 3", "Slide 3". */
const SLIDE_MARKER = /^\s*(?:diapositive|diapo|slide)\s+\d{1,3}\s*$/i;
/** Slides a deck has at least, for its markers to be read as such. */
const MIN_SLIDES = 3;

/**
 * A slide deck saved as text ("Diapositive 1", its title on the next line, then its points): each slide's title is a
 * section heading (the first slide's, the category line), and every other line standing alone inside a slide heads a
 * part of it. The markers themselves are no content. Null when the file is no deck.
 */
function slideTitles(lines: readonly string[]): { titles: Set<number>; markers: Set<number> } | null {
  const markers = new Set(lines.flatMap((line, index) => (SLIDE_MARKER.test(line) ? [index] : [])));
  if (markers.size < MIN_SLIDES) return null;
  const titles = new Set<number>();
  for (const marker of markers) {
    const title = lines.findIndex((line, index) => index > marker && line.trim() !== '');
    if (title >= 0 && !markers.has(title)) titles.add(title + 1);
  }
  return { titles, markers };
}

/**
 * A table whose cells a tab separates, as a slide or a spreadsheet pastes it, or a pipe with a space each side, as an
 * export writes a table without its outer pipes ("Métier | Diplôme | Salaire brut"): each line the same number of
 * cells, three or more, the first of the header possibly empty ("\tAnimateur\tProgrammateur\tRéalisateur").
 */
const MIN_TAB_CELLS = 3;
const CELL_SEPARATOR = /\t|\s\|\s/;
function tabCells(raw: string): string[] | null {
  if (!CELL_SEPARATOR.test(raw) || BULLET.test(raw.replace(/\t/g, '    '))) return null;
  const cells = raw.replace(/\s+$/, '').split(raw.includes('\t') ? '\t' : CELL_SEPARATOR).map((cell) => plainText(cell));
  return cells.length >= MIN_TAB_CELLS && cells.filter((cell) => cell !== '').length >= MIN_TAB_CELLS - 1 ? cells : null;
}

/** Rows a table laid out in columns by spaces holds at least, its header counted. */
const MIN_ALIGNED_ROWS = 3;
/** How far a cell may start from its column's start, in characters, for its row to be read in columns. */
const MAX_COLUMN_DRIFT = 2;
/** A cell of a line laid out in columns: words a single space apart; two spaces or more end it. */
const ALIGNED_CELL = /\S+(?: \S+)*/g;

/**
 * A table laid out in columns by spaces, as a plain-text export or an e-mail writes it ("                Éducateur
 * canin    Toiletteur" over "Horaires habituels    9h-12h    8h30-12h"): three lines or more in a row, each of three
 * cells or more starting at the same columns, the header's first cell possibly empty. Its lines are rewritten with a tab
 * between cells, as a pasted table writes them; other lines pass unchanged.
 */
function alignedTablesAsTabs(lines: readonly string[]): string[] {
  const cellsOf = (raw: string) => {
    const expanded = expandSpaces(raw);
    if (raw.includes('\t') || BULLET.test(expanded) || TABLE_ROW.test(expanded.trim())) return null;
    const cells = [...expanded.matchAll(ALIGNED_CELL)].map((match) => ({ text: match[0], start: match.index }));
    // Two cells may be the header of a table of two roles, over rows of three.
    return cells.length >= MIN_TAB_CELLS - 1 ? cells : null;
  };
  const rows = lines.map(cellsOf);
  const read = [...lines];
  /** Whether the rows from `start` to `end` are one table in columns, and if so rewrites them. */
  const rewrite = (start: number, end: number) => {
    if (end - start < MIN_ALIGNED_ROWS) return false;
    const block = rows.slice(start, end) as { text: string; start: number }[][];
    const columns = block.reduce((widest, row) => (row.length > widest.length ? row : widest)).map((cell) => cell.start);
    const columnOf = (cell: { start: number }) => columns.findIndex((column) => Math.abs(column - cell.start) <= MAX_COLUMN_DRIFT);
    const header = (row: readonly { start: number }[], at: number) => at === 0 && row.length === columns.length - 1 && columnOf(row[0]!) === 1;
    const aligned = columns.length >= MIN_TAB_CELLS && block.every((row, at) => row.every((cell) => columnOf(cell) >= 0) && (row.length === columns.length || header(row, at)));
    if (aligned) block.forEach((row, at) => (read[start + at] = [...(row.length < columns.length ? [''] : []), ...row.map((cell) => cell.text)].join('\t')));
    return aligned;
  };
  for (let start = 0; start < rows.length; start += 1) {
    let end = start;
    while (end < rows.length && rows[end] !== null) end += 1;
    // A line of two cells just above the table ("Mise à jour :   mars") is no part of it.
    if (end > start && !rewrite(start, end)) rewrite(start + 1, end);
    start = end;
  }
  return read;
}

/** Reads a text export into source nodes. */
export function readTextExport(source: string): SourceDocument {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const deck = slideTitles(lines);
  const nodes = readLines(inOneColumn(alignedTablesAsTabs(deck ? lines.map((line, index) => (deck.markers.has(index) ? '' : line)) : lines)));
  if (!deck) return { nodes: withColonHeadings(nodes, lines), markdown: false };
  // In a deck, only the slides' titles are sections; a line standing alone inside a slide heads a part of it.
  const slides = nodes.map((node): SourceNode => {
    if (deck.titles.has(node.line) && (node.type === 'paragraph' || node.type === 'heading')) return { type: 'heading', level: 2, text: node.text, line: node.line };
    // "Barman : les clients au comptoir" is a label and its text, not a part's heading.
    if (node.type === 'heading' && INLINE_LABEL.test(node.text) && !node.text.endsWith('?')) return { type: 'paragraph', quote: false, text: node.text, line: node.line };
    return node.type === 'heading' ? { ...node, level: 3 } : node;
  });
  return { nodes: slides, markdown: false };
}

/** Lines ending with a colon a page must hold alone between blank lines for them to head its sections. */
const MIN_COLON_HEADINGS = 2;

/**
 * A page with (almost) no heading after its title may write each section's name as a line ending with a colon, alone
 * between blank lines: "Les missions :", a blank line, then "Pour le cordier :" and its points. Those lines head its sections.
 * A line ending with a colon right over its text, or over a blank line then a list of points, stays a lead-in.
 */
function withColonHeadings(nodes: SourceNode[], lines: readonly string[]): SourceNode[] {
  const opening = nodes.findIndex((node) => node.type !== 'heading');
  if (opening === -1) return nodes;
  const blank = (line: number) => (lines[line - 1] ?? '').trim() === '';
  // Points that open on a question are a dialogue or a FAQ, which a heading names, not the points a lead-in announces.
  const overList = (line: number) => {
    const bullet = BULLET.exec(expandSpaces(lines.slice(line).find((raw) => raw.trim() !== '') ?? ''));
    return bullet !== null && !bullet[3]!.trimEnd().endsWith('?');
  };
  const alone = nodes.filter(
    (node) => node.type === 'paragraph' && node.text.endsWith(':') && blank(node.line - 1) && blank(node.line + 1) && !overList(node.line) && looksLikeHeading(node.text.slice(0, -1).trimEnd()),
  );
  // A section is named once; "Côté costumier :" written again in every section opens a role's part of each.
  const times = new Map<string, number>();
  for (const node of alone) if (node.type === 'paragraph') times.set(node.text, (times.get(node.text) ?? 0) + 1);
  const headings = new Set(alone.filter((node) => node.type === 'paragraph' && times.get(node.text) === 1));
  // A short line left without a colon ("A lire aussi : …", a link to another page) does not make the page one with headings.
  const otherHeadings = nodes.slice(opening).filter((node) => node.type === 'heading').length;
  if (headings.size < MIN_COLON_HEADINGS || headings.size <= otherHeadings) return nodes;
  return nodes.map((node): SourceNode => (headings.has(node) && node.type === 'paragraph' ? { type: 'heading', level: 2, text: node.text.slice(0, -1).trimEnd(), line: node.line } : node));
}

/** A line with its tabs as four spaces and its no-break spaces as spaces: indentation and columns as the eye sees them. */
function expandSpaces(raw: string): string {
  return raw.replace(/\t/g, '    ').replace(/\u00A0/g, ' ');
}

/** A line of prose this long that stops mid-sentence was wrapped by the export, not ended by its writer. */
const MIN_WRAPPED_CHARS = 60;

/** A line to read, and its number in the file (two lines read may come from one line of the file). */
interface TextLine {
  text: string;
  line: number;
  /** A key and its value, which is never a heading ("Type de page : Fiche métier comparée"). */
  keyed?: boolean;
}

/** A key of a two-column page is a few words at the margin: "Conducteur de ligne", "Type de page". */
const TWO_COLUMN_KEY = /^(\S[^\t]{0,48}?\S)\s{2,}(\S.*)$/;
const MAX_KEY_WORDS = 6;
/** Keys a page holds at least, all with their values at one column, for it to be read in two columns. */
const MIN_TWO_COLUMN_KEYS = 4;

/**
 * A page laid out in two columns, as a SharePoint or Word page exported to text writes it: a key at the margin
 * (a role, a page property), its value from a fixed column on, wrapped onto lines indented to that column.
 * Each key becomes a label over its value, as the one-column export writes it: "Conducteur de ligne :" on a line of
 * its own over the points of a list, "Conducteur de ligne : Il pilote…" before a text; a point of the value stays a
 * point, a wrapped line goes on with the line above.
 * Other files pass unchanged.
 */
function inOneColumn(lines: readonly string[]): TextLine[] {
  const expanded = lines.map(expandSpaces);
  const keyed = expanded.map((raw, index) => {
    const match = TWO_COLUMN_KEY.exec(raw);
    // A row of a table with a tab between cells is no key and its value.
    if (!match || TABLE_ROW.test(raw.trim()) || BULLET.test(raw) || tabCells(lines[index]!) !== null || match[1]!.split(/\s+/).length > MAX_KEY_WORDS) return null;
    return { key: match[1]!, value: match[2]!, column: raw.length - match[2]!.length };
  });
  const byColumn = new Map<number, number>();
  for (const row of keyed) if (row) byColumn.set(row.column, (byColumn.get(row.column) ?? 0) + 1);
  const [column, count] = [...byColumn].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  const numbered = lines.map((text, index) => ({ text, line: index + 1 }));
  if (count < MIN_TWO_COLUMN_KEYS) return numbered;
  const read: TextLine[] = [];
  let inValue = false;
  expanded.forEach((raw, index) => {
    const line = index + 1;
    const row = keyed[index];
    const indent = raw.length - raw.trimStart().length;
    if (row && row.column === column) {
      // A value that opens with a point is the key's list; any other is the key's text, on its line.
      if (BULLET.test(` ${row.value}`)) read.push({ text: `${row.key} :`, line }, { text: row.value, line });
      else read.push({ text: `${row.key} : ${row.value}`, line, keyed: true });
      inValue = true;
    } else if (inValue && raw.trim() !== '' && indent >= column) {
      // A point of the value stands beside the first; a wrapped line sits just inside it, so that it goes on.
      const value = raw.slice(column);
      read.push({ text: BULLET.test(value) ? value : ` ${value}`, line });
    } else {
      if (raw.trim() !== '') inValue = false;
      read.push(numbered[index]!);
    }
  });
  return read;
}

/** Reads the lines of a text export into source nodes. */
function readLines(textLines: readonly TextLine[]): SourceNode[] {
  const nodes: SourceNode[] = [];
  const lines = textLines.map(({ text }) => text);
  const running = runningLines(lines);
  const underlines = underlinedHeadings(lines);
  // "Maraîcher, ouvrier agricole… : quelles différences ?", then the introduction, then "Missions principales" over
  // « ==== »: when the first underlined heading comes after the title and some text, only the sections are underlined —
  // the title, not underlined, heads the page (level 1) and the sections sit one level under it.
  const firstUnderlined = Math.min(...underlines.keys());
  const textBeforeUnderlines = lines.slice(0, firstUnderlined).filter((raw, index) => raw.trim() !== '' && !running.has(index)).length;
  const sectionsOnlyUnderlined = underlines.size >= MIN_UNDERLINED_HEADINGS && textBeforeUnderlines >= MIN_TEXT_BEFORE_UNDERLINED_SECTIONS;
  const titleUnderlined = [...underlines.values()].includes(1) && !sectionsOnlyUnderlined;
  const headingNumbers = new HeadingNumbers();
  /** The line and indentation of the last paragraph or heading read: an indented line right after it continues it. */
  let textEnd = { line: 0, indent: 0 };
  let bullets: Bullet[] = [];
  /** The last line read into the current list: a line right after it may continue its last bullet. */
  let listEnd = 0;
  let table: { header: string[]; rows: string[][]; line: number } | null = null;
  const flush = () => {
    if (bullets.length > 0) nodes.push({ type: 'list', ordered: bullets.every((bullet) => bullet.ordered), items: nest(bullets), line: bullets[0]!.line });
    if (table) nodes.push({ type: 'table', ...table });
    bullets = [];
    table = null;
  };
  lines.forEach((raw, index) => {
    const { line } = textLines[index]!;
    const expanded = expandSpaces(raw);
    const trimmed = expanded.trim();
    // "[Image : une soigneuse prépare les rations…]": a placeholder the export left for a picture, no text of the page;
    // "Accueil > Vie de l'entreprise > Nos métiers": the page's breadcrumb, neither.
    if (trimmed === '' || running.has(index) || PLACEHOLDER.test(trimmed) || BREADCRUMB.test(trimmed)) return;
    const row = TABLE_ROW.exec(trimmed);
    const tabbed = row ? null : tabCells(raw);
    const sameWidth = tabbed !== null && (table !== null ? table.header.length === tabbed.length : tabCells(lines[index + 1] ?? '')?.length === tabbed.length);
    if (row || (tabbed && sameWidth)) {
      if (bullets.length > 0) flush();
      if (row && TABLE_RULE.test(trimmed)) return;
      const cells = row ? (row[1] ?? '').split('|').map(plainText) : tabbed!;
      if (table) table.rows.push(cells);
      else table = { header: cells, rows: [], line };
      return;
    }
    if (table) flush();
    if (RULE.test(trimmed)) {
      flush();
      return;
    }
    // "2. Les compétences requises" alone between blank lines is a numbered heading, not a list item.
    const numbered = NUMBERED.exec(trimmed);
    const alone = (lines[index - 1] ?? '').trim() === '' && (lines[index + 1] ?? '').trim() === '';
    if (numbered && expanded === trimmed && alone && looksLikeHeading(plainText(numbered[1] ?? ''))) {
      flush();
      nodes.push({ type: 'heading', level: headingNumbers.levelOf(trimmed), text: plainText(numbered[1] ?? ''), line });
      return;
    }
    const bullet = BULLET.exec(expanded);
    if (bullet) {
      bullets.push({ text: plainText(bullet[3] ?? ''), line, indent: bullet[1]!.length, ordered: bullet[2] !== undefined, mark: bullet[2] !== undefined ? '1.' : [...expanded.trimStart()][0]! });
      listEnd = line;
      return;
    }
    // A line under a bullet, indented past its marker and with no blank line between, belongs to that bullet:
    // a sentence wrapped onto the next line goes on (it starts in lower case), a line of its own ("Statut :
    // cadre", "Formation : bac +3") is one more point under the bullet.
    const marked = bullets.findLast(isMarked);
    const indent = expanded.length - expanded.trimStart().length;
    if (marked && listEnd === line - 1 && indent > marked.indent) {
      const text = plainText(trimmed);
      if (/^\p{Ll}/u.test(text)) bullets[bullets.length - 1]!.text += ` ${text}`;
      else bullets.push({ text, line, indent: marked.indent + 1, ordered: false, mark: '' });
      listEnd = line;
      return;
    }
    // A line copied out of a PDF breaks mid-sentence: indented under a line of prose with no blank line between, it goes
    // on with that line, which was never a heading ("… son départ, quatre" / "  métiers se relaient…").
    // After a colon, only a line in lower case goes on ("… prépare les documents du vol :" / "  devis de masse…"): a
    // capital opens a point of a list written without bullets.
    const previous = nodes[nodes.length - 1];
    const prose = previous?.type === 'paragraph' || previous?.type === 'heading' ? previous : null;
    const goesOn = prose !== null && (!prose.text.endsWith(':') || /^\p{Ll}/u.test(trimmed));
    // A page wrapped at a fixed width breaks its paragraphs at the margin: a line in lower case right under a long line of
    // prose that stops mid-sentence goes on with it ("… vu de l'extérieur," / "on a vite fait de les confondre."). That
    // long line may have looked like a heading on its own ("Le responsable de miellerie dirige l'atelier d'extraction et de"
    // / "conditionnement. Il garantit…"): it stays one only if the whole still looks like a heading.
    const wrapped = prose !== null && (lines[index - 1] ?? '').trim().length >= MIN_WRAPPED_CHARS && !/[.:;!?…]$/.test(prose.text) && /^\p{Ll}/u.test(trimmed);
    if (bullets.length === 0 && textEnd.line === line - 1 && (indent > textEnd.indent || (indent === textEnd.indent && wrapped)) && prose !== null && goesOn) {
      const text = `${prose.text} ${plainText(trimmed)}`;
      const stillHeading = prose.type === 'heading' && indent === textEnd.indent && looksLikeHeading(text, nodes.length <= 2);
      nodes[nodes.length - 1] = stillHeading ? { ...prose, text } : { type: 'paragraph', quote: false, text, line: prose.line };
      textEnd = { ...textEnd, line };
      return;
    }
    // "Chef monteur :" then "Avid Media Composer (la norme…)" and "Adobe Premiere Pro…" on the lines right under it: a
    // lead-in line and the points of a list written without bullets, one a line, up to a blank line or the next lead-in.
    // A point may open with a number, as a timetable's do: "Pour le cordier :" then "8 h 00 – Ouverture de l'atelier".
    const text = plainText(trimmed);
    const underLeadIn = bullets.length === 0 && prose?.type === 'paragraph' && prose.text.endsWith(':') && textEnd.line === line - 1 && indent === textEnd.indent;
    const inBareList = bullets.length > 0 && bullets.every((bullet) => bullet.mark === BARE_POINT) && listEnd === line - 1;
    // A point is a few words, not a sentence: a paragraph under the lead-in is that label's text, not a point.
    const short = text.split(/\s+/).length <= MAX_BARE_POINT_WORDS && !/[.!?…](?:\s|$)/u.test(text);
    if ((underLeadIn || inBareList) && short && /^[\p{Lu}\p{N}]/u.test(text) && !text.endsWith(':')) {
      bullets.push({ text, line, indent, ordered: false, mark: BARE_POINT });
      listEnd = line;
      return;
    }
    flush();
    if (text === '') return;
    textEnd = { line, indent };
    // The category line and the title come first; a title may be long.
    const opening = nodes.length < 2 && nodes.every((node) => node.type === 'heading');
    // "Étalonneur : le chef opérateur, le réalisateur" right under "Chef monteur : le réalisateur au quotidien, …": a
    // line written like the paragraph above it, a label then its text, is one more such line, however short.
    const above = nodes[nodes.length - 1];
    const likeLineAbove = above?.type === 'paragraph' && above.line === line - 1 && INLINE_LABEL.test(text) && INLINE_LABEL.test(above.text);
    const underline = underlines.get(index);
    if (underline !== undefined && looksLikeHeading(text, opening)) nodes.push({ type: 'heading', level: underline + (sectionsOnlyUnderlined ? 1 : 0), text, line });
    // A page that underlines its headings underlines them all: another short line is a byline or a line of text.
    else if (!textLines[index]!.keyed && !likeLineAbove && looksLikeHeading(text, opening) && (underlines.size < MIN_UNDERLINED_HEADINGS || (opening && !titleUnderlined) || SECTION_NUMBERED.test(text))) {
      nodes.push({ type: 'heading', level: opening && sectionsOnlyUnderlined ? 1 : headingNumbers.levelOf(text), text, line });
    } else nodes.push({ type: 'paragraph', quote: false, text, line });
  });
  flush();
  return nodes;
}
