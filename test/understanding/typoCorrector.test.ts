import { describe, expect, it } from 'vitest';
import { editDistance, TypoCorrector } from '../../src/understanding/typoCorrector.js';
import { loadLanguagePack } from '../../src/language/languagePack.js';
import { soundKeyOf } from '../../src/language/soundAlike.js';
import { DEFAULT_LANGUAGE_PACK } from '../../src/projectRoot.js';

const corrector = new TypoCorrector(['competence', 'produit', 'marketing', 'responsabilite', 'mission', 'cision', 'confondre', 'confond'], ['le', 'de']);

describe('TypoCorrector', () => {
  it.each([
    ['competance', 'competence'],
    ['prodiut', 'produit'],
    ['marketting', 'marketing'],
    ['responsabilte', 'responsabilite'],
    ['mision', 'mission'],
  ])('corrects %s to %s', (typo, word) => {
    expect(corrector.correct(typo)).toBe(word);
  });

  it('leaves known words, short words and far words alone', () => {
    expect(corrector.correct('produit')).toBeNull();
    expect(corrector.correct('pro')).toBeNull();
    expect(corrector.correct('confie')).toBeNull();
    expect(corrector.correct('ment')).toBeNull();
  });

  it('finds the one known word a word typed by ear sounds like, too far in letters (soundAlikeSpellings)', () => {
    const soundKey = soundKeyOf(loadLanguagePack(DEFAULT_LANGUAGE_PACK));
    const byEar = new TypoCorrector(['photo', 'photos', 'habilleur', 'actuaire', 'boutique', 'habilitations'], [], (word) => word === 'cote', new Set(), new Set(), soundKey);
    expect(byEar.correct('foto')).toBe('photo');
    expect(byEar.correct('abilleur')).toBe('habilleur');
    expect(byEar.correct('actuere')).toBe('actuaire');
    expect(byEar.correct('boutik')).toBe('boutique');
    expect(byEar.correct('abilitations')).toBe('habilitations');
    // A real word is another word, and without the pack's spellings nothing sounds alike.
    expect(new TypoCorrector(['cotte'], [], (word) => word === 'cote', new Set(), new Set(), soundKey).correct('cote')).toBeNull();
    expect(new TypoCorrector(['photo'], []).correct('foto')).toBeNull();
  });

  it('never turns a noun for a person into a noun for what is done (« terminologue » is no typo of « terminologie »)', () => {
    const translation = new TypoCorrector(['terminologie', 'traducteur', 'analyste'], []);
    expect(translation.correct('terminologue')).toBeNull();
    expect(translation.correct('traducteru')).toBe('traducteur');
    expect(translation.correct('analiste')).toBe('analyste');
  });

  it('splits an elided article glued to a known word off it (morphology)', () => {
    expect(new TypoCorrector(['entreprise', 'affaires'], []).correct('lentreprise')).toBe('entreprise');
    expect(new TypoCorrector(['entreprise', 'affaires'], []).correct('daffaires')).toBe('affaires');
  });

  it('leaves a real word that starts like an elided article glued to a known word whole ("sentier" is no "s\'entier")', () => {
    const isRealWord = (word: string) => word === 'sentier';
    expect(new TypoCorrector(['entier'], [], isRealWord).correct('sentier')).toBeNull();
    expect(new TypoCorrector(['entier'], [], isRealWord).correct('lentier')).toBe('entier');
  });

  it('corrects the word an elided article is glued to when it is misspelt too ("doficine")', () => {
    expect(new TypoCorrector(['officine', 'pharmacien'], []).correct('doficine')).toBe('officine');
  });

  it('corrects a four-letter slip only towards a word of a role name or heading, a plural one typed in the singular too ("stok" → "stocks")', () => {
    const salient = new TypoCorrector(['stocks', 'gestionnaire', 'stage'], [], () => false, new Set(), new Set(['stocks', 'gestionnaire']));
    expect(salient.correct('stok')).toBe('stocks');
    expect(salient.correct('stge')).toBeNull();
  });

  it('measures swaps of neighbouring letters as one edit', () => {
    expect(editDistance('prodiut', 'produit')).toBe(1);
    expect(editDistance('confie', 'confond')).toBe(3);
  });
});
