/**
 * Finding the roles an article compares, however many: from the title ("entre X, Y et Z",
 * "X ou Y : …") and from the labels its writer puts before each role's content ("Compétences du X :",
 * "**X**", "### X", "Pour la X :", "Côté X :"). A name written in labels of several sections is a
 * role; the title's names join the role they match (or become aliases). Names are compared on word
 * stems in the masculine, so feminine and plural labels meet their role.
 */
import type { LanguagePack } from '../language/languagePack.js';
import { hasJobTitleEnding, looksFeminine, looksPlural, masculine, masculineInName, splitWrittenElisions, titleGender, withoutInclusiveEndings } from '../text/morphology.js';
import { fold, sharedStartLength, slugify, stem, words } from '../text/normalize.js';
import { TextCachePerOwner } from '../text/textCache.js';
import type { Role } from './knowledgeBase.js';

/** A label as written, and the section it stands in (-1 for the title). */
export interface LabelOccurrence {
  text: string;
  section: number;
  line: number;
  /** "X : texte" on one line: X is a name only as a whole ("Pilote : 80 000 €", not "Préparer le chantier : …"). */
  inline?: boolean;
  /**
   * A paragraph opening on one of the title's names ("Le CPE organise…"): it counts only for a name no label
   * writes, whole or longer ("Le conservateur…" beside "Conservateur des bibliothèques :" is that role said short).
   */
  subject?: boolean;
}

/** A role name is short: a longer "label" is a sentence. */
const MAX_NAME_WORDS = 8;
/** A name written in this many places (sections, or the title) is a role. */
const MIN_OCCURRENCES = 2;
/** Initialisms shorter than this name nothing. */
const MIN_INITIALISM = 2;

/** Punctuation around a written word: quotes, brackets, and what ends a clause. */
const EDGE_PUNCTUATION = /^[«"(\[]+|[»")\].,;:!?…]+$/gu;

/**
 * A written word without the punctuation around it. The bracket that closes an inclusive ending is the word's own:
 * "agent(e)" before "(SSIAP)" stays "agent(e)", which names the agent, not "agent(e", which names nothing.
 */
function bare(word: string): string {
  const stripped = word.replace(EDGE_PUNCTUATION, '');
  return /\p{L}\([^()]*$/u.test(stripped) && /\)/.test(word.slice(stripped.length)) ? `${stripped})` : stripped;
}

/** Words as written, with elided articles split off ("l’Infirmier" → "l’", "Infirmier") and edge punctuation dropped. */
export function writtenWords(text: string): string[] {
  return splitWrittenElisions(text).split(/\s+/).map(bare).filter((word) => word !== '');
}

