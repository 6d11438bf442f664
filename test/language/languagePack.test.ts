import { describe, expect, it } from 'vitest';
import { compileLanguagePack, loadLanguagePack, WORD_CLASSES, type WordClass } from '../../src/language/languagePack.js';
import { DEFAULT_LANGUAGE_PACK } from '../../src/projectRoot.js';
import { KnowledgeFileError } from '../../src/errors.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the French language pack', () => {
  const pack = loadLanguagePack(DEFAULT_LANGUAGE_PACK);

  it('defines every word class the code refers to', () => {
    for (const name of WORD_CLASSES) expect(pack.entries(name).phrases.length).toBeGreaterThan(0);
  });

  it('folds entries like text, so an elided article meets its folded form', () => {
    expect(pack.has('determiners', 'l')).toBe(true);
    expect(pack.has('determiners', 'd')).toBe(true);
  });

  it('finds the longest phrase of a class at a position', () => {
    expect(pack.prefixLength('labelOpeners', ['du', 'cote', 'du', 'chef'])).toBe(2);
    expect(pack.prefixLength('labelOpeners', ['chef', 'de', 'projet'])).toBe(0);
    expect(pack.prefixLength('noiseLines', ['a', 'lire', 'aussi', 'les', 'metiers'])).toBe(3);
  });

  it('counts « je (ne) vois pas bien » among the words that ask nothing (fillers)', () => {
    expect(pack.occursIn('fillers', ['je', 'vois', 'pas', 'bien', 'ce', 'qui', 'les', 'distingue'])).toBe(true);
    expect(pack.occursIn('fillers', ['je', 'ne', 'vois', 'pas'])).toBe(true);
  });

  it('finds the entries of a class anywhere in a question, word for word', () => {
    expect(pack.occursIn('requestPhrases', ['est', 'ce', 'que', 'tu', 'peux', 'me', 'dire'])).toBe(true);
    expect(pack.phrases('closedQuestionStarts').matchAt(['y', 'a', 't', 'il', 'des'], 0)).toBe(4);
    expect(pack.source('coordinators')).toContain('v/s');
  });

  it('stops with file:line when a class is missing or unknown', () => {
    const directory = mkdtempSync(join(tmpdir(), 'pack-'));
    const file = join(directory, 'fr.yaml');
    writeFileSync(file, 'determiners: [le]\nunknownClass: [x]\n');
    expect(() => loadLanguagePack(file)).toThrow(KnowledgeFileError);
  });

  it('compiles a pack file once while its text is unchanged, and again after an edit', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pack-once-')), 'fr.yaml');
    const text = readFileSync(DEFAULT_LANGUAGE_PACK, 'utf8');
    writeFileSync(file, text);
    const first = loadLanguagePack(file);
    expect(loadLanguagePack(file)).toBe(first);
    writeFileSync(file, text.replace('coordinators: [', 'coordinators: [plus, '));
    const edited = loadLanguagePack(file);
    expect(edited).not.toBe(first);
    expect(edited.has('coordinators', 'plus')).toBe(true);
  });

  it('compiles from data alone', () => {
    const data = Object.fromEntries(WORD_CLASSES.map((name) => [name, ['x']])) as Record<WordClass, string[]>;
    expect(compileLanguagePack({ ...data, coordinators: ['et', 'ou'] }).has('coordinators', 'ou')).toBe(true);
  });
});
