/** One answer of each kind, as the engine builds them: the data every renderer test runs over. */
import type { Answer, AnswerKind } from '../../src/answers/answer.js';

const why = { matched: [], section: null, roles: [], runnerUp: null, reason: 'exemple' };
const base = { article: 'differences', confidence: 0.9, why };
const digital = { roleId: 'chef-de-produit-digital', roleName: 'Chef de produit digital' };
const marketing = { roleId: 'chef-de-produit-marketing', roleName: 'Chef de produit marketing' };

/** Answers keyed by kind, with recognisable texts. */
export const sampleAnswers: { [K in AnswerKind]: Extract<Answer, { kind: K }> } = {
  list: {
    ...base,
    kind: 'list',
    section: 'les-competences-requises',
    roles: [digital.roleId],
    title: 'Les compétences requises — Chef de produit digital',
    intro: [],
    blocks: [
      {
        ...digital,
        header: 'Compétences du Chef de produit digital',
        items: [
          { text: 'Maîtrise des outils numériques', children: [{ text: 'Analytics', children: [] }] },
          { text: 'Méthodes agiles', children: [], highlight: true },
        ],
        prose: [],
      },
    ],
    suggestions: [{ title: 'Et pour le marketing ?', value: 'Et pour le Chef de produit marketing ?' }],
  },
  comparison: {
    ...base,
    kind: 'comparison',
    section: 'les-missions',
    roles: [digital.roleId, marketing.roleId],
    title: 'Les missions : Chef de produit digital et Chef de produit marketing',
    intro: ['Les deux rôles gèrent un produit.'],
    blocks: [
      { ...digital, items: [{ text: 'Piloter le site web', children: [] }], prose: [] },
      { ...marketing, items: [{ text: 'Étudier le marché', children: [] }], prose: ['Il travaille avec les ventes.'] },
    ],
    suggestions: [{ title: 'Les compétences', value: 'Comparer : Les compétences requises' }],
  },
  overview: {
    ...base,
    kind: 'overview',
    section: null,
    roles: [digital.roleId, marketing.roleId],
    title: 'Les différences entre les deux rôles',
    intro: ["Voici, section par section, ce qui distingue les deux rôles d'après l'article :"],
    rows: [
      {
        sectionId: 'les-missions',
        heading: 'Les missions',
        cells: [
          { ...digital, summary: 'Produits numériques' },
          { ...marketing, summary: 'Produits physiques et marque' },
        ],
      },
    ],
    conclusion: ['Deux métiers complémentaires.'],
    suggestions: [],
  },
  clarify: {
    ...base,
    kind: 'clarify',
    section: null,
    roles: [],
    message: 'Parlez-vous du Chef de produit digital ou du Chef de produit marketing ?',
    choices: [
      { title: 'Chef de produit digital', value: 'Chef de produit digital' },
      { title: 'Chef de produit marketing', value: 'Chef de produit marketing' },
    ],
    suggestions: [],
  },
  fallback: {
    ...base,
    article: null,
    kind: 'fallback',
    topic: 'salaire',
    closest: null,
    section: null,
    roles: [],
    message: "L'article ne traite pas de la rémunération.",
    suggestions: [{ title: 'Les missions', value: 'Quelles sont les missions du Chef de produit digital ?' }],
  },
  smalltalk: {
    ...base,
    article: null,
    kind: 'smalltalk',
    intent: 'greeting',
    section: null,
    roles: [],
    message: 'Bonjour ! Que voulez-vous savoir ?',
    suggestions: [{ title: 'Les différences', value: 'Quelle est la différence entre les deux ?' }],
  },
};
