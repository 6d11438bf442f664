/**
 * The structured knowledge base built from comparison articles: article → sections of typed
 * blocks (a role's list, a shared list, a table, prose) → items. Plain data, no behaviour.
 * The blocks are what the article says, in its order; `byRole`, `intro` and `sharedItems`
 * are the same content viewed per role, which is how questions ask for it.
 */

/** One bullet, numbered step or table cell of an article, with its nested bullets. */
export interface Item {
  text: string;
  children: Item[];
  /** 1-based line in the source file, for the checker and `npm run kb`. */
  line: number;
  /** For a table cell: the row label or column header it stands under ("Salaire brut annuel"). */
  label?: string;
  /** For a ticked cell of a who-does-what matrix ("✔"): its text is the label it ticks. */
  ticked?: true;
}

/** One cell of a comparison table: the role it belongs to (null: none) under a row or column label. */
export interface TableCell {
  roleId: string | null;
  label: string;
  text: string;
  line: number;
}

/** A section's content, in article order. */
export type Block =
  /** A list that belongs to one role ("Compétences du X :", "**X**", "### X", "Pour le X :"). */
  | { type: 'roleList'; roleId: string; header?: string; items: Item[]; ordered: boolean; line: number }
  /** A list no single role owns: "Points communs", a numbered list of shared steps, bullets without a label. */
  | { type: 'sharedList'; header?: string; items: Item[]; ordered: boolean; line: number }
  /** A table; `orientation` says whether roles are its columns, its rows, or neither. */
  | { type: 'table'; orientation: 'rolesAsColumns' | 'rolesAsRows' | 'none'; header: string[]; rows: string[][]; cells: TableCell[]; line: number }
  /** A paragraph about one role (roleId) or about all of them (null). */
  | { type: 'prose'; roleId: string | null; text: string; line: number };

/** What a section says about one role: a list, prose, or both. */
export interface RoleContent {
  /** The first list header as written, e.g. "Responsabilités du Chef de produit digital". */
  header?: string;
  items: Item[];
  prose: string[];
}

/** A role compared by an article, e.g. "Chef de produit digital". */
export interface Role {
  /** Slug of the name as the article writes it in its labels: `chef-de-produit-digital`. */
  id: string;
  name: string;
  /** Other names the article uses for the same role (the title's "Chef de produit numérique", a feminine form). */
  aliases: string[];
  /** Initialisms derived from the names, lower case: `cpd`, `cdpd`. */
  abbreviations: string[];
  /** True when the article writes the role in the feminine ("la Gouvernante générale"): sentences agree. */
  feminine: boolean;
}

/** A section of an article: one heading and what follows it. */
export interface Section {
  /** Slug of the heading without its number: `les-competences-requises`. */
  id: string;
  heading: string;
  /** The same subject's headings under the other roles, in an article organised role first ("Ses missions", "Le rôle"). */
  otherHeadings?: string[];
  line: number;
  blocks: Block[];
  /** Prose that concerns no single role (the section's lead-in, a shared paragraph). */
  intro: string[];
  /** Per-role content, keyed by role id; roles the section does not mention are absent. */
  byRole: Record<string, RoleContent>;
  /** Items that belong to no role ("Points communs", shared steps, cells of a table without roles). */
  sharedItems: Item[];
  /** True for the closing section (its heading opens like a conclusion, or it is trailing prose). */
  isConclusion: boolean;
  /** True when the section defines the roles (prose per role, no lists). */
  isDefinition: boolean;
  /** True when the whole section is shared by every role ("Points communs"). */
  isShared: boolean;
  /**
   * For a theme of a section ("### Savoir-être" under "## Compétences", each role's part below it): the id of
   * that section, which gathers every theme's lists as well; a bullet is looked up in its theme only.
   */
  themeOf?: string;
}

/** A doubt or an error the checker reports to the article's writer, in French. */
export interface Diagnostic {
  line: number;
  severity: 'error' | 'doubt';
  message: string;
}

/** One parsed article. */
export interface Article {
  /** Slug of the file name without extension. */
  id: string;
  file: string;
  category?: string;
  title: string;
  intro: string[];
  roles: Role[];
  sections: Section[];
  /** The conclusion's prose (also available as a section). */
  conclusion: string[];
  /** Doubts found while reading (a label that names no role, a table whose columns are not roles…). */
  diagnostics: Diagnostic[];
}

/** Everything the bot knows. */
export interface KnowledgeBase {
  articles: Article[];
}

/**
 * A point written "Lead : rest" ("Salaire : 2 000 €", "AVQ : activités de la vie quotidienne"), split at its first
 * colon, or null. The parser reads such a lead as a label, the index as the term a glossary point explains.
 */
export function colonLead(text: string): { lead: string; rest: string } | null {
  const found = /^([^:]{1,80}?)\s*:\s+(.+)$/.exec(text);
  return found ? { lead: found[1]!.trim(), rest: found[2]!.trim() } : null;
}
