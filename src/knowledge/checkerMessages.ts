/**
 * What the article checker tells an HR writer, in French: the problems that keep a file out of the
 * library, and the doubts about a file that is served. One module, so tests and the CLI share them.
 */

const quoted = (text: string) => `« ${text} »`;
const list = (names: readonly string[]) => (names.length === 0 ? 'aucun' : names.map(quoted).join(', '));

/** Why a file is not an article the bot can serve (it is skipped, the others serve). */
export const problems = {
  empty: 'le fichier est vide.',
  noTitle: "pas de titre : un article Markdown commence par « # Titre », un export texte par son titre (ou une ligne de catégorie, puis le titre).",
  noSection: "aucune section : les intertitres doivent être seuls sur leur ligne (« ## Compétences » en Markdown).",
  noRoles: (found: readonly string[]) =>
    `impossible de trouver au moins deux rôles (trouvé : ${list(found)}). Nommez les rôles dans le titre (« Différences entre un X et un Y ») ou devant leurs listes (« Compétences du X : », « **X** », « ### X »).`,
  noRoleContent: "aucune section ne donne de contenu propre à un rôle : chaque rôle a besoin de sa liste (« X : » puis des puces) ou de son paragraphe.",
  unreadableFolder: 'le dossier de connaissances est illisible.',
  noArticle: 'aucun article valide (.txt ou .md) dans le dossier de connaissances.',
  duplicateArticle: (id: string) => `deux articles portent le même identifiant ${quoted(id)} : renommez l'un des fichiers.`,
} as const;

/** Doubts about an article that is still served: what the writer may want to fix. */
export const doubts = {
  labelWithoutRole: (label: string, roles: readonly string[]) =>
    `le libellé ${quoted(label)} ne correspond à aucun rôle (rôles reconnus : ${list(roles)}) ; son contenu est lu comme commun.`,
  emptyList: (label: string) => `la liste ${quoted(label)} est vide : elle n'apparaîtra dans aucune réponse.`,
  tableWithoutRoles: (heading: string) =>
    `le tableau de la section ${quoted(heading)} n'a de rôles ni en colonnes ni en lignes : ses cases sont lues comme communes à tous les rôles.`,
  duplicateHeading: (heading: string, firstLine: number) => `l'intertitre ${quoted(heading)} apparaît déjà ligne ${firstLine}.`,
  repeatedHeadingJoined: (heading: string, firstLine: number) =>
    `l'intertitre ${quoted(heading)} reprend celui de la ligne ${firstLine} : ce qu'il dit s'ajoute à cette section.`,
  emptySection: (heading: string) => `la section ${quoted(heading)} est vide.`,
  listBeforeFirstHeading: "une liste avant le premier intertitre (un sommaire ?) n'appartient à aucune section : elle n'est pas lue.",
  noRoleList: (heading: string) =>
    `dans la section ${quoted(heading)}, aucune liste ni aucun paragraphe n'a été rattaché à un rôle : tout son contenu est lu comme commun.`,
  roleWithoutContent: (role: string) => `le rôle ${quoted(role)} n'a aucun contenu propre dans l'article.`,
  abbreviationClash: (abbreviation: string, other: string) =>
    `l'abréviation ${quoted(abbreviation.toUpperCase())} désigne aussi un rôle de l'article ${quoted(other)} : le bot demandera de quel article il s'agit quand rien d'autre ne le dit.`,
} as const;

/** The nouns the checker counts with, singular and plural ("1 puce", "3 puces"). */
export const counted = {
  bullet: ['puce', 'puces'],
  cell: ['case', 'cases'],
  tickedCell: ['case cochée', 'cases cochées'],
  paragraph: ['paragraphe', 'paragraphes'],
  role: ['rôle', 'rôles'],
  section: ['section', 'sections'],
  servedArticle: ['article servi', 'articles servis'],
  doubt: ['doute', 'doutes'],
  skippedFile: ['fichier ignoré', 'fichiers ignorés'],
} as const;
