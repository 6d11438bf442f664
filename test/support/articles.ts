/** Small articles several test files read, each in one house style. */

/** "## Compétences attendues" split into two themes, each with the roles' own parts: `####` headings, then bold labels. */
export const THEMED_SECTION_ARTICLE = [
  '# Boucher ou charcutier : quelles différences ?',
  '',
  '## Compétences attendues',
  '',
  '### Savoir-faire',
  '',
  '#### Le boucher',
  '- Désosser une carcasse',
  '#### Le charcutier',
  '- Réussir une terrine',
  '',
  '### Savoir-être',
  '',
  '**Boucher :**',
  '- Sens du contact',
  '',
  '**Charcutier :**',
  '- Patience',
].join('\n');
