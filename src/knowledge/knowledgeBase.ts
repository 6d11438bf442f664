/**
 * The structured knowledge base built from comparison articles:
 * article → sections × roles → items. Plain data, no behaviour.
 */

/** One bullet of an article, with its nested bullets. */
export interface Item {
  text: string;
  children: Item[];
  /** 1-based line in the source file, for error messages and `npm run kb`. */
  line: number;
}

/** What a section says about one role: a list, prose, or both. */
export interface RoleContent {
  /** The list header as written, e.g. "Responsabilités du Chef de produit digital". */
  header?: string;
  items: Item[];
  prose: string[];
}

/** A role compared by an article, e.g. "Chef de produit digital". */
export interface Role {
  /** Slug of the name as the article writes it in its lists: `chef-de-produit-digital`. */
  id: string;
  name: string;
  /** Other names the article uses for the same role (e.g. the title's "Chef de produit numérique"). */
  aliases: string[];
  /** Initialisms derived from the names, lower case: `cpd`, `cdpd`. */
  abbreviations: string[];
}

/** A section of an article: one heading and what follows it. */
export interface Section {
  /** Slug of the heading: `les-competences-requises`. */
  id: string;
  heading: string;
  line: number;
  /** Prose that concerns no single role (the section's lead-in, a shared paragraph). */
  intro: string[];
  /** Per-role content, keyed by role id; roles the section does not mention are absent. */
  byRole: Record<string, RoleContent>;
  /** Bullets that belong to no role. */
  sharedItems: Item[];
  /** True for the closing section (its heading starts with "Conclusion", or it is trailing prose). */
  isConclusion: boolean;
  /** True when the section defines the roles (heading about definitions, prose per role). */
  isDefinition: boolean;
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
}

/** Everything the bot knows. */
export interface KnowledgeBase {
  articles: Article[];
}
