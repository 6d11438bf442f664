/**
 * How a word sounds, by the pack's spellings that sound alike (soundAlikeSpellings, « ph=f »): a misspelt word
 * written by ear (« foto », « abilleur », « actuere ») meets the known word it sounds like (« photo », « habilleur »,
 * « actuaire ») where an edit distance finds it too far.
 */
import type { LanguagePack } from './languagePack.js';

/** One rewrite: "^" anchors it at the word's start, "$" at its end. */
interface Spelling {
  from: string;
  to: string;
  at: 'start' | 'end' | 'anywhere';
}

function spellingOf(entry: string): Spelling {
  const [rawFrom = '', to = ''] = entry.split('=');
  if (rawFrom.startsWith('^')) return { from: rawFrom.slice(1), to, at: 'start' };
  if (rawFrom.endsWith('$')) return { from: rawFrom.slice(0, -1), to, at: 'end' };
  return { from: rawFrom, to, at: 'anywhere' };
}

/** The pack's sound key for folded words: its rewrites in order, then doubled letters written once. */
export function soundKeyOf(pack: LanguagePack): (word: string) => string {
  const spellings = pack.source('soundAlikeSpellings').map(spellingOf);
  return (word) => {
    let key = word;
    for (const { from, to, at } of spellings) {
      if (at === 'start') key = key.startsWith(from) ? to + key.slice(from.length) : key;
      else if (at === 'end') key = key.endsWith(from) && key.length > from.length ? key.slice(0, key.length - from.length) + to : key;
      else key = key.split(from).join(to);
    }
    return key.replace(/(\p{L})\1+/gu, '$1');
  };
}