/** Written words joined back into a name, each elided article glued to its word again ("Chargé d’affaires"). */
function joinWritten(parts: readonly string[]): string {
  return parts.join(' ').replace(/([’'])\s/g, '$1');
}

/** Stems of a name's words without its small link words: the form names are compared in. */
export function nameKey(name: string, pack: LanguagePack): string[] {
  // Names and labels repeat across a library: each is read once.
  // "Éditrice" and "éditeur", "directrice" and "directeur" are one name: words are compared in the masculine.
  return nameKeys.get(pack, name, () => nameParts(name, pack).map((word) => stem(masculineInName(word))));
}

const nameKeys = new TextCachePerOwner<LanguagePack, string[]>(20_000);

/** True when `inner` occurs as a run of consecutive words inside `outer`. */
function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  for (let start = 0; start + inner.length <= outer.length; start += 1) {
    if (inner.every((part, offset) => outer[start + offset] === part)) return true;
  }
  return false;
}

/** True when two names are the same name, link words and gender aside. */
function sameName(a: string, b: string, pack: LanguagePack): boolean {
  return nameKey(a, pack).join(' ') === nameKey(b, pack).join(' ');
}

/**
 * "Usineur CN" beside "usineur sur machines à commande numérique": the same head, then an initialism of the rest of
 * the longer name (one of its abbreviations).
 */
function abbreviatesRest(longer: string, shorter: string, pack: LanguagePack): boolean {
  const written = writtenWords(shorter);
  if (written.length !== 2 || !/^\p{Lu}{2,6}$/u.test(written[1]!)) return false;
  return words(longer)[0] === words(written[0]!)[0] && abbreviationsOf(longer, new Set(), pack).includes(fold(written[1]!));
}

/** True when `longer` is `shorter` followed by a qualifier ("agent d'accueil hospitalier", "agent d'accueil"). */
function extendsName(longer: string, shorter: string, pack: LanguagePack): boolean {
  const long = nameKey(longer, pack);
  const short = nameKey(shorter, pack);
  return long.length > short.length && short.every((part, at) => long[at] === part);
}

/** True when a text (a heading, a label) holds one of the names, word for word, link words aside. */
export function namesOneOf(text: string, names: readonly string[], pack: LanguagePack): boolean {
  const key = nameKey(text, pack);
  return names.some((name) => containsRun(key, nameKey(name, pack)));
}

/**
 * The names a title lists: "Différences entre un X et un Y", "X, Y ou Z : qui fait quoi ?",
 * "Directeur, gouvernante et chef de réception — quelles différences". The part of the title
 * (split at a colon or dash) that lists the most names wins.
 */
export function namesInTitle(title: string, pack: LanguagePack): string[] {
  return titleNameRuns(title, pack).map(({ name }) => name);
}

/**
 * Names a title joins with a slash, each with the one before it: « le steward / l'hôtesse de l'air » are one job's
 * two names, not two jobs.
 */
export function slashedInTitle(title: string, pack: LanguagePack): [string, string][] {
  return slashedPairs(titleNameRuns(title, pack));
}

/** The pairs of names a slash joins, among a title's names read in order. */
function slashedPairs(named: readonly TitleName[]): [string, string][] {
  return named.flatMap(({ name, slashed }, at): [string, string][] => (slashed && at > 0 ? [[named[at - 1]!.name, name]] : []));
}

/** A name a title lists, marked when a slash joins it to the name before it. */
interface TitleName {
  name: string;
  slashed: boolean;
}

/** The names a title lists, each marked when a slash joins it to the name before it. */
function titleNameRuns(title: string, pack: LanguagePack): TitleName[] {
  let best: TitleName[] = [];
  // "l'assistant médico-administratif (AMA)": the initialism in brackets is no part of the name.
  for (const part of withoutInclusiveEndings(title).replace(/[?!.]+\s*$/, '').replace(/\s*\([^()]*\)/g, '').split(/\s*[:–—]\s*|\s+-\s+/)) {
    const names: { words: string[]; slashed: boolean }[] = [];
    let started = false;
    const pieces = part.split(',');
    for (const [index, piece] of pieces.entries()) {
      // "technicien support, administrateur systèmes et réseaux, ingénieur DevOps et architecte cloud": with
      // commas, only the last piece joins two names with "et"/"ou"; the others are one name each.
      const joins = pieces.length === 1 || index === pieces.length - 1;
      const written = writtenWords(piece);
      const folded = written.map((word) => words(word).join(' '));
      const between = folded.findIndex((word) => pack.has('betweenWords', word));
      // "Différences entre un X, un Y et un Z": the names start after "entre", in the first piece.
      const start = !started && between >= 0 ? between + 1 : 0;
      started = true;
      names.push({ words: [], slashed: false });
      for (let at = start; at < written.length; at += 1) {
        // "conseiller d'insertion et de probation": a coordinator before a name's preposition joins its complements.
        const joinsComplements = pack.has('namePrepositions', folded[at + 1] ?? '');
        if (folded[at] === '' || (joins && pack.has('coordinators', folded[at]!) && !joinsComplements)) {
          const current = names[names.length - 1]!;
          if (current.words.length > 0) names.push({ words: [], slashed: written[at] === '/' });
          continue;
        }
        names[names.length - 1]!.words.push(written[at]!);
      }
    }
    const cleaned = names
      .map(({ words: name, slashed }) => {
        let from = 0;
        while (from < name.length - 1 && pack.has('determiners', words(name[from]!).join(''))) from += 1;
        return { name: joinWritten(name.slice(from)), slashed };
      })
      .filter(({ name }) => name !== '' && name.split(' ').length <= MAX_NAME_WORDS);
    if (cleaned.length >= 2 && cleaned.length > best.length) best = cleaned;
  }
  return best;
}

/**
 * The ways a label may end with a role's name: the whole label, what follows an opener
 * ("Pour le", "Côté"), and what follows each article or contraction inside it ("… du Chef de produit").
 */
export function nameCandidates(label: string, pack: LanguagePack, whole = false): string[] {
  const written = writtenWords(label.replace(/\s*\([^)]*\)\s*$/, ''));
  if (written.length === 0) return [];
  const folded = written.map((word) => words(word).join(''));
  const starts = new Set<number>([0]);
  let at = 0;
  for (;;) {
    const opener = pack.prefixLength('labelOpeners', folded, at);
    const step = opener > 0 ? opener : pack.has('determiners', folded[at] ?? '') ? 1 : 0;
    if (step === 0) break;
    at += step;
  }
  // "Pour l’Infirmier", "Côté CESF": the name is what follows the opener, never the whole label.
  if (at > 0 && at < written.length) {
    starts.delete(0);
    starts.add(at);
  }
  folded.forEach((word, position) => {
    // "Fourchettes de salaire – Agent d'exploitation" : a dash inside the label starts a name, as an article does.
    const startsName = pack.has('determiners', word) || pack.has('labelOpeners', word) || /^[–—-]$/.test(written[position]!);
    if (!whole && position > 0 && position + 1 < written.length && startsName) {
      let next = position + 1;
      while (next < written.length - 1 && pack.has('determiners', folded[next]!)) next += 1;
      starts.add(next);
    }
  });
  // "Chez nous :": a pronoun names no role.
  return [...starts]
    .map((start) => joinWritten(written.slice(start)))
    .filter((name) => name.split(' ').length <= MAX_NAME_WORDS && !words(name).every((word) => pack.has('personalPronouns', word)));
}

/** True when the written name has no feminine ending: "Chargé de formation", not "Chargée…". */
function isMasculine(name: string): boolean {
  return words(name).every((word) => masculine(word) === word);
}

/**
 * Initialisms people use for a role: "Chef de produit digital" → "cpd", "cdpd";
 * "Responsable des relations publiques" → "rrp", "rp" (a run of its last words).
 */
export function abbreviationsOf(name: string, sharedWords: ReadonlySet<string>, pack: LanguagePack): string[] {
  const parts = words(name);
  const content = parts.filter((part) => !pack.has('determiners', part) && !pack.has('nameLinkWords', part));
  const result = new Set<string>();
  if (content.length >= 2) result.add(content.map((part) => part[0]).join(''));
  // A run of the last words counts only if it does not start with a word every role has ("produit digital").
  for (let start = 1; start < content.length - 1; start += 1) {
    if (!sharedWords.has(content[start]!)) result.add(content.slice(start).map((part) => part[0]).join(''));
  }
  if (parts.length > content.length) result.add(parts.map((part) => part[0]).join(''));
  // A name written as an initialism ("CESF") is its own abbreviation, even one spelt like a grammar word (« le DE »).
  if (/^[A-Z]{2,6}$/.test(name.trim())) result.add(fold(name.trim()));
  return [...result].filter((abbreviation) => abbreviation.length >= MIN_INITIALISM);
}

interface Cluster {
  key: string[];
  forms: Map<string, number>;
  sections: Set<number>;
  fromTitle: boolean;
}

/** Which role a label or line names: its whole name, an alias or an initialism first, then words only it has. */
/**
 * The words of a text that may be a role's initialism: every word, except a grammar word ("et", "de", "la")
 * not written in capitals — "Avec qui et avec quels outils…" does not name the Exploitant transport (ET).
 */
function initialismCandidates(text: string, pack: LanguagePack): Set<string> {
  const found = new Set<string>();
  for (const written of text.split(/[^\p{L}\p{N}]+/u)) {
    const folded = words(written).join('');
    if (folded === '') continue;
    const grammar = pack.has('nameLinkWords', folded) || pack.has('determiners', folded) || pack.has('coordinators', folded);
    if (grammar && written !== written.toUpperCase()) continue;
    found.add(folded);
  }
  return found;
}

/** The words of a role's names (as name keys) that no other role's names hold: what tells it from the others. */
function distinctiveParts(role: Role, roles: readonly Role[], pack: LanguagePack): Set<string> {
  const others = new Set(roles.filter((other) => other !== role).flatMap((other) => [other.name, ...other.aliases].flatMap((name) => nameKey(name, pack))));
  return new Set([role.name, ...role.aliases].flatMap((name) => nameKey(name, pack)).filter((part) => !others.has(part)));
}

export function roleNamedIn(text: string, roles: readonly Role[], pack: LanguagePack): Role | null {
  const key = nameKey(text, pack);
  const bare = initialismCandidates(text, pack);
  let best: { role: Role; score: number } | null = null;
  let tie = false;
  const consider = (role: Role, score: number) => {
    if (score <= 0) return;
    if (!best || score > best.score) {
      best = { role, score };
      tie = false;
    } else if (score === best.score && best.role !== role) tie = true;
  };
  for (const role of roles) {
    const full = Math.max(0, ...[role.name, ...role.aliases].map((name) => (containsRun(key, nameKey(name, pack)) ? 100 + nameKey(name, pack).length : 0)));
    const initialism = role.abbreviations.some((abbreviation) => bare.has(abbreviation)) ? 50 : 0;
    consider(role, Math.max(full, initialism));
  }
  if (best) return tie ? null : (best as { role: Role }).role;
  // "Côté marketing", "Pour la gouvernante": the words that tell this role from the others.
  for (const role of roles) {
    const distinctive = [...distinctiveParts(role, roles, pack)];
    if (distinctive.length === 0) continue;
    const found = distinctive.filter((part) => key.includes(part)).length;
    consider(role, found / distinctive.length);
  }
  return best && !tie ? (best as { role: Role }).role : null;
}

/** Most words a label may add after a role's name and still be that role ("Traducteur-réviseur senior"). */
const MAX_QUALIFIER_WORDS = 2;

/**
 * The role a label opens with, followed by a qualifier of a word or two ("Traducteur junior : 28 000 €",
 * "Interprète confirmé : …"): that role at one level. A label naming two roles names neither.
 */
export function roleOpeningLabel(label: string, roles: readonly Role[], pack: LanguagePack): Role | null {
  // "Traducteur-réviseur": a compound opening on the role's name is that role too; "(3 à 8 ans)" is an aside.
  const key = nameKey(label.replace(/\s*\([^()]*\)/g, '').replace(/(\p{L})-(\p{L})/gu, '$1 $2'), pack);
  const opening = roles.filter((role) =>
    [role.name, ...role.aliases].some((name) => {
      const nameParts = nameKey(name, pack);
      return nameParts.length > 0 && key.length > nameParts.length && key.length - nameParts.length <= MAX_QUALIFIER_WORDS && nameParts.every((part, at) => key[at] === part);
    }),
  );
  if (opening.length !== 1) return null;
  const [role] = opening;
  const others = roles.filter((other) => other !== role);
  return others.some((other) => [other.name, ...other.aliases].some((name) => containsRun(key, nameKey(name, pack)))) ? null : role!;
}

/**
 * Every role a text names: by a whole name, an alias, an initialism, or the head word of its name when no
 * other role's name has it ("Quel matériel utilise le géomètre ?" names the Géomètre-topographe; "une escale"
 * does not name the Agent d'escale).
 */
export function rolesMentionedIn(text: string, roles: readonly Role[], pack: LanguagePack): Role[] {
  const key = nameKey(text, pack);
  const bare = initialismCandidates(text, pack);
  const mentioned = roles.filter((role) => {
    if ([role.name, ...role.aliases].some((name) => containsRun(key, nameKey(name, pack)))) return true;
    if (role.abbreviations.some((abbreviation) => bare.has(abbreviation))) return true;
    const others = new Set(roles.filter((other) => other !== role).flatMap((other) => [other.name, ...other.aliases].flatMap((name) => nameKey(name, pack))));
    const head = nameKey(role.name, pack)[0];
    return head !== undefined && !others.has(head) && key.includes(head);
  });
  // "l'Auxiliaire spécialisé vétérinaire" names that role, not also the Vétérinaire inside its name.
  const within = (role: Role, other: Role) => other !== role && containsRun(nameKey(other.name, pack), nameKey(role.name, pack)) && containsRun(key, nameKey(other.name, pack));
  return mentioned.filter((role) => !mentioned.some((other) => within(role, other)));
}

/**
 * The role a label ends with ("Compétences du CPD", "Côté Chargée de formation", "Chef de produit
 * digital"): a label that goes on after the name ("L'Acheteur a un rôle stratégique") is a sentence.
 */
export function roleEndingLabel(label: string, roles: readonly Role[], pack: LanguagePack): Role | null {
  const key = nameKey(label, pack);
  const last = words(label).at(-1) ?? '';
  const ending = roles.filter(
    (role) =>
      [role.name, ...role.aliases].some((name) => {
        const nameParts = nameKey(name, pack);
        return nameParts.length > 0 && nameParts.length <= key.length && nameParts.every((part, offset) => key[key.length - nameParts.length + offset] === part);
      }) || role.abbreviations.includes(last),
  );
  return ending.length === 1 ? ending[0]! : null;
}

/** Words a paragraph may open with before the role it is about ("Au quotidien, le …", "Je suis …"). */
const MAX_WORDS_BEFORE_SUBJECT = 3;

/**
 * The role a paragraph is about: the one it opens with ("L'Aide-soignant, lui, accompagne… sous la
 * responsabilité de l'Infirmier" is about the Aide-soignant), unless two roles open it together
 * ("Le CPD et le CPM remplissent…" is about both).
 */
export function subjectOf(text: string, roles: readonly Role[], pack: LanguagePack, options: { wholeNamesOnly?: boolean; headAlone?: boolean } = {}): Role | null {
  const folded = words(text);
  // "Moi, en tant qu'éditrice" names the Éditeur: words are compared in the masculine, as names are.
  const keys = folded.map((word) => (pack.has('determiners', word) || pack.has('nameLinkWords', word) ? '' : stem(masculineInName(word))));
  const mentions: { role: Role; at: number; end: number }[] = [];
  for (const role of roles) {
    const names = [role.name, ...role.aliases].map((name) => nameKey(name, pack)).filter((name) => name.length > 0);
    for (let at = 0; at < keys.length; at += 1) {
      for (const name of names) {
        const content: number[] = [];
        for (let k = at; k < keys.length && content.length < name.length; k += 1) if (keys[k] !== '') content.push(k);
        if (content.length === name.length && name.every((part, offset) => keys[content[offset]!] === part) && keys[at] !== '') {
          mentions.push({ role, at, end: content[content.length - 1]! + 1 });
        }
      }
      if (role.abbreviations.some((abbreviation) => abbreviation.length >= 3 && folded[at] === abbreviation)) mentions.push({ role, at, end: at + 1 });
    }
    // "Le raccordeur travaille…" for the Technicien raccordeur fibre, "le chargé d'affaires" for the Chargé d'affaires
    // réseau: after a singular determiner ("les préparateurs" may be anyone's), words of its name no other role's holds,
    // from a word shaped like a job title ("la fibre", "la conservation" name no one). A job's usual head alone ("le
    // directeur", "le responsable") may be another person: it takes a second word of the name.
    if (options.wholeNamesOnly) continue;
    const own = distinctiveParts(role, roles, pack);
    for (let at = 1; at < keys.length; at += 1) {
      const genericHead = pack.has('jobHeads', folded[at]!) || pack.has('adjectivalJobHeads', folded[at]!);
      const singular = pack.has('singularDeterminers', folded[at - 1]!) || pack.has('singularContractions', folded[at - 1]!);
      if (!own.has(keys[at]!) || !singular || !(genericHead || hasJobTitleEnding(folded[at]!))) continue;
      let end = at + 1;
      while (end < keys.length && (keys[end] === '' ? end + 1 < keys.length && own.has(keys[end + 1]!) : own.has(keys[end]!))) end += 1;
      // In a section of one paragraph per role, "La secrétaire fait le lien…" is the Secrétaire d'auto-école when no other
      // role's name has that head and no complement follows it ("le directeur de l'école" would be someone else).
      const alone = options.headAlone === true && at === 1 && end === 2 && !pack.has('nameLinkWords', folded[end] ?? '') && stem(masculineInName(words(role.name)[0] ?? '')) === keys[at];
      if (end - at > 1 || !genericHead || alone) mentions.push({ role, at, end });
    }
  }
  mentions.sort((a, b) => a.at - b.at);
  // "Le plus souvent ancien enseignant, il encadre…": a title after "ancien" says what the subject was.
  const first = mentions.find((mention) => mention.at === 0 || !pack.has('formerTitleWords', folded[mention.at - 1]!));
  if (!first) return null;
  // A speaker opening the paragraph ("Moi, en tant qu'éditrice, …", "Je suis correctrice") says who it is about; up to
  // three other words may come before the role ("Au quotidien, le …").
  const speaker = pack.has('firstPersonPronouns', folded[0] ?? '') ? 1 : 0;
  const opener = speaker > 0 ? pack.prefixLength('labelOpeners', folded, speaker) : 0;
  const opening = folded.slice(speaker + opener, first.at).filter((word) => !pack.has('determiners', word)).length;
  if (first.at >= speaker + opener && opening > MAX_WORDS_BEFORE_SUBJECT) return null;
  const next = mentions.find((mention) => mention.role !== first.role);
  if (next) {
    const between = folded.slice(first.end, next.at).filter((word) => !pack.has('determiners', word));
    if (between.length === 1 && pack.has('coordinators', between[0]!)) return null;
  }
  return first.role;
}

/**
 * Finds the roles. `labels` are every label of the article (section ≥ 0) and the title's names
 * (section -1). Returns roles in order of first appearance, with the title's other names as aliases.
 */
export function findRoles(title: string, labels: readonly LabelOccurrence[], pack: LanguagePack): Role[] {
  const titleRuns = titleNameRuns(title, pack);
  const titleNames = titleRuns.map(({ name }) => name);
  const clusters = new Map<string, Cluster>();
  const order: string[] = [];
  const note = (name: string, section: number, fromTitle: boolean) => {
    const key = nameKey(name, pack);
    if (key.length === 0) return;
    const id = key.join(' ');
    let cluster = clusters.get(id);
    if (!cluster) {
      cluster = { key, forms: new Map(), sections: new Set(), fromTitle: false };
      clusters.set(id, cluster);
      order.push(id);
    }
    cluster.forms.set(name, (cluster.forms.get(name) ?? 0) + 1);
    cluster.sections.add(section);
    cluster.fromTitle ||= fromTitle;
  };
  const written = labels.filter((label) => !label.subject);
  for (const label of written) for (const candidate of nameCandidates(label.text, pack, label.inline)) note(candidate, label.section, false);
  const labelKeys = [...clusters.values()].map((cluster) => cluster.key);
  for (const label of labels.filter((candidate) => candidate.subject)) {
    const key = nameKey(label.text, pack);
    if (!labelKeys.some((other) => other.length >= key.length && key.every((part, at) => other[at] === part))) note(label.text, label.section, false);
  }
  titleNames.forEach((name) => note(name, -1, true));

  // Each label's names, among those written somewhere, read once for both passes below.
  const candidatesOf = new Map(
    labels.map((label) => [
      label,
      nameCandidates(label.text, pack, label.inline)
        .map((name) => clusters.get(nameKey(name, pack).join(' ')))
        .filter((cluster): cluster is Cluster => cluster !== undefined),
    ]),
  );
  // Where a name is written on its own: not as the end of a longer name written in several places ("rang" in
  // every "Chef de rang" label is no role; only the glossary's "Le rang :" writes it alone, once).
  const ownSections = new Map<Cluster, Set<number>>();
  for (const label of labels) {
    const candidates = candidatesOf.get(label)!;
    for (const cluster of candidates) {
      const inLonger = candidates.some((other) => other.key.length > cluster.key.length && other.sections.size >= MIN_OCCURRENCES);
      if (!inLonger && cluster.sections.has(label.section)) ownSections.set(cluster, (ownSections.get(cluster) ?? new Set()).add(label.section));
    }
  }
  // Each label is explained by its longest candidate written in several places, and in about as many as
  // its most written one: "Missions du chef de chantier" names the chef de chantier, not the "chantier"
  // other labels also end with; "Compétences du X" written twice is still about X.
  const chosen = new Map<string, Cluster>();
  for (const label of labels) {
    const candidates = candidatesOf.get(label)!.filter((cluster) => (ownSections.get(cluster)?.size ?? 0) >= MIN_OCCURRENCES);
    const most = Math.max(0, ...candidates.map((cluster) => cluster.sections.size));
    const best = candidates.filter((cluster) => cluster.sections.size * 2 >= most).sort((a, b) => b.key.length - a.key.length)[0];
    if (best) chosen.set(best.key.join(' '), best);
  }
  for (const name of titleNames) {
    const cluster = clusters.get(nameKey(name, pack).join(' '));
    if (cluster && cluster.sections.size >= MIN_OCCURRENCES) chosen.set(cluster.key.join(' '), cluster);
  }
  // Every chosen name is a role, even one inside another ("Vétérinaire" beside "Auxiliaire spécialisé
  // vétérinaire"): a label chooses its longest name, so a part of a longer name is never chosen alone.
  const roleClusters = [...chosen.values()];
  roleClusters.sort((a, b) => order.indexOf(a.key.join(' ')) - order.indexOf(b.key.join(' ')));

  const roles: Role[] = roleClusters.map((cluster) => {
    // The masculine form, then one written in running text rather than shouted in capitals ("Nivoculteur" beside the
    // labels' "NIVOCULTEUR", "scénographe" beside a title in capitals), then the capitalised one ("Secrétaire de mairie"
    // in the title beside "Le secrétaire de mairie"), then the most written.
    const capitalised = (form: string) => Number(/^\p{Lu}/u.test(form));
    const runningText = (form: string) => Number(/\p{Ll}/u.test(form));
    const forms = [...cluster.forms].sort((a, b) => Number(isMasculine(b[0])) - Number(isMasculine(a[0])) || runningText(b[0]) - runningText(a[0]) || capitalised(b[0]) - capitalised(a[0]) || b[1] - a[1]);
    const name = forms[0]![0];
    const aliases = [...new Set(forms.slice(1).map(([form]) => form))].filter((form) => fold(form) !== fold(name));
    return { id: slugify(name), name, aliases, abbreviations: [], feminine: false };
  });
  // An initialism written as a label ("Côté CESF", "PO :") joins the role whose name it abbreviates.
  const isInitialism = (role: Role) => /^[A-Z0-9]{2,6}$/.test(role.name);
  const initialismOf = (role: Role, name: string) => isInitialism(role) && abbreviationsOf(name, new Set(), pack).includes(fold(role.name));
  const named = roles.filter((role) => !isInitialism(role));
  const merged = roles.filter((role) => {
    if (!isInitialism(role)) return true;
    const owners = named.filter((other) => initialismOf(role, other.name));
    if (owners.length !== 1) return true;
    owners[0]!.aliases.push(role.name);
    return false;
  });

  // "Mécanicien avion (B1)" over the lists, "Mécanicien B1" elsewhere: a name made of another role's first word and the
  // code that role's name is written with in brackets is that role, said by its code.
  const codes = new Map<Role, Set<string>>();
  for (const label of labels) {
    for (const match of label.text.matchAll(/([^()]+?)\s*\(([^()\s]{1,6})\)/gu)) {
      const owner = merged.find((role) => sameName(match[1]!, role.name, pack));
      if (owner) codes.set(owner, (codes.get(owner) ?? new Set()).add(fold(match[2]!)));
    }
  }
  const saidByCode = merged.filter((role) => {
    const parts = words(role.name);
    if (parts.length !== 2) return false;
    const owners = merged.filter((other) => other !== role && words(other.name)[0] === parts[0] && codes.get(other)?.has(parts[1]!));
    if (owners.length !== 1) return false;
    owners[0]!.aliases.push(role.name, ...role.aliases);
    return true;
  });
  for (const role of saidByCode) merged.splice(merged.indexOf(role), 1);
  // A code with a digit is a name of its own in the trade ("le B1", "un B2"); letters alone are read as initialisms later.
  for (const [role, written] of codes) for (const code of written) if (/\d/.test(code) && /\p{L}/u.test(code) && !role.aliases.some((alias) => fold(alias) === code)) role.aliases.push(code.toUpperCase());

  // The title's names join the role they match; one left over goes to the one role left (by elimination).
  const writesName = (role: Role, name: string) => [role.name, ...role.aliases].some((form) => sameName(form, name, pack));
  const inTitle = (role: Role) => titleNames.some((name) => writesName(role, name));
  if (titleNames.length > 0 && merged.length > 0) {
    const unmatched = titleNames.filter((name) => !merged.some((role) => writesName(role, name)));
    const free = merged.filter((role) => !inTitle(role));
    // « le steward / l'hôtesse de l'air » in the title: names a slash joins are one job's, as long as neither names a
    // role of its own; for the elimination they count once.
    const slashed = slashedPairs(titleRuns);
    const partnersOf = (name: string) => slashed.flatMap(([first, second]) => (first === name ? [second] : second === name ? [first] : []));
    const join = (target: Role, name: string) => {
      target.aliases.push(name, ...partnersOf(name).filter((partner) => !merged.some((role) => writesName(role, partner))));
      if (free.includes(target)) free.splice(free.indexOf(target), 1);
    };
    for (const name of unmatched) {
      if (merged.some((role) => writesName(role, name))) continue;
      const partnerRole = merged.find((role) => partnersOf(name).some((partner) => writesName(role, partner)));
      const held = free.filter((role) => holdsEveryWord(name, role.name, pack));
      // "Le MNS :" over the lists, "le maître-nageur sauveteur" in the title: a label's initialism of a title's name.
      const initialled = free.filter((role) => initialismOf(role, name));
      const target = partnerRole ?? roleNamedIn(name, free, pack) ?? (held.length === 1 ? held[0]! : null) ?? (initialled.length === 1 ? initialled[0]! : null);
      if (target) join(target, name);
    }
    // Then by elimination: one job left in the title, one role left.
    const left = unmatched.filter((name) => !merged.some((role) => writesName(role, name)));
    const jobsLeft = left.length - slashed.filter((pair) => pair.every((name) => left.includes(name))).length;
    if (jobsLeft === 1 && free.length === 1) join(free[0]!, left[0]!);
  }
  // The title's full name names the role when the lists shorten it ("Agent d'escale commercial" in the title,
  // "Chez l'agent d'escale :" in the lists): the role is the Agent d'escale commercial, "agent d'escale" an alias.
  for (const role of merged) {
    const full = role.aliases.find((alias) => (extendsName(alias, role.name, pack) || holdsEveryWord(alias, role.name, pack) || abbreviatesRest(alias, role.name, pack) || initialismOf(role, alias)) && titleNames.some((name) => sameName(alias, name, pack)));
    if (!full) continue;
    role.aliases = [role.name, ...role.aliases.filter((form) => form !== full)];
    role.name = full.charAt(0).toUpperCase() + full.slice(1);
    role.id = slugify(role.name);
  }
  // "Pour l'agent d'accueil :" beside the title's "agent d'accueil hospitalier": a name the title does not write,
  // which only one longer name extends with a qualifier, is that role said short ("Vétérinaire" beside
  // "Auxiliaire spécialisé vétérinaire" is no such case: the longer name does not start with it).
  const shortForms = merged.filter((role) => {
    if (inTitle(role)) return false;
    const longer = merged.filter((other) => other !== role && (extendsName(other.name, role.name, pack) || abbreviatesRest(other.name, role.name, pack)));
    if (longer.length !== 1) return false;
    longer[0]!.aliases.push(role.name, ...role.aliases);
    return true;
  });
  // "Animateur, programmateur, réalisateur" in the title, "Animateur·rice d'antenne" over the lists: a title's name that
  // one longer name of the lists alone extends is that role said short. So is a title's word for a trade rather than a
  // job ("Médiation, publics, régie : qui fait quoi ?") that one longer name alone ends with ("Chargé des publics").
  const endsName = (longer: string, shorter: string) => {
    const long = nameKey(longer, pack);
    const short = nameKey(shorter, pack);
    return long.length > short.length && short.every((part, at) => long[long.length - short.length + at] === part);
  };
  const titleShortForms = merged.filter((role) => {
    if (!inTitle(role) || shortForms.includes(role)) return false;
    const shortens = (other: Role) => extendsName(other.name, role.name, pack) || (!looksLikeJobTitle(role.name, pack) && endsName(other.name, role.name));
    const longer = merged.filter((other) => other !== role && !shortForms.includes(other) && !inTitle(other) && shortens(other));
    if (longer.length !== 1) return false;
    longer[0]!.aliases.push(role.name, ...role.aliases);
    return true;
  });
  const kept = merged.filter((role) => !shortForms.includes(role) && !titleShortForms.includes(role));
  // "La hotline :", "La fidé :" beside a title that names each role: a label made only of a word (or the start of a
  // word) that one title role's name alone holds is that role's nickname, not a role of its own.
  const titleRoles = kept.filter(inTitle);
  const nicknames = titleNames.length >= 2 && titleRoles.length === titleNames.length
    ? kept.filter((role) => {
      if (inTitle(role)) return false;
      const owner = nicknameOwner(role.name, titleRoles, pack);
      if (!owner) return false;
      owner.aliases.push(role.name, ...role.aliases);
      return true;
    })
    : [];
  // "En pratique :" over a list in every section, beside a title that names each role: a repeated label with no word
  // of a job title ("technicien", "-eur", "-iste"…) is a lead-in of the writer's, not one more role.
  const titled = titleNames.length >= 2 && kept.filter(inTitle).length === titleNames.length;
  const found = kept.filter((role) => !nicknames.includes(role) && (!titled || inTitle(role) || looksLikeJobTitle(role.name, pack)));
  withAbbreviations(found, pack);
  return found;
}

/**
 * True when a name holds a word job titles are made of: a head noun of the pack, or a job-title ending. A clause
 * ("Ce qui change au quotidien", with its relative « qui », pack describingRelatives) is no name, whatever its words.
 */
export function looksLikeJobTitle(name: string, pack: LanguagePack): boolean {
  const folded = words(name);
  if (folded.some((word) => pack.has('describingRelatives', word))) return false;
  return folded.some((word) => pack.has('jobHeads', word) || pack.has('adjectivalJobHeads', word) || pack.has('jobHeadsLast', word) || hasJobTitleEnding(word));
}

/** A nickname keeps at least this many letters of the word it clips ("fidé" for "fidélisation"). */
const MIN_CLIPPING_LETTERS = 3;

/** The words of a name that tell it apart: no determiner, no link word. */
function nameParts(name: string, pack: LanguagePack): string[] {
  return words(name).filter((word) => !pack.has('determiners', word) && !pack.has('nameLinkWords', word));
}

/** True when the full name has the word, or a longer word it starts ("fidé" in "chargé de fidélisation"). */
function holdsWord(full: string, part: string): boolean {
  return words(full).some((word) => stem(masculine(word)) === stem(masculine(part)) || (part.length >= MIN_CLIPPING_LETTERS && word.length > part.length && word.startsWith(part)));
}

/** True when a shorter name is only words of the full name, whole or clipped ("hotline" for "technicien hotline"). */
function holdsEveryWord(full: string, short: string, pack: LanguagePack): boolean {
  const parts = nameParts(short, pack);
  return parts.length > 0 && parts.length < nameParts(full, pack).length && parts.every((part) => holdsWord(full, part));
}

/** Letters a word for a trade shares with the start of the job's word at least ("secrétariat", "secrétaire"). */
const MIN_TRADE_STEM = 6;

/** True when the full name has a word of the same trade as `part`: one sharing a long start ("secrétariat" for "secrétaire"). */
function holdsTradeWord(full: string, part: string): boolean {
  return words(full).some((word) => sharedStartLength(word, part) >= MIN_TRADE_STEM);
}

/**
 * The one role whose name alone holds every word of `name`, whole or clipped or as the word for its trade ("Côté
 * secrétariat" beside a Secrétaire d'auto-école); null when none or several do.
 */
function nicknameOwner(name: string, roles: readonly Role[], pack: LanguagePack): Role | null {
  const parts = nameParts(name, pack);
  const owners = new Set<Role>();
  for (const part of parts) {
    const holders = roles.filter((role) => holdsWord(role.name, part) || holdsTradeWord(role.name, part));
    if (holders.length !== 1) return null;
    owners.add(holders[0]!);
  }
  return owners.size === 1 ? [...owners][0]! : null;
}

/** Sets each role's initialisms; one two roles share ("cp" for both chefs de produit) names neither. */
export function withAbbreviations(roles: Role[], pack: LanguagePack): void {
  const wordSets = roles.map((role) => new Set(words(role.name)));
  const sharedWords = new Set([...(wordSets[0] ?? [])].filter((word) => wordSets.every((set) => set.has(word))));
  const initialisms = roles.map((role) => new Set([role.name, ...role.aliases].flatMap((name) => abbreviationsOf(name, sharedWords, pack))));
  const shared = (abbreviation: string) => initialisms.filter((set) => set.has(abbreviation)).length > 1;
  roles.forEach((role, index) => {
    role.abbreviations = [...initialisms[index]!].filter((abbreviation) => !shared(abbreviation));
  });
}

/** An alias is a short name, not a clause. */
const MAX_ALIAS_WORDS = 5;

/**
 * A job title without the words after it that say where it is used: "employé polyvalent sur nos multiplexes" →
 * "employé polyvalent" (a complement preposition that links no name: « de », « en » do, « sur », « dans » don't).
 */
function nameBeforePlace(text: string, pack: LanguagePack): string {
  const written = writtenWords(text);
  const end = written.findIndex((word) => {
    const folded = words(word).join(' ');
    return pack.has('complementPrepositions', folded) && !pack.has('namePrepositions', folded);
  });
  return joinWritten(end < 0 ? written : written.slice(0, end));
}

/** Adds the other names a role's own paragraphs give it: "on parle aussi de commercial itinérant". */
export function aliasesInProse(paragraph: string, pack: LanguagePack, quotedOnly = false): string[] {
  // Each word with whether punctuation closes it: the alias stops there.
  const raw = splitWrittenElisions(paragraph).replace(/\(/g, ' (').split(/\s+/).filter((part) => part !== '');
  const written = raw.map((part) => ({ word: bare(part), closes: /[,.;:)»!?…]$/.test(part) || part.startsWith('(') }));
  const folded = written.map((entry) => words(entry.word).join(''));
  const found: string[] = [];
  for (let at = 0; at < folded.length; at += 1) {
    const plainCue = pack.prefixLength('aliasCues', folded, at);
    // "Appelé « APS » ou « agent de sûreté »": some cues give names only in quotes ("appelé à encadrer" names nothing).
    const cue = plainCue || pack.prefixLength('quotedAliasCues', folded, at);
    if (cue === 0) continue;
    let start = at + cue;
    // "appelé en interne « le visiteur »": determiners, adverbs and the words saying where the name is used stand
    // between the cue and the name.
    for (;;) {
      const skip = pack.has('determiners', folded[start] ?? '') || pack.has('namingAdverbs', folded[start] ?? '') ? 1 : pack.prefixLength('aliasAfterCues', folded, start);
      if (skip === 0) break;
      start += skip;
    }
    if (/^[«"“]/.test(raw[start] ?? '')) {
      found.push(...quotedNames(raw.slice(start).join(' '), pack));
      continue;
    }
    if (plainCue === 0 || quotedOnly) continue;
    // "(on dit aussi agent d'entretien, agent de service ou, dans les anciennes offres, technicien de surface)": in a
    // bracket the cue opens, every job title of the list up to the bracket's end, the asides between left out.
    const opened = raw.slice(0, at).reduce((depth, part) => depth + (part.match(/\(/g)?.length ?? 0) - (part.match(/\)/g)?.length ?? 0), 0) > 0;
    const closing = raw.findIndex((part, k) => k >= start && part.includes(')'));
    if (opened && closing >= 0) {
      const inBracket = raw.slice(start, closing + 1).join(' ').replace(/\).*$/, '');
      // « finisseur, ou vernisseur-polisseur »: the « ou » may open a piece after the comma.
      const pieces = inBracket.split(/\s*[,;]\s*/).flatMap((piece) => piece.split(new RegExp(`(?:^|\\s+)(?:${pack.source('alternativeWords').join('|')})(?:\\s+|$)`)));
      found.push(...pieces.map((piece) => bareName(nameBeforePlace(piece, pack), pack)).filter((piece) => piece !== '' && piece.split(/\s+/).length <= MAX_ALIAS_WORDS && looksLikeJobTitle(piece, pack)));
      continue;
    }
    const name: string[] = [];
    let placed = false;
    /** Words of the name being read: "technicien cordiste ou opérateur de travaux" is two names, each of a few words. */
    let partWords = 0;
    /** Where the name stopped: a name in quotes may follow it ("appelé aussi concepteur de voyages, ou « package designer »"). */
    let end = written.length;
    for (let k = start; k < written.length; k += 1) {
      // "on dit aussi secrétaire commerciale sur nos sites": the words saying where a job title is used are no part of
      // it (what they end is a job title, not "quand quelque chose bloque").
      placed = k > start && pack.has('complementPrepositions', folded[k]!) && !pack.has('namePrepositions', folded[k]!);
      if (placed) break;
      if (written[k]!.word !== '') name.push(written[k]!.word);
      partWords = pack.has('alternativeWords', folded[k]!) ? 0 : partWords + 1;
      if (written[k]!.closes || partWords > MAX_ALIAS_WORDS) {
        end = k + 1;
        break;
      }
    }
    if (name.length === 0 || partWords > MAX_ALIAS_WORDS || (placed && !looksLikeJobTitle(name.join(' '), pack))) continue;
    // "vendeur ou vendeuse": two names.
    let part: string[] = [];
    for (const word of [...name, '']) {
      if (word !== '' && !pack.has('alternativeWords', words(word).join(' '))) part.push(word);
      else if (part.length > 0) {
        found.push(joinWritten(part));
        part = [];
      }
    }
    if (raw[end - 1]?.endsWith(',') && pack.has('alternativeWords', folded[end] ?? '') && /^[«"“]/.test(raw[end + 1] ?? '')) found.push(...quotedNames(raw.slice(end + 1).join(' '), pack));
  }
  // "on dit « … »": « on dit » and « dit » are both cues of the same names.
  return [...new Set([...found, ...namesInUse(paragraph, pack)])];
}

/** Where a sentence starts a new clause about someone: a comma, maybe « et », then a determiner. */
const CLAUSE_ABOUT_SOMEONE = /[;.!?]\s+|,\s+(?:et\s+)?(?=(?:l['’]|le\s|la\s|les\s|un\s|une\s))/iu;

/**
 * « Dans cette FAQ, « le meunier » désigne le conducteur de moulin, « le labo » le technicien qualité laboratoire »: a
 * glossary sentence saying what the article's short names stand for (pack designationCues, written once and then left
 * out). Each role named in quotes gets the job title written after its quote.
 */
export function namesDesignated(paragraph: string, roles: readonly Role[], pack: LanguagePack): { role: Role; names: string[] }[] {
  const found: { role: Role; names: string[] }[] = [];
  const alternatives = new RegExp(`\\s(?:${pack.source('alternativeWords').join('|')})\\s`, 'u');
  const trailingCoordinator = new RegExp(`\\s+(?:${pack.source('coordinators').join('|')})\\s*$`, 'u');
  for (const sentence of paragraph.split(/[.!?]\s+/u)) {
    const quotes = [...sentence.matchAll(QUOTED_NAME)];
    let cueSeen = false;
    quotes.forEach((quote, at) => {
      const end = quote.index + quote[0].length;
      const raw = splitWrittenElisions(sentence.slice(end, quotes[at + 1]?.index ?? sentence.length)).split(/\s+/).filter((part) => part !== '');
      const cue = pack.prefixLength('designationCues', raw.map((part) => words(part).join('')), 0);
      if (!cueSeen && cue === 0) return;
      cueSeen = true;
      // Up to the next comma or coordinator; of « le technicien ou la technicienne qualité laboratoire », the full form.
      const run = /^[^,;:()«"“]+/u.exec(raw.slice(cue).join(' '))?.[0] ?? '';
      const title = run.replace(trailingCoordinator, '').split(alternatives).sort((a, b) => b.length - a.length)[0] ?? '';
      const name = bareName(title, pack);
      const role = quotedNames(quote[0], pack).map((quoted) => roleNamedIn(quoted, roles, pack)).find((named) => named !== null);
      if (!role || name === '' || name.split(/\s+/).length > MAX_ALIAS_WORDS || !looksLikeJobTitle(name, pack)) return;
      // A title holding another role's whole name (« le conducteur de ligne d'ensachage » for « le labo ») is not this one's.
      const key = nameKey(name, pack);
      if (!roles.some((other) => other !== role && [other.name, ...other.aliases].some((written) => containsRun(key, nameKey(written, pack))))) found.push({ role, names: [name] });
    });
  }
  return found;
}

/** A list must name this many roles for its order to say which role its one unknown name stands for. */
const MIN_PARALLEL_LIST = 3;

/**
 * « Facteur, guichetier, chef d'équipe… qui fait quoi ? » under a title naming the facteur, the chargé de clientèle en
 * bureau de poste and the chef d'équipe distribution: a list of short names, as many as the roles and in their order,
 * that names every role but one gives that one the name at its place. With fewer than three roles the order of a list
 * says too little (« l'éclusier et le capitaine » may name a third person).
 */
export function namesInParallelList(paragraph: string, roles: readonly Role[], pack: LanguagePack): { role: Role; names: string[] }[] {
  if (roles.length < MIN_PARALLEL_LIST) return [];
  const coordinators = pack.source('coordinators').join('|');
  const separators = new RegExp(`\\s*,\\s*(?:(?:${coordinators})\\s+)?|\\s+(?:${coordinators})\\s+`, 'u');
  const names = (role: Role, item: string) => [role.name, ...role.aliases].some((form) => sameName(form, item, pack) || holdsEveryWord(form, item, pack));
  const found: { role: Role; names: string[] }[] = [];
  for (const run of paragraph.split(/[.!?:;«»"“”…()]+/u)) {
    const items = run.split(separators).map((item) => bareName(item, pack));
    if (items.length !== roles.length || items.some((item) => item === '' || item.split(/\s+/).length > MAX_ALIAS_WORDS)) continue;
    const unnamed = items.flatMap((item, at) => (names(roles[at]!, item) ? [] : [at]));
    if (unnamed.length !== 1) continue;
    const at = unnamed[0]!;
    const name = items[at]!;
    if (!looksLikeJobTitle(name, pack) || rolesMentionedIn(name, roles, pack).length > 0) continue;
    found.push({ role: roles[at]!, names: [name] });
  }
  return found;
}

/**
 * "…, l'agent portuaire est aussi appelé agent de port ou « agent de quai », et l'agent d'accueil est souvent désigné
 * simplement comme « l'accueil »": in a sentence that names several roles, each clause opened by a role's whole name
 * gives that role the names after its naming cue (pack aliasCues) — a job title, or any name in quotes.
 */
export function namesGivenInClauses(paragraph: string, roles: readonly Role[], pack: LanguagePack): { role: Role; names: string[] }[] {
  const found: { role: Role; names: string[] }[] = [];
  const alternatives = pack.source('alternativeWords').join('|');
  const separator = new RegExp(`^\\s*(?:,\\s*(?:(?:${alternatives})\\s)?|/|(?:${alternatives})\\s)\\s*`, 'u');
  const beforeAlternative = new RegExp(`\\s(?:${alternatives})(?:\\s|$)`, 'u');
  const alternativeNext = new RegExp(`^\\s+(?:${alternatives})(?:\\s|$)`, 'u');
  for (const clause of paragraph.split(CLAUSE_ABOUT_SOMEONE)) {
    const raw = splitWrittenElisions(clause).split(/\s+/).filter((part) => part !== '');
    const folded = raw.map((part) => words(part).join(''));
    const at = folded.findIndex((_, from) => pack.prefixLength('aliasCues', folded, from) > 0);
    if (at <= 0) continue;
    const before = raw.slice(0, at).join(' ');
    // "…, que le marinier soit appelé batelier, …": a role named right before the cue, late in a clause, is the one named.
    const role = subjectOf(before, roles, pack, { wholeNamesOnly: true }) ?? roleNamedJustBefore(before, roles, pack)?.role ?? null;
    // "… le chef de projet (…) et le relecteur-réviseur (le plus souvent appelé « réviseur »)": with two roles before the
    // cue, the clause does not say whose name it gives.
    if (!role || rolesMentionedIn(before, roles, pack).length > 1) continue;
    // The names after the cue, joined by commas, slashes or « ou »: each in quotes, or a short job title without.
    const names: string[] = [];
    let text = raw.slice(at + pack.prefixLength('aliasCues', folded, at)).join(' ');
    for (;;) {
      const quoted = /^\s*[«"“]\s*([^»"”]{1,40}?)\s*[»"”]/u.exec(text);
      let name: string;
      if (quoted) {
        name = quoted[1]!;
        text = text.slice(quoted[0].length);
      } else {
        const run = /^[^,;:.!?()«"“/]+/u.exec(text)?.[0] ?? '';
        name = run.split(beforeAlternative)[0]!.trim();
        text = text.slice(text.indexOf(name) + name.length);
        // Inside a list ("batelier, conducteur de bateau fluvial ou capitaine"), a name that « ou » follows may be longer.
        const longest = names.length > 0 && alternativeNext.test(text) ? MAX_ALIAS_WORDS : MAX_UNQUOTED_NAME_WORDS;
        if (nameParts(name, pack).length > longest || !looksLikeJobTitle(name, pack)) break;
      }
      const bare = bareName(name, pack);
      if (bare !== '' && bare.split(/\s+/).length <= MAX_ALIAS_WORDS) names.push(bare);
      const next = separator.exec(text);
      if (!next) break;
      text = text.slice(next[0].length);
    }
    if (names.length > 0) found.push({ role, names });
  }
  return found;
}

/**
 * "Le Vendeur cycle, ou vendeur conseil, accueille le client…": a sentence that opens on a role's name, then sets
 * another job title beside it between commas after « ou », gives that role the title. Only as the sentence's subject,
 * and never a title naming another role (« Le mécanicien, ou le responsable d'atelier, valide… » names two roles).
 */
export function namesInApposition(paragraph: string, roles: readonly Role[], pack: LanguagePack): { role: Role; names: string[] }[] {
  const alternatives = pack.source('alternativeWords').join('|');
  const apposition = new RegExp(`^\\s*([^,;:.!?()«»"“”]{1,80}?)\\s*,\\s*(?:${alternatives})\\s+([^,;:.!?()«»"“”]{1,60}?)\\s*,`, 'iu');
  const found: { role: Role; names: string[] }[] = [];
  for (const sentence of paragraph.split(/(?<=[.!?…])\s+/u)) {
    const match = apposition.exec(sentence);
    if (!match) continue;
    const key = nameKey(match[1]!, pack).join(' ');
    const role = roles.find((candidate) => [candidate.name, ...candidate.aliases].some((name) => nameKey(name, pack).join(' ') === key));
    if (!role) continue;
    const name = bareName(nameBeforePlace(match[2]!, pack), pack);
    if (name === '' || name.split(/\s+/).length > MAX_ALIAS_WORDS || !looksLikeJobTitle(name, pack)) continue;
    if (rolesMentionedIn(name, roles, pack).some((other) => other !== role)) continue;
    found.push({ role, names: [name] });
  }
  return found;
}

/** Most words before a name in quotes in a part of an aside between dashes ("ou plus simplement « manip radio »"). */
const MAX_ASIDE_LEAD_WORDS = 3;

/**
 * "Le manipulateur en électroradiologie médicale — MERM, ou plus simplement « manip radio » dans le service — est…":
 * an aside between dashes right after a role's name, made only of names (an abbreviation, names in quotes) joined by
 * commas or « ou », gives the role each of them. An aside with anything else in it is no list of names.
 */
export function namesInDashedAside(paragraph: string, roles: readonly Role[], pack: LanguagePack): { role: Role; names: string[] }[] {
  const alternatives = pack.source('alternativeWords').join('|');
  const found: { role: Role; names: string[] }[] = [];
  for (const aside of paragraph.matchAll(/\s[—–]\s([^—–.;:!?()]{2,100}?)\s[—–]\s/gu)) {
    const role = roleNamedJustBefore(paragraph.slice(0, aside.index), roles, pack)?.role;
    if (!role) continue;
    const parts = aside[1]!.split(/\s*,\s*/).flatMap((part) => part.split(new RegExp(`(?:^|\\s+)(?:${alternatives})\\s+`, 'u'))).map((part) => part.trim()).filter((part) => part !== '');
    const names: string[] = [];
    // "— on dit « opérateur de tri », et pour les équipages c'est tout simplement « le fort » —": once the aside has
    // opened on a name, a later part may say more before its own.
    const allNames = parts.every((part, at) => {
      if (ABBREVIATION_ALONE.test(part)) return names.push(part) > 0;
      const quote = part.search(/[«"“]/);
      if (quote < 0 || (at === 0 && writtenWords(part.slice(0, quote)).length > MAX_ASIDE_LEAD_WORDS)) return false;
      const quoted = quotedNames(part.slice(quote), pack);
      names.push(...quoted);
      return quoted.length > 0;
    });
    if (!allNames || names.length === 0 || names.some((name) => rolesMentionedIn(name, roles, pack).some((other) => other !== role))) continue;
    found.push({ role, names });
  }
  return found;
}

/** Words of a name given without quotes, link words aside ("agent de port"): longer ones are read as a clause. */
const MAX_UNQUOTED_NAME_WORDS = 2;

/** "« le nez » dans le jargon de la maison", "« l'éval » pour tout le monde ici": a name in quotes, then what says it is the name people use. */
export function namesInUse(paragraph: string, pack: LanguagePack): string[] {
  return [...paragraph.matchAll(QUOTED_NAME)].flatMap((quoted) =>
    pack.prefixLength('aliasAfterCues', words(paragraph.slice(quoted.index + quoted[0].length))) > 0 ? quotedNames(quoted[0], pack) : [],
  );
}

/**
 * Names in quotes said to stand for a role: « on dit « le nivo » ou « la nivo » pour le nivoculteur » → the
 * Nivoculteur's « nivo » (pack aliasForWords: the word between the names and the role, then the role's name up to
 * the next comma); and abbreviations said so without quotes: « LogCo pour le coordinateur logistique, CdM (ou HoM)
 * pour le chef de mission ».
 */
export function nicknamesFor(paragraph: string, roles: readonly Role[], pack: LanguagePack): { role: Role; names: string[] }[] {
  const found: { role: Role; names: string[] }[] = [];
  const quotes = [...paragraph.matchAll(QUOTED_NAME)];
  // A run of names joined by « ou » or a comma: « le nivo » ou « la nivo ».
  const gap = (from: number) => paragraph.slice(quotes[from]!.index + quotes[from]![0].length, quotes[from + 1]!.index).trim();
  const endOfRun = (from: number) => {
    let end = from;
    while (end + 1 < quotes.length && (gap(end) === ',' || pack.has('alternativeWords', words(gap(end)).join(' ')))) end += 1;
    return end;
  };
  for (let at = 0; at < quotes.length; at += 1) {
    const end = endOfRun(at);
    // "« le véto » (ou « le Doc », à l'accueil) pour le vétérinaire": an aside in the bracket the names close on is skipped.
    const afterNames = quotes[end]!.index + quotes[end]![0].length;
    const opened = (paragraph.slice(0, afterNames).match(/\(/g)?.length ?? 0) - (paragraph.slice(0, afterNames).match(/\)/g)?.length ?? 0);
    const closing = paragraph.indexOf(')', afterNames);
    const role = roleAfterAliasWord(paragraph.slice(afterNames), roles, pack) ?? (opened > 0 && closing >= 0 ? roleAfterAliasWord(paragraph.slice(closing + 1), roles, pack) : null);
    if (role) found.push({ role, names: [...new Set(quotes.slice(at, end + 1).flatMap((quoted) => quotedNames(quoted[0], pack)))] });
    at = end;
  }
  // "… et AT pour l'administrateur terrain, que tout le monde appelle plus simplement « l'admin »": a name in quotes
  // after a naming cue, in a clause that opens right after a role's name (after a comma or a dash), is that role's,
  // and so are the names the run goes on with (« agent de service » ou « agent d'entretien »).
  for (let at = 0; at < quotes.length; at += 1) {
    const end = endOfRun(at);
    const before = paragraph.slice(0, quotes[at]!.index);
    const opener = Math.max(...CLAUSE_OPENERS.map((mark) => before.lastIndexOf(mark)));
    if (opener < 0) continue;
    const clause = words(before.slice(opener + 1));
    const run = [...new Set(quotes.slice(at, end + 1).flatMap((quoted) => quotedNames(quoted[0], pack)))];
    at = end;
    // "le chef d'équipe, le « CE » de la grille": an abbreviation in quotes set beside a role's name is its name.
    const apposed = clause.length === 1 && pack.has('determiners', clause[0]!) && run.every((name) => ABBREVIATION_ALONE.test(name));
    if (!apposed && (clause.length > MAX_NAMING_CLAUSE_WORDS || !clause.some((_, from) => pack.prefixLength('aliasCues', clause, from) > 0 || pack.prefixLength('quotedAliasCues', clause, from) > 0))) continue;
    // "la cheffe soigneuse (qu'on appelle aussi « … »)": a clause naming a role of its own gives the name to that one.
    if (rolesMentionedIn(before.slice(opener + 1), roles, pack).length > 0) continue;
    const named = roleNamedJustBefore(before.slice(0, opener), roles, pack);
    if (named) found.push({ role: named.role, names: run });
  }
  for (const abbreviation of paragraph.matchAll(ABBREVIATION_BEFORE_ALIAS_WORD)) {
    const role = roleAfterAliasWord(paragraph.slice(abbreviation.index + abbreviation[0].length), roles, pack);
    const names = [abbreviation[1]!, ...(abbreviation[2] ? [...abbreviation[2].matchAll(ABBREVIATION)].map((other) => other[0]) : [])];
    if (role) found.push({ role, names });
  }
  // "… (la « récep' », parfois appelée conseillère service) et le **chef d'atelier**": a role's own name, in quotes or
  // in bold, is no other role's nickname.
  const ownNames = new Set(roles.flatMap((role) => [role.name, ...role.aliases]).map((name) => nameKey(name, pack).join(' ')));
  return found
    .map(({ role, names }) => ({ role, names: names.filter((name) => !ownNames.has(nameKey(name, pack).join(' '))) }))
    .filter(({ names }) => names.length > 0);
}

/** Words a clause may hold between a role's name and the name in quotes it gives it ("que tout le monde appelle plus simplement"). */
const MAX_NAMING_CLAUSE_WORDS = 8;

/** Marks that open a clause after a role's name: a comma, or a dash opening an aside (« l'agent – que beaucoup appellent… »). */
const CLAUSE_OPENERS = [',', '–', '—'];

/** A name that is an abbreviation alone (« CE », « AdP »). */
const ABBREVIATION_ALONE = /^(?=(?:\p{L}*\p{Lu}){2})\p{Lu}\p{L}{1,5}$/u;

/**
 * A word written as an abbreviation (two capitals or more: « LogCo », « CdM », « AT »), maybe followed by a bracket
 * giving another (« (ou HoM, pour Head of Mission) »), then the rest of the sentence.
 */
const ABBREVIATION = /(?<![\p{L}])(?=(?:\p{L}*\p{Lu}){2})\p{Lu}[\p{L}]{1,7}(?![\p{L}])/gu;
const ABBREVIATION_BEFORE_ALIAS_WORD = /(?<![\p{L}])((?=(?:\p{L}*\p{Lu}){2})\p{Lu}[\p{L}]{1,7})(?![\p{L}])\s*(\([^()]{0,60}\))?/gu;

/** The role named right after a word that says a name stands for it (« pour le nivoculteur / la nivocultrice »). */
function roleAfterAliasWord(after: string, roles: readonly Role[], pack: LanguagePack): Role | null {
  const cue = /^\s*(\p{L}+)\s+(.*)$/su.exec(after);
  if (!cue || !pack.has('aliasForWords', words(cue[1]!).join(' '))) return null;
  const named = cue[2]!.split(/[,;:.!?()«"“]/)[0]!;
  // « pour le nivoculteur / la nivocultrice »: either form names the role, whole (« pour tout le monde » names none).
  // The name may be followed by the next pair of the sentence (« pour le coloriste et d'« esthé » pour … »): the
  // longest run of words from the start that names a role.
  const key = (text: string) => nameKey(text, pack).join(' ');
  const names = (candidate: Role) => [candidate.name, ...candidate.aliases].map(key);
  const written = named.trim().split(/\s+/);
  for (let length = written.length; length > 0; length -= 1) {
    const forms = written.slice(0, length).join(' ').split(/\s*\/\s*/).map(key);
    const role = roles.find((candidate) => names(candidate).some((name) => forms.includes(name)));
    if (role) return role;
  }
  return null;
}

/**
 * A role found only in labels that is a role of the title under another name joins it, with its forms as aliases:
 * - « l'ouvrier ou l'ouvrière ostréicole, qu'on appelle plutôt « l'ouvrier de parc » » in the introduction, then
 *   « **L'ouvrier de parc** » over some lists: the introduction gives the title role that name in use;
 * - « **Technicien·ne AV planétarium** » beside a Technicien audiovisuel planétarium called « le technicien AV »: every
 *   word of the label is a word of that one role's names.
 * Returns the roles left.
 */
export function labelRolesNicknamed(roles: readonly Role[], titleNames: readonly string[], intro: readonly string[], pack: LanguagePack): Role[] {
  const titled = roles.filter((role) => titleNames.some((name) => sameName(name, role.name, pack)));
  const untitled = roles.filter((role) => !titled.includes(role));
  if (titled.length < 2 || untitled.length === 0) return [...roles];
  const merged = new Set<Role>();
  const join = (role: Role, other: Role) => {
    role.aliases.push(...[other.name, ...other.aliases].filter((form) => !role.aliases.includes(form)));
    merged.add(other);
  };
  for (const paragraph of intro) {
    for (const { role, names } of nicknamesFor(paragraph, titled, pack)) {
      for (const other of untitled.filter((candidate) => !merged.has(candidate) && names.some((name) => sameName(candidate.name, name, pack)))) join(role, other);
    }
  }
  const wordsOf = (role: Role) => new Set([role.name, ...role.aliases].flatMap((name) => nameKey(name, pack)));
  for (const other of untitled.filter((candidate) => !merged.has(candidate))) {
    const key = nameKey(other.name, pack);
    const owners = titled.filter((role) => key.length > 0 && key.every((word) => wordsOf(role).has(word)));
    if (owners.length === 1) join(owners[0]!, other);
  }
  return roles.filter((role) => !merged.has(role));
}

/** Letters a clipped nickname keeps of the word it clips, at least ("palef" for "palefrenier", "mon-o" for "moniteur"). */
const MIN_CLIPPED_LETTERS = 3;

/**
 * "Les cavaliers disent « le mono », les anciens disent « le palef »": a one-word name in quotes that clips the start of a
 * word of exactly one role's names (maybe with the vowel spoken French adds, pack `clippingEndings`) is that role's
 * nickname.
 */
export function clippedNicknames(paragraph: string, roles: readonly Role[], pack: LanguagePack): { role: Role; names: string[] }[] {
  const found: { role: Role; names: string[] }[] = [];
  const endings = pack.source('clippingEndings').map((ending) => fold(ending));
  const names = [...[...paragraph.matchAll(QUOTED_NAME)].flatMap((quoted) => quotedNames(quoted[0], pack)), ...namesListedInSpeech(paragraph, pack)];
  for (const name of names) {
    const folded = words(name);
    if (folded.length !== 1) continue;
    // « les archis »: a clip in the plural is the singular clip.
    const plural = looksPlural(folded[0]!);
    const word = plural ? folded[0]!.slice(0, -1) : folded[0]!;
    const written = plural ? name.slice(0, -1) : name;
    const bases = [word, ...endings.filter((ending) => word.endsWith(ending)).map((ending) => word.slice(0, -ending.length))].filter((base) => base.length >= MIN_CLIPPED_LETTERS);
    const clips = (role: Role) => [role.name, ...role.aliases].some((full) => words(full).some((part) => part !== word && part !== folded[0] && part.length > word.length && bases.some((base) => part.startsWith(base))));
    const owners = roles.filter(clips);
    if (owners.length === 1 && ![owners[0]!.name, ...owners[0]!.aliases].some((form) => fold(form) === fold(written))) found.push({ role: owners[0]!, names: [written] });
  }
  return found;
}

/** A sentence in quotes, as a person says it. */
const QUOTED_SPEECH = /«([^»]{41,240})»/g;

/**
 * « l'ortho, la psychomot, l'ergo et la neuropsy, ce n'est pas un peu la même chose ? »: a sentence in quotes that lists
 * names, each a determiner and one word, between commas and « et » / « ou ».
 */
function namesListedInSpeech(paragraph: string, pack: LanguagePack): string[] {
  const coordinators = pack.source('coordinators').join('|');
  return [...paragraph.matchAll(QUOTED_SPEECH)].flatMap((speech) =>
    speech[1]!.split(new RegExp(`\\s*[,;:?!]\\s*|\\s+(?:${coordinators})\\s+`, 'u')).flatMap((piece) => {
      const written = writtenWords(piece.trim());
      const bare = withoutDeterminers(written, pack);
      return written.length === 2 && bare.length === 1 ? [joinWritten(bare)] : [];
    }),
  );
}

/** A name in quotes anywhere in a sentence. */
export const QUOTED_NAME = /«\s*[^»]{1,40}?\s*»|"[^"]{1,40}"|“[^”]{1,40}”/g;

/** A name's written words without the determiners that open it ("la prog" → "prog"), one word at least. */
function withoutDeterminers(written: readonly string[], pack: LanguagePack): string[] {
  let from = 0;
  while (from < written.length - 1 && pack.has('determiners', words(written[from]!).join(' '))) from += 1;
  return written.slice(from);
}

/** A name as written without its opening determiners: « l'intendance » → « intendance ». */
export function bareName(text: string, pack: LanguagePack): string {
  return joinWritten(withoutDeterminers(writtenWords(text.trim()), pack));
}

/** A name in quotes at the start of a point: « Le chauffeur », "le routier". */
const QUOTED_LEAD = /^\s*(?:«\s*([^»]{1,40}?)\s*»|"([^"]{1,40})"|“([^”]{1,40})”)\s*/;

/** A name said in a naming section is short: "le grand routier", not a sentence. */
const MAX_NICKNAME_WORDS = 3;

/**
 * The names in quotes a point of a naming section ("Dans le jargon de l'agence", "Comment on les appelle")
 * starts with, joined by "ou" or a comma: « Le chauffeur » ou « le routier » → chauffeur, routier.
 */
export function quotedNames(text: string, pack: LanguagePack): string[] {
  const names: string[] = [];
  let rest = text;
  for (let quoted = QUOTED_LEAD.exec(rest); quoted; quoted = QUOTED_LEAD.exec(rest)) {
    const written = withoutDeterminers(writtenWords(quoted[1] ?? quoted[2] ?? quoted[3] ?? ''), pack);
    if (written.length > 0 && written.length <= MAX_NICKNAME_WORDS) names.push(joinWritten(written));
    rest = rest.slice(quoted[0].length).replace(/^,\s*/, '');
    const joiner = /^(\S+)\s+/.exec(rest);
    if (!joiner || !pack.has('alternativeWords', words(joiner[1]!).join(' '))) continue;
    rest = rest.slice(joiner[0].length);
    // "« l'ambulancier DE », ou simplement « le DE »": adverbs may follow the « ou ».
    for (let adverb = /^(\S+)\s+/.exec(rest); adverb && pack.has('namingAdverbs', words(adverb[1]!).join(' ')); adverb = /^(\S+)\s+/.exec(rest)) rest = rest.slice(adverb[0].length);
  }
  return names;
}

/** A name written as an initialism: "CESF", "IESSA". */
const INITIALISM = /^[A-ZÀ-Ý]{2,6}$/;

/** Longest spelled-out name an initialism may stand for, its link words counted. */
const MAX_EXPANSION_WORDS = 14;

/**
 * A role the title or labels name only by its initialism ("CESF") takes the name the article spells
 * out ("le conseiller en économie sociale et familiale (CESF)"): the run of words whose initials,
 * small link words aside, spell it. The initialism stays as an alias.
 */
export function spellOutInitialisms(roles: Role[], texts: readonly string[], pack: LanguagePack): void {
  for (const role of [...roles]) {
    if (!INITIALISM.test(role.name.trim())) continue;
    const letters = fold(role.name);
    let found: string | null = null;
    for (const text of texts) {
      const written = writtenWords(text);
      for (let start = 0; start < written.length && found === null; start += 1) {
        let spelled = '';
        for (let end = start; end < written.length && end - start < MAX_EXPANSION_WORDS; end += 1) {
          const word = words(written[end]!).join('');
          if (word === '') break;
          const link = pack.has('determiners', word) || pack.has('nameLinkWords', word);
          if (end === start && link) break;
          if (!link) spelled += word[0];
          if (!letters.startsWith(spelled)) break;
          if (spelled === letters) {
            found = joinWritten(written.slice(start, end + 1));
            break;
          }
        }
      }
      if (found !== null) break;
    }
    if (found === null) continue;
    // "assistant médico-administratif (AMA)": the initialism written after its expansion is not part of it.
    const spelled = found.split(' ');
    if (spelled.length > 1 && fold(bare(spelled[spelled.length - 1]!)) === letters) found = spelled.slice(0, -1).join(' ');
    const acronym = role.name;
    const same = roles.find((other) => other !== role && slugify(other.name) === slugify(found!));
    if (same) {
      // The initialism is another name of a role already found: one role, two names.
      same.aliases.push(acronym, ...role.aliases);
      roles.splice(roles.indexOf(role), 1);
      continue;
    }
    role.name = found.charAt(0).toUpperCase() + found.slice(1);
    role.id = slugify(role.name);
    role.aliases = [...new Set([acronym, ...role.aliases])].filter((alias) => fold(alias) !== fold(role.name));
  }
}

/**
 * "L'assistant d'éducation (AED)": an initialism in brackets right after a role's name is another name of
 * that role, whatever letters it takes (here the D of the elided "d'", which no spelling rule predicts).
 */
export function bracketedInitialisms(roles: readonly Role[], texts: readonly string[], pack: LanguagePack, title = ''): void {
  for (const text of [title, ...texts]) {
    // "Technicien helpdesk (N1) ou analyste support applicatif (N2)": in the title, a code in brackets after a
    // name is that role's, whatever its letters.
    const inTitle = text === title;
    // "Le Responsable qualité (le RQ)": a determiner may open the bracket.
    for (const match of text.matchAll(inTitle ? /\(\s*(?:(\p{L}+['’]|\p{L}+\s+))?([A-ZÀ-Ý][A-ZÀ-Ý0-9]{1,5})\s*\)/gu : /\(\s*(?:(\p{L}+['’]|\p{L}+\s+))?([A-ZÀ-Ý]{2,6})\s*\)/gu)) {
      if (match[1] !== undefined && !pack.has('determiners', words(match[1]).join(' '))) continue;
      const found = roleNamedJustBefore(text.slice(0, match.index), roles, pack);
      if (!found) continue;
      const { role, name } = found;
      const initialism = match[2]!;
      // "diplôme d'État d'éducateur spécialisé (DEES)" names the diploma: the initialism must start as the name
      // does and take its letters in order.
      if (!inTitle && (!isSubsequence(fold(initialism), fold(name).replace(/[^a-z0-9]/g, '')) || fold(initialism)[0] !== fold(name)[0])) continue;
      if (![role.name, ...role.aliases].some((form) => fold(form) === fold(initialism))) role.aliases.push(initialism);
    }
    // "le chef de bord (ASCT, agent du service commercial trains — …)": an initialism the bracket spells out right
    // after it as a job title is another name of the role, whatever its letters.
    for (const match of text.matchAll(/\(\s*([A-ZÀ-Ý]{2,6})\s*,\s*([^,;()«»—–]{3,80})/gu)) {
      const initialism = match[1]!;
      const parts = nameParts(match[2]!, pack);
      const initials = parts.map((word) => word[0]).join('');
      // "(DEES, diplôme d'État d'éducateur spécialisé)" spells out a diploma: the words must open on a job's head.
      if (!initials.startsWith(fold(initialism)) || !looksLikeJobTitle(parts[0] ?? '', pack)) continue;
      const role = roleNamedJustBefore(text.slice(0, match.index), roles, pack)?.role;
      if (role && ![role.name, ...role.aliases].some((form) => fold(form) === fold(initialism))) role.aliases.push(initialism);
    }
  }
}

/** The role whose name (or alias) the text ends with, the shortest such ending first, and that ending. */
function roleNamedJustBefore(text: string, roles: readonly Role[], pack: LanguagePack, withComplement = false): { role: Role; name: string } | null {
  const before = writtenWords(text);
  const named = (length: number) => {
    const name = joinWritten(before.slice(before.length - length));
    const role = roles.find((candidate) => [candidate.name, ...candidate.aliases].some((form) => sameName(form, name, pack)));
    return role ? { role, name } : null;
  };
  for (let length = 1; length <= Math.min(MAX_NAME_WORDS, before.length); length += 1) {
    const found = named(length);
    if (!found) continue;
    // "L'auxiliaire ambulancier", "le constructeur de marionnettes": a longer name of another role, written as one name
    // (no « et », no determiner inside but the « de » that links a name's words), is that role's, not the shorter
    // one's it ends with.
    for (let longer = Math.min(MAX_NAME_WORDS, before.length); longer > length; longer -= 1) {
      const extra = before.slice(before.length - longer, before.length - length).map((word) => words(word).join(' '));
      if (extra.some((word) => (pack.has('determiners', word) && !pack.has('namePrepositions', word)) || pack.has('coordinators', word) || /[,;:]$/.test(word))) continue;
      const other = named(longer);
      if (other && other.role !== found.role) return other;
    }
    return found;
  }
  if (!withComplement) return null;
  // "L'enseignant de la conduite et de la sécurité routière (…)": the name the writer spells out in full goes on with a
  // complement of a few words, opened by a link word, that names no other role.
  for (let extra = 1; extra <= MAX_COMPLEMENT_WORDS; extra += 1) {
    for (let length = 1; length <= MAX_NAME_WORDS && length + extra <= before.length; length += 1) {
      const start = before.length - extra - length;
      const complement = before.slice(start + length);
      // "… de la sécurité routière", "… et de la sécurité routière": a complement, not the next item of a list.
      const opening = complement.slice(0, 2).map((word) => words(word).join(' '));
      if (!pack.has('genitivePrepositions', opening[0]!) && !(pack.has('coordinators', opening[0]!) && pack.has('genitivePrepositions', opening[1] ?? ''))) continue;
      const name = joinWritten(before.slice(start, start + length));
      const role = roles.find((candidate) => [candidate.name, ...candidate.aliases].some((form) => sameName(form, name, pack)));
      if (role && rolesMentionedIn(joinWritten(complement), roles, pack).length === 0) return { role, name };
    }
  }
  return null;
}

/** Most words of the complement a role's name spelt out in full adds before a bracket ("et de la sécurité routière"). */
const MAX_COMPLEMENT_WORDS = 6;

/** Longest nickname read in quotes inside brackets. */
const MAX_NICKNAME_CHARACTERS = 40;

/** Most words before the quotes in such a bracket ("souvent appelé", "que l'on appelle aussi"). */
const MAX_CUE_WORDS = 5;

/** Longest aside before the quotes in such a bracket ("jardinier ou jardinière de golf, « GK »"). */
const MAX_ASIDE_CHARACTERS = 60;

/**
 * "Le Masseur-kinésithérapeute (le « kiné » dans les services)", "le Prévisionniste de la demande (souvent appelé
 * « demand planner »)", "Le greenkeeper (jardinier de golf, « GK » dans l'équipe)": a name in quotes opening a bracket
 * (or a part of it after a comma) right after a role's name, or after a naming cue, is
 * another name of that role. A role found only by that nickname ("Chez le kiné :" in the
 * lists) is the same role: it joins the one the text names in full. Returns the roles left.
 */
export function bracketedNicknames(roles: readonly Role[], texts: readonly string[], pack: LanguagePack): Role[] {
  // Other asides may come first, each closed by a comma: "(jardinier ou jardinière de golf, « GK » dans l'équipe)".
  // "(ASCT, agent du service commercial trains — le « contrôleur » pour nos voyageurs)": or by a dash.
  const nickname = new RegExp(`\\(\\s*(?:[^()«"“”»,—–]{1,${MAX_ASIDE_CHARACTERS}}(?:,|\\s[—–]),?\\s*){0,2}?((?:[\\p{L}]+[’']?\\s*){0,${MAX_CUE_WORDS}}?)[«"“]\\s*([^»"”]{1,${MAX_NICKNAME_CHARACTERS}}?)\\s*[»"”]`, 'gu');
  const merged = new Set<Role>();
  // Only a text with a bracket and a quote can hold one: the pattern is costly on the many that cannot.
  for (const text of texts.filter((candidate) => candidate.includes('(') && /[«"“]/.test(candidate))) {
    for (const match of text.matchAll(nickname)) {
      // "(le « kiné »)", "(souvent appelé « demand planner »)": one word, or words that end with a naming cue.
      const lead = words(match[1]!);
      // "(on dit souvent simplement « le gradeur »)": adverbs after the cue are no part of it.
      const cue = [...lead];
      while (cue.length > 1 && pack.has('namingAdverbs', cue[cue.length - 1]!)) cue.pop();
      const cueEnds = (from: number) => [pack.prefixLength('aliasCues', cue, from), pack.prefixLength('quotedAliasCues', cue, from)].includes(cue.length - from);
      if (lead.length > 1 && !cue.some((_, from) => cueEnds(from))) continue;
      const role = roleNamedJustBefore(text.slice(0, match.index), roles.filter((candidate) => !merged.has(candidate)), pack, true)?.role;
      if (!role) continue;
      // « l'intendance », « le kiné »: the name without its determiner. "(le « dépanneur » ou « tech de secteur »
      // dans le jargon)": the names in quotes that follow it in the bracket, joined by « ou » or a comma, too.
      const rest = text.slice(match.index! + match[0].length).split(')')[0]!;
      const names = [bareName(match[2]!, pack), ...quotedNames(`« ${match[2]} »${rest}`, pack).slice(1)];
      for (const name of names) {
        if (![role.name, ...role.aliases].some((form) => sameName(form, name, pack))) role.aliases.push(name);
        for (const other of roles.filter((candidate) => candidate !== role && !merged.has(candidate) && sameName(candidate.name, name, pack))) {
          role.aliases.push(...[other.name, ...other.aliases].filter((form) => !role.aliases.includes(form)));
          merged.add(other);
        }
      }
    }
  }
  // "L'agent de propreté (on dit aussi agent d'entretien, agent de service ou technicien de surface)": the job titles a
  // bracket opened by a naming cue lists, right after a role's name, are that role's.
  for (const text of texts.filter((candidate) => candidate.includes('('))) {
    for (const bracket of text.matchAll(/\(([^()]{1,200})\)/g)) {
      const inside = words(bracket[1]!);
      // "Le Barbier (ou barber)", "le Manager de salon (ou responsable de salon)": a bracket opened by « ou » gives the
      // other name, up to its first comma.
      const alternative = pack.prefixLength('alternativeWords', inside, 0);
      if (pack.prefixLength('aliasCues', inside, 0) === 0 && alternative === 0) continue;
      const role = roleNamedJustBefore(text.slice(0, bracket.index), roles.filter((candidate) => !merged.has(candidate)), pack)?.role;
      if (!role) continue;
      const other = alternative > 0 ? bareName(writtenWords(bracket[1]!.split(/[,;:]/)[0]!).slice(alternative).join(' '), pack) : '';
      const names = alternative > 0 ? (other !== '' && other.split(/\s+/).length <= MAX_ALIAS_WORDS ? [other] : []) : aliasesInProse(bracket[0], pack);
      for (const name of names) if (![role.name, ...role.aliases].some((form) => sameName(form, name, pack))) role.aliases.push(name);
    }
    // "(le « négo », appelé conseiller immobilier dans certaines agences)": a later part of a bracket right after a
    // role's name, opened by a naming cue, gives the job title after it, up to the words saying where it is used.
    // "(dans notre troupe, il s'agit d'acrobates)": a bracket cue (pack bracketAliasCues) gives a name in any part, even
    // a plain noun ("acrobates"), since a bracket right after a role's name says what that role is.
    for (const bracket of text.matchAll(/\(([^()]{1,200})\)/g)) {
      const parts = bracket[1]!.split(/\s*[,;]\s*/);
      const role = roleNamedJustBefore(text.slice(0, bracket.index), roles.filter((candidate) => !merged.has(candidate)), pack)?.role;
      if (!role) continue;
      const names = parts.flatMap((part, index) => {
        const written = writtenWords(part);
        const folded = written.map((word) => words(word).join(' '));
        const bracketCue = pack.prefixLength('bracketAliasCues', folded, 0);
        const cue = bracketCue || (index > 0 ? Math.max(pack.prefixLength('aliasCues', folded, 0), pack.prefixLength('quotedAliasCues', folded, 0)) : 0);
        if (cue === 0 || /[«"“]/.test(part)) return [];
        const name = bareName(nameBeforePlace(written.slice(cue).join(' '), pack), pack);
        const named = looksLikeJobTitle(name, pack) || (bracketCue > 0 && nameParts(name, pack).length === 1);
        return name !== '' && name.split(/\s+/).length <= MAX_ALIAS_WORDS && named ? [name] : [];
      });
      for (const name of names) if (![role.name, ...role.aliases].some((form) => sameName(form, name, pack))) role.aliases.push(name);
    }
  }
  return roles.filter((role) => !merged.has(role));
}

/** True when every letter of `letters` appears in `text`, in order. */
function isSubsequence(letters: string, text: string): boolean {
  let at = 0;
  for (const letter of letters) {
    at = text.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * Whether the role's name takes feminine determiners. A name whose first word has a gendered job-title ending has
 * that gender: "Régisseur plateau" stays « le » even where the article writes « la régisseuse plateau », or the
 * bot would say « la Régisseur ». Otherwise the determiners the article puts before the role's names decide ("la
 * Gouvernante générale", "une Hôtesse", « la cheffe »), else the feminine ending of the name's first word.
 */
export function isFeminine(role: Role, texts: readonly string[], pack: LanguagePack): boolean {
  const ownGender = titleGender(words(role.name)[0] ?? '');
  if (ownGender === 'masculine' || ownGender === 'feminine') return ownGender === 'feminine';
  const names = [role.name, ...role.aliases].map((name) => words(name)).filter((parts) => parts.length > 0);
  let feminine = 0;
  let masculine = 0;
  for (const text of texts) {
    const folded = words(text);
    for (let at = 1; at < folded.length; at += 1) {
      if (!names.some((parts) => parts.every((part, offset) => folded[at + offset] === part))) continue;
      const before = (length: number) => folded.slice(Math.max(0, at - length), at);
      if ([2, 1].some((length) => pack.prefixLength('feminineDeterminers', before(length)) === length)) feminine += 1;
      else if (pack.has('masculineDeterminers', folded[at - 1]!)) masculine += 1;
    }
  }
  if (feminine !== masculine) return feminine > masculine;
  return looksFeminine(words(role.name)[0] ?? '');
}

/** Link words a job title may put between its head and the trade ("agent de façonnage", "agent d'accueil"). */
const MAX_TRADE_LINK_WORDS = 2;

/**
 * A role named by its trade ("Côté façonnage :" in the lists, "façonnage" in the title) takes the job title the text
 * writes for it — a job's head noun, a link word or two, then that trade ("l'agent de façonnage") —, the trade staying
 * one of its names.
 */
export function jobTitlesForTrades(roles: Role[], texts: readonly string[], pack: LanguagePack): void {
  for (const role of roles) {
    // An initialism ("IESSA") is no trade: the article spells it out (spellOutInitialisms).
    if (looksLikeJobTitle(role.name, pack) || INITIALISM.test(role.name.trim())) continue;
    const trade = words(role.name);
    if (trade.length === 0) continue;
    const counts = new Map<string, number>();
    for (const text of texts) {
      const written = writtenWords(text);
      const folded = written.map((word) => words(word).join(' '));
      for (let at = 0; at < folded.length; at += 1) {
        if (!pack.has('jobHeads', folded[at]!)) continue;
        for (let links = 0; links <= MAX_TRADE_LINK_WORDS; links += 1) {
          const start = at + 1 + links;
          if (folded.slice(at + 1, start).some((word) => !pack.has('nameLinkWords', word) && !pack.has('determiners', word))) break;
          if (trade.every((part, offset) => folded[start + offset] === part)) {
            const title = joinWritten(written.slice(at, start + trade.length)).replace(/[,.;:!?)»]+$/, '');
            counts.set(title, (counts.get(title) ?? 0) + 1);
          }
        }
      }
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    // « Évolution possible vers chef forgeron », once, names another job: the job title must come back.
    if (!best || best[1] < MIN_OCCURRENCES) continue;
    const name = best[0].charAt(0).toUpperCase() + best[0].slice(1);
    role.aliases = [role.name, ...role.aliases.filter((alias) => slugify(alias) !== slugify(name))];
    role.name = name;
    role.id = slugify(name);
  }
}
