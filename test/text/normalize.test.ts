import { describe, expect, it } from 'vitest';
import { fold, sanitize, slugify, stem, words } from '../../src/text/normalize.js';

describe('normalize', () => {
  it('folds case, accents, apostrophes and ligatures', () => {
    expect(fold('Compétences du Chef’s ŒUVRE')).toBe("competences du chef's oeuvre");
  });

  it('splits elisions off and splits on punctuation', () => {
    expect(words("L’analyse d'un CPD : qu'est-ce ?")).toEqual(['l', 'analyse', 'd', 'un', 'cpd', 'qu', 'est', 'ce']);
  });

  it('reads grouped digits as one number', () => {
    expect(words('1 900 à 2 400 €')).toEqual(['1900', 'a', '2400', '€']);
  });

  it('splits a level typed against its word ("ssiap1" is "ssiap 1"), not a code like "b2b"', () => {
    expect(words('jpeux etre ssiap1 ?')).toEqual(['jpeux', 'etre', 'ssiap', '1']);
    expect(words('le B2B et le bac+5')).toEqual(['le', 'b2b', 'et', 'le', 'bac+5']);
  });

  it('removes control characters and lone surrogates', () => {
    expect(sanitize('a\u0000b\uD800c\u200Bd')).toBe('abcd');
  });

  it('stems plural and feminine forms alike, accents or not', () => {
    expect(stem('responsabilites')).toBe(stem('responsabilite'));
    expect(stem('digitale')).toBe(stem('digital'));
    expect(stem('infirmieres')).toBe(stem('infirmier'));
    expect(stem('directrice')).toBe(stem('directeur'));
  });

  it('stems every form of a verb of the "venir" and "tenir" families alike, and not the nouns that end like them', () => {
    expect(new Set(['intervient', 'interviennent', 'intervenir', 'intervenant'].map(stem)).size).toBe(1);
    expect(stem('obtient')).toBe(stem('obtenir'));
    expect(stem('patient')).not.toBe(stem('pat' + 'enir'));
    expect(stem('retenus')).not.toBe(stem('retenir'));
  });

  it('slugs headings into ids', () => {
    expect(slugify('Objectifs et indicateurs de succès')).toBe('objectifs-et-indicateurs-de-succes');
    expect(slugify('  Définition des rôles ')).toBe('definition-des-roles');
  });
});

describe('words in inclusive writing', () => {
  it('reads "technicien·ne" and "chargé(e)" as one word each, in the masculine', () => {
    expect(words('Le/la technicien·ne et le chargé(e)')).toEqual(['le', 'technicien', 'et', 'le', 'charge']);
  });
});

