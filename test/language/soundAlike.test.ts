import { describe, expect, it } from 'vitest';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { soundKeyOf } from '../../src/language/soundAlike.js';
import { DEFAULT_LANGUAGE_PACK } from '../../src/projectRoot.js';

const soundKey = soundKeyOf(loadLanguagePack(DEFAULT_LANGUAGE_PACK));

describe('how a word sounds (soundAlikeSpellings)', () => {
  it.each([
    ['foto', 'photo', 'ph sounds like f'],
    ['abilleur', 'habilleur', 'an h at the start is silent'],
    ['actuere', 'actuaire', 'ai sounds like e, and a final e is silent'],
    ['boutik', 'boutique', 'qu sounds like k'],
    ['chak', 'chaque', 'qu and a final e'],
    ['portuere', 'portuaires', 'a final s is silent too'],
  ])('%s sounds like %s (%s)', (typed, known) => {
    expect(soundKey(typed)).toBe(soundKey(known));
  });

  it('keeps apart words that sound different', () => {
    expect(soundKey('cote')).not.toBe(soundKey('chef'));
    expect(soundKey('photo')).not.toBe(soundKey('poste'));
  });

  it('applies an anchored spelling only at its end of the word', () => {
    expect(soundKey('hache')).toBe('ach');
    expect(soundKey('tes')).toBe('t');
  });
});
