/**
 * What a reader (Markdown syntax tree or text export) hands to the article builder: headings,
 * paragraphs, lists and tables, whatever the file format. Text is plain (no markup); a bold
 * lead ("**Chargé de formation** : …") is kept apart because writers use it as a label.
 */

/** A paragraph or list item's text, with its bold lead split off when it opens with one. */
export interface LabelledText {
  text: string;
  line: number;
  /** Text of a bold run that opens the line, without a trailing colon: "Chargé de formation". */
  strongLead?: string;
  /** What follows the bold lead, without the colon between them ("" when the lead stands alone). */
  afterLead?: string;
  /**
   * The text with the words the writer set in bold or italics written between « » ("tout le monde dit « le véto »"):
   * a writer marks a name being introduced that way. Only when the text has such words.
   */
  marked?: string;
}

export interface SourceItem extends LabelledText {
  children: SourceItem[];
}

export type SourceNode =
  | { type: 'heading'; level: number; text: string; line: number }
  | ({ type: 'paragraph'; quote: boolean } & LabelledText)
  | { type: 'list'; ordered: boolean; items: SourceItem[]; line: number }
  /** A body cell's points are its lines ("\n" where the writer put a line break); a header cell is one line. */
  | { type: 'table'; header: string[]; rows: string[][]; line: number };

/** The nodes of one file, and whether it came from Markdown (whose `#` title is certain). */
export interface SourceDocument {
  nodes: SourceNode[];
  markdown: boolean;
}

/** Collapses runs of white space, as HTML and Markdown do. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Pictographs a page puts before a heading or a label ("🎯 Missions", "🛡️ **Analyste**"), with their variation selectors. */
export const LEADING_PICTOGRAPHS = /^(?:[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]+\s*)+/u;

/** Marks an intranet puts before a point where Markdown would put "-": bullets, arrows, ticks, crosses, dashes. */
export const BULLET_MARKS = '•◦▪▫‣∙·●○■□◆◇★☆➢➤➜➔►▸▶▷→⇒✓✔✗✘☐☑✅❌–—';
