import { describe, expect, it } from 'vitest';
import { PhraseSet } from '../../src/language/phraseSet.js';
import { words } from '../../src/text/normalize.js';

describe('PhraseSet', () => {
  const cues = new PhraseSet(['différence', 'qui les distingue', 'confondre']);
  const exact = new PhraseSet(['environ', 'y a-t-il', 'faut-il'], { exact: true });

  it('finds phrases stem by stem, longest first at each start', () => {
    expect(cues.find(words('Qu’est-ce qui les distingue ?'))).toEqual([[3, 6]]);
    expect(cues.find(words('les différences'))).toEqual([[1, 2]]);
  });

  it('matches word for word when exact: "environ" does not swallow "environnement"', () => {
    expect(exact.find(words('environnement de travail'))).toEqual([]);
    expect(exact.find(words('environ 3 ans'))).toEqual([[0, 1]]);
  });

  it('compares the entries it is told to word for word and the others stem by stem, in one set', () => {
    const mixed = new PhraseSet(['respectifs', 'différence', 'leurs rôles respectifs'], { exactWhen: (entry) => entry === 'respectifs' });
    expect(mixed.find(words('respecter les règles'))).toEqual([]);
    expect(mixed.find(words('missions respectifs'))).toEqual([[1, 2]]);
    expect(mixed.find(words('les différences'))).toEqual([[1, 2]]);
    expect(mixed.find(words('leurs rôles respectifs'))).toEqual([[0, 3], [2, 3]]);
  });

  it('tells the length of the phrase at a position and whether one ends at a position', () => {
    const tokens = words('Quelles compétences y a-t-il');
    expect(exact.matchAt(tokens, 2)).toBe(4);
    expect(exact.matchAt(tokens, 0)).toBe(0);
    expect(exact.endsAt(tokens, tokens.length)).toBe(true);
    expect(exact.endsAt(words('il faut'), 2)).toBe(false);
  });

  it('lists its folded words for the typo corrector', () => {
    expect(exact.words().sort()).toEqual(['a', 'environ', 'faut', 'il', 't', 'y']);
    expect(cues.hasWord('distingue')).toBe(true);
  });
});
