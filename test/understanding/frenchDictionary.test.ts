import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactFrenchWords, isFrenchWord, loadFrenchWords, SortedWordList } from '../../src/understanding/frenchDictionary.js';

describe('the French word list', () => {
  it('finds words by binary search over sorted lines, first, last and missing ones alike', () => {
    const list = SortedWordList.from(['pose', 'commencer', 'a-t-il', 'abat-jour', 'commencer', 'zygote']);
    expect(list.size).toBe(5);
    for (const word of ['a-t-il', 'abat-jour', 'commencer', 'pose', 'zygote']) expect(list.has(word)).toBe(true);
    for (const word of ['', 'a', 'commence', 'commencerait', 'posee', 'zz']) expect(list.has(word)).toBe(false);
  });

  it('knows real French words, folded, and not typos', () => {
    expect(isFrenchWord('commencer')).toBe(true);
    expect(isFrenchWord('developpeuse')).toBe(false);
    expect(isFrenchWord('competance')).toBe(false);
    expect(isFrenchWord('ecole')).toBe(true);
  });

  it('reads the compact file built from the installed package, one folded word a line', () => {
    const text = compactFrenchWords();
    const [header, ...lines] = text.split('\n');
    expect(header).toMatch(/^# an-array-of-french-words \d/);
    expect(lines.length).toBeGreaterThan(300_000);
    expect(lines.slice(0, -1).every((line, at) => at === 0 || lines[at - 1]! < line)).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'words-')), 'french-words.txt');
    writeFileSync(file, text);
    expect(loadFrenchWords(file).has('ecole')).toBe(true);
  });

  it('ignores a compact file written for another version of the package', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'words-')), 'french-words.txt');
    writeFileSync(file, '# an-array-of-french-words 0.0.1\nzzz\n');
    const list = loadFrenchWords(file);
    expect(list.has('zzz')).toBe(false);
    expect(list.has('ecole')).toBe(true);
  });
});
