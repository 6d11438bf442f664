/** The scorer of the evaluation: which answers meet a labelled expectation. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { engineFor, matches, otherNamesOf } from './evaluate.js';

describe('an answer from a section of what every role shares', () => {
  it('meets a list expected with the roles it is common to, or with none', async () => {
    const engine = await engineFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout131'));
    const names = otherNamesOf(engine);
    const got = { kind: 'list', article: 'asv-ou-veterinaire-praticien', section: 'points-communs', roles: [] };
    expect(matches({ kind: 'list', section: 'points-communs', roles: ['auxiliaire-specialise-veterinaire', 'veterinaire-praticien'] }, got, undefined, names)).toBe(true);
    expect(matches({ kind: 'list', section: 'points-communs', roles: [] }, got, undefined, names)).toBe(true);
  });

  it('meets a list expected with the role asked about when the section is one paragraph about every role', async () => {
    const engine = await engineFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout201'));
    const got = { kind: 'list', article: 'differences-costumier-habilleur-maquilleur', section: 'conditions-de-travail', roles: [] };
    expect(matches({ kind: 'list', section: 'conditions-de-travail', roles: ['habilleur'] }, got, undefined, otherNamesOf(engine))).toBe(true);
  });

  it('still needs the roles expected in a section where each role has its own part', async () => {
    const engine = await engineFor(resolve(PROJECT_ROOT, 'test/fixtures/holdout131'));
    const got = { kind: 'list', article: 'asv-ou-veterinaire-praticien', section: 'combien-peut-on-gagner', roles: [] };
    expect(matches({ kind: 'list', section: 'combien-peut-on-gagner', roles: ['veterinaire-praticien'] }, got, undefined, otherNamesOf(engine))).toBe(false);
  });
});
