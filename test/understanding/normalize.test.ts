import { describe, expect, it } from 'vitest';
import { fold, sanitize, slugify, stem, words } from '../../src/understanding/normalize.js';

describe('normalize', () => {
  it('folds case, accents, apostrophes and ligatures', () => {
    expect(fold('Compétences du Chef’s ŒUVRE')).toBe("competences du chef's oeuvre");
  });

  it('drops elisions and splits on punctuation', () => {
    expect(words("L’analyse d'un CPD : qu'est-ce ?")).toEqual(['analyse', 'un', 'cpd', 'est', 'ce']);
  });

  it('removes control characters and lone surrogates', () => {
    expect(sanitize('a\u0000b\uD800c\u200Bd')).toBe('abcd');
  });

  it('stems plural and feminine forms alike', () => {
    expect(stem('responsabilites')).toBe(stem('responsabilite'));
    expect(stem('digitale')).toBe(stem('digital'));
  });

  it('slugs headings into ids', () => {
    expect(slugify('Objectifs et indicateurs de succès')).toBe('objectifs-et-indicateurs-de-succes');
    expect(slugify('  Définition des rôles ')).toBe('definition-des-roles');
  });
});
