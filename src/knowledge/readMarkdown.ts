/**
 * Markdown article → source nodes, through a real Markdown syntax tree (mdast, with GFM tables):
 * headings, paragraphs, blockquotes, nested and numbered lists, tables. Inline markup becomes
 * plain text; raw HTML is dropped (an article is text, never markup a browser would run);
 * a link keeps its words, and its address when it points outside the article.
 */
import type { Emphasis, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent, Strong, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { DomUtils, parseDocument } from 'htmlparser2';
import { BULLET_MARKS, LEADING_PICTOGRAPHS, squeeze, type LabelledText, type SourceDocument, type SourceItem, type SourceNode } from './sourceNodes.js';

/** A link's address is kept beside its words only when it leads somewhere a reader can go. */
const EXTERNAL_LINK = /^(?:https?:|mailto:)/i;

/** Raw HTML that opens or closes a script or style: what lies between is code, never words. */
const CODE_OPEN = /^<(script|style)\b/i;
const CODE_CLOSE = /^<\/(script|style)\s*>/i;
const CODE_CLOSE_AT_END = /<\/(script|style)\s*>\s*$/i;

/** The title of a toggle block (`<details><summary>Juriste</summary>…`), as wikis export a folded list. */
const TOGGLE_TITLE = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i;
const HTML_TAG = /<\/?[a-z][^>]*>/gi;

/** The type marker that opens a call-out box (`> [!NOTE]`, `> [!TIP]`): a rendering hint, not words of the article. */
const CALLOUT_MARKER = /^\s*\[![a-z]+\][ \t]*\n?/i;

/** Raw HTML that opens and closes a table, as a CMS exports one. */
const TABLE_OPEN = /<table\b/i;
const TABLE_CLOSE = /<\/table\s*>/i;

/** Inline HTML that sets words in bold, as a CMS writes a label (`<strong>Rôle :</strong>`). */
const STRONG_OPEN = /^<(strong|b)(?:\s[^>]*)?>$/i;
const STRONG_CLOSE = /^<\/(strong|b)\s*>$/i;

/** An HTML line break, as wikis export the points of a table cell. */
const LINE_BREAK_TAG = /^<br\s*\/?>$/i;

/**
 * Plain text of inline content: emphasis kept as words (between « » when `markEmphasis`, unless already quoted), HTML
 * dropped, links as words (and address).
 */
function inlineText(nodes: readonly PhrasingContent[], markEmphasis = false): string {
  let inCode = false;
  return nodes
    .map((node): string => {
      // "<script>" alone opens code that later text nodes continue; "<script>…</script>" in one node closes itself.
      if (node.type === 'html' && CODE_OPEN.test(node.value)) inCode = !CODE_CLOSE_AT_END.test(node.value);
      else if (node.type === 'html' && CODE_CLOSE.test(node.value)) {
        inCode = false;
        return ' ';
      }
      if (inCode || (node.type === 'html' && CODE_OPEN.test(node.value))) return ' ';
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        // A line break ("<br>", or two spaces at the end of a line) separates points inside a table cell.
        case 'html':
          return LINE_BREAK_TAG.test(node.value.trim()) ? '\n' : ' ';
        case 'break':
          return '\n';
        case 'image':
          return node.alt ?? '';
        case 'link': {
          const words = inlineText(node.children);
          const address = node.url.trim();
          return EXTERNAL_LINK.test(address) && squeeze(words) !== address ? `${words} (${address})` : words;
        }
        case 'strong':
        case 'emphasis': {
          const words = inlineText(node.children);
          return markEmphasis && !/[«»"“”]/.test(words) && words.trim() !== '' ? `«\u00a0${words.trim()}\u00a0»` : words;
        }
        case 'delete':
          return inlineText(node.children);
        default:
          return 'children' in node ? inlineText(node.children as PhrasingContent[]) : '';
      }
    })
    .join('');
}

/** Inline content with each `<strong>…</strong>` written in HTML read as Markdown bold. */
function withHtmlStrong(children: readonly PhrasingContent[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  let open: PhrasingContent[] | null = null;
  for (const child of children) {
    if (child.type === 'html' && STRONG_OPEN.test(child.value.trim()) && open === null) open = [];
    else if (child.type === 'html' && STRONG_CLOSE.test(child.value.trim()) && open !== null) {
      result.push({ type: 'strong', children: open });
      open = null;
    } else if (open !== null) open.push(child);
    else result.push(child);
  }
  return open === null ? result : [...result, ...open];
}

/** Words a bold run may have to open a sentence as a lead ("**La confiseuse** suit…"). */
const MAX_BOLD_LEAD_WORDS = 6;

/**
 * A paragraph opened by a bold lead ("**Au laboratoire, le chocolatier** travaille…") with a sentence that opens on
 * another ("… le samedi est travaillé. **La confiseuse** suit…") is one paragraph per lead, as its writer meant.
 */
function byBoldLead(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const isLead = (child: PhrasingContent | undefined) => child?.type === 'strong' && inlineText(child.children).trim().split(/\s+/).length <= MAX_BOLD_LEAD_WORDS;
  if (!isLead(children.find((child) => !(child.type === 'text' && child.value.trim() === '')))) return [children as PhrasingContent[]];
  const parts: PhrasingContent[][] = [[]];
  children.forEach((child, at) => {
    const before = children[at - 1];
    const opensSentence = at > 1 && before?.type === 'text' && /[.!?…]\s+$/.test(before.value);
    if (opensSentence && isLead(child)) parts.push([]);
    parts[parts.length - 1]!.push(child);
  });
  return parts;
}

/**
 * A paragraph's text, with its opening bold run kept apart as a possible label. A short line wholly in italics
 * (`*Gestionnaire de parc*`) is such a label too when `italicLine` says a list follows it: some writers set their
 * labels in italics rather than bold. Only a whole line, and no sentence: italics inside a sentence stress words,
 * and an italic sentence is a note ("*Montants indicatifs, hors primes.*"), a signature or a footer.
 */
function labelled(written: readonly PhrasingContent[], line: number, italicLine = false): LabelledText {
  const children = withHtmlStrong(written);
  const text = squeeze(inlineText(children));
  // Pictographs before a bold label ("🛡️ **Analyste**") decorate it: the label still opens the line.
  const meaningful = children.filter((child, at) => !(child.type === 'text' && (child.value.trim() === '' || (at === 0 && child.value.replace(LEADING_PICTOGRAPHS, '') === ''))));
  const first = meaningful[0];
  const markedText = squeeze(inlineText(children, true));
  const marked = markedText !== text ? { marked: markedText } : {};
  const wholeItalicLine =
    italicLine &&
    first?.type === 'emphasis' &&
    meaningful.every((child, at) => at === 0 || (child.type === 'text' && /^\s*:?\s*$/.test(child.value))) &&
    !/[.!?…]$/.test(text) &&
    text.split(/\s+/).length <= MAX_BOLD_LEAD_WORDS;
  if (first?.type !== 'strong' && !wholeItalicLine) return { text, line, ...marked };
  const lead = squeeze(inlineText((first as Strong | Emphasis).children));
  // "**Chargé de formation :**" or "**Chargé de formation** :": the colon belongs to the label either way, and so
  // does a dash ("**Régisseur** — côté lieu").
  // "**🍳 Cuisinier de collectivité**": a pictograph inside the bold decorates the label too.
  const strongLead = lead.replace(LEADING_PICTOGRAPHS, '').replace(/\s*:$/, '').trim();
  const afterLead = squeeze(inlineText(meaningful.slice(1))).replace(/^(?::|[–—-](?=\s|$))\s*/, '');
  if (strongLead === '') return { text, line, ...marked };
  return { text, line, strongLead, afterLead, ...marked };
}

/** A point's mark at the start of a line ("✔ Une mémoire olfactive…"): Markdown reads such lines as one paragraph. */
const MARKED_LINE = new RegExp(`^[${BULLET_MARKS}]\\uFE0F?\\s+`, 'u');

/** The points of a paragraph whose every line (two or more) opens on a point's mark; null for any other paragraph. */
function markedLines(paragraph: Paragraph): string[] | null {
  const lines = inlineText(paragraph.children).split('\n').map(squeeze).filter((line) => line !== '');
  return lines.length >= 2 && lines.every((line) => MARKED_LINE.test(line)) ? lines.map((line) => line.replace(MARKED_LINE, '')) : null;
}

function lineOf(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

function listItems(list: List): SourceItem[] {
  return list.children.map((item: ListItem) => {
    const paragraphs = item.children.filter((child): child is Paragraph => child.type === 'paragraph');
    const nested = item.children.filter((child): child is List => child.type === 'list');
    const inline = paragraphs.flatMap((paragraph, index) => (index === 0 ? paragraph.children : [{ type: 'text', value: ' ' } as PhrasingContent, ...paragraph.children]));
    return { ...labelled(inline, lineOf(item)), children: nested.flatMap(listItems) };
  });
}

function tableNode(table: Table): SourceNode {
  const [headerRow, ...bodyRows] = table.children;
  const headers = (row: Table['children'][number]) => row.children.map((cell) => squeeze(inlineText(cell.children)));
  // A body cell keeps its line breaks ("Organiser le travail<br>Former les nouveaux"): each line is a point of its own.
  const cells = (row: Table['children'][number]) => row.children.map((cell) => inlineText(cell.children).split('\n').map(squeeze).filter((line) => line !== '').join('\n'));
  return { type: 'table', header: headerRow ? headers(headerRow) : [], rows: bodyRows.map(cells), line: lineOf(table) };
}

function toNodes(children: readonly RootContent[], quote: boolean): SourceNode[] {
  // A table a CMS leaves in raw HTML may span several HTML blocks (a blank line inside it): they are read together.
  const merged: RootContent[] = [];
  for (const node of children) {
    const previous = merged[merged.length - 1];
    if (node.type === 'html' && previous?.type === 'html' && TABLE_OPEN.test(previous.value) && !TABLE_CLOSE.test(previous.value)) {
      merged[merged.length - 1] = { ...previous, value: `${previous.value}\n${node.value}` };
    } else merged.push(node);
  }
  return merged.flatMap((node, at): SourceNode[] => {
    switch (node.type) {
      case 'heading':
        return [{ type: 'heading', level: node.depth, text: squeeze(inlineText(node.children)), line: lineOf(node) }];
      case 'paragraph': {
        const points = markedLines(node);
        if (points) return [{ type: 'list', ordered: false, items: points.map((text, at) => ({ text, line: lineOf(node) + at, children: [] })), line: lineOf(node) }];
        return byBoldLead(node.children).flatMap((children) => {
          const paragraph = labelled(children, lineOf(node), merged[at + 1]?.type === 'list');
          return paragraph.text === '' ? [] : [{ type: 'paragraph' as const, quote, ...paragraph }];
        });
      }
      case 'blockquote':
        return toNodes(withoutCalloutMarker(node.children), true);
      case 'list':
        return [{ type: 'list', ordered: node.ordered === true, items: listItems(node), line: lineOf(node) }];
      case 'table':
        return [tableNode(node)];
      case 'html': {
        const table = htmlTable(node.value, lineOf(node));
        if (table) return [table];
        // A toggle's title reads as a bold line of its own, the way its list would be labelled without the toggle.
        const title = toggleTitle(node.value);
        return title === '' ? [] : [{ type: 'paragraph', quote, text: title, line: lineOf(node), strongLead: title, afterLead: '' }];
      }
      default:
        // Thematic breaks, other raw HTML blocks, code blocks, front matter: not article content.
        return [];
    }
  });
}

/** A table written in HTML (`<table>`, `<tr>`, `<th>`/`<td>`), read like a Markdown one; null when the block holds none. */
function htmlTable(html: string, line: number): SourceNode | null {
  if (!TABLE_OPEN.test(html)) return null;
  const document = parseDocument(html);
  const table = DomUtils.findOne((element) => element.name === 'table', document.children, true);
  if (!table) return null;
  const rows = DomUtils.getElementsByTagName('tr', table, true).map((row) =>
    row.children.filter((cell) => DomUtils.isTag(cell) && (cell.name === 'td' || cell.name === 'th')).map((cell) => cellLines(cell)),
  );
  const [header, ...body] = rows;
  if (!header || header.length === 0) return null;
  return { type: 'table', header: header.map(squeeze), rows: body, line };
}

/** A node of an HTML document as htmlparser2 reads it. */
type HtmlNode = Parameters<typeof DomUtils.isTag>[0];

/** A cell's text, a line per "<br>" (each line a point of its own, as in a Markdown table). */
function cellLines(cell: HtmlNode): string {
  const parts: string[] = [];
  const walk = (node: HtmlNode): void => {
    if (DomUtils.isText(node)) parts.push(node.data);
    else if (DomUtils.isTag(node) && node.name === 'br') parts.push('\n');
    else if (DomUtils.hasChildren(node)) node.children.forEach(walk);
  };
  walk(cell);
  return parts.join('').split('\n').map(squeeze).filter((text) => text !== '').join('\n');
}

/** The plain words of a `<summary>` in an HTML block ("" without one); its markup and character references read as Markdown's. */
function toggleTitle(html: string): string {
  const inner = TOGGLE_TITLE.exec(html)?.[1];
  if (inner === undefined) return '';
  const paragraph = fromMarkdown(inner.replace(HTML_TAG, ' ')).children.find((child): child is Paragraph => child.type === 'paragraph');
  return paragraph ? squeeze(inlineText(paragraph.children)).replace(/\s*:$/, '') : '';
}

/** A blockquote's children without the call-out marker its first paragraph may open with. */
function withoutCalloutMarker(children: readonly RootContent[]): RootContent[] {
  const [first, ...rest] = children;
  if (first?.type !== 'paragraph') return [...children];
  const [lead, ...others] = first.children;
  if (lead?.type !== 'text' || !CALLOUT_MARKER.test(lead.value)) return [...children];
  const stripped = lead.value.replace(CALLOUT_MARKER, '');
  const paragraph: Paragraph = { ...first, children: stripped === '' ? others : [{ ...lead, value: stripped }, ...others] };
  return paragraph.children.length === 0 ? rest : [paragraph, ...rest];
}

/** YAML front matter ("---" … "---" at the top) is metadata, not content; its lines are kept blank so line numbers hold. */
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** A heading's attributes, as pandoc writes them: "## Missions {#missions .unnumbered}". */
const HEADING_ATTRIBUTES = /^(#{1,6}\s.*?)\s*\{[#.][^{}\n]*\}[ \t]*$/gm;
/** A span with attributes: "[]{#_Toc160541200 .anchor}" (a Word bookmark), "[texte]{.underline}". */
const ATTRIBUTE_SPAN = /\[([^\[\]\n]*)\]\{[#.][^{}\n]*\}/g;
/** A superscript: "1^er^ assistant". */
const SUPERSCRIPT = /\^([^\s^]{1,12})\^/g;
/** A footnote's call in the text: "collective[^2]". */
const FOOTNOTE_CALL = /\[\^[^\]\s]+\](?!:)/g;
/** A footnote's text at the end, with its indented lines: "[^2]: Convention collective…". */
const FOOTNOTE_TEXT = /^\[\^[^\]\s]+\]:.*(?:\n(?:[ \t]+.*|[ \t]*(?=\n[ \t]+\S)))*/gm;
/** A definition list's term and its definition (": " under it, after a blank line): "Scripte" then ":   La ou le scripte…". */
const DEFINITION = /^([^\s:#>|*+-][^\n]*)\n([ \t]*\n)?[ \t]{0,3}:[ \t]+/gm;

/**
 * A Word document converted by pandoc: heading attributes, bookmark spans, superscripts and footnotes are markup, not
 * words; a definition list's term is the label of its definition ("**Scripte**" then its text). Lines stay where they were.
 */
function withoutPandocMarkup(text: string): string {
  return text
    .replace(FOOTNOTE_TEXT, (block) => block.replace(/[^\n]/g, ''))
    .replace(HEADING_ATTRIBUTES, '$1')
    .replace(ATTRIBUTE_SPAN, '$1')
    .replace(SUPERSCRIPT, '$1')
    .replace(FOOTNOTE_CALL, '')
    .replace(DEFINITION, (_whole, term: string, blank: string | undefined) => `**${term.trim()}**\n${blank ?? '\n'}`);
}

/** Reads a Markdown article into source nodes. */
export function readMarkdown(source: string): SourceDocument {
  const text = withoutPandocMarkup(source.replace(/^\uFEFF/, '').replace(/\u00A0/g, ' ').replace(FRONT_MATTER, (block) => block.replace(/[^\n]/g, '')));
  const tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return { nodes: toNodes(tree.children, false), markdown: true };
}
