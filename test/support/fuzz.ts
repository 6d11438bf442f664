/**
 * Deterministic fuzzing helpers: a seeded PRNG (the same seed gives the same inputs on every run,
 * so a failure can be replayed), French strings random or mutated from real questions, and junk
 * JSON values and activities.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/projectRoot.js';

/** mulberry32: a small, fast 32-bit PRNG; good enough to spread test inputs, not for secrets. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

/** Every question of the labelled evaluation sets (test/eval/tuning/*.yaml: the holdouts stay unread until measured), typed as users typed them. */
export function realQuestions(): string[] {
  const folder = join(PROJECT_ROOT, 'test/eval/tuning');
  const found = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'q' && typeof value === 'string') found.add(value);
        else collect(value);
      }
    }
  };
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort()) {
    collect(parse(readFileSync(join(folder, file), 'utf8')));
  }
  return [...found];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ';
const PUNCTUATION = ' ?!.,;:\'’"«»-–—()[]{}/\\@#%&*+=<>|~^`_$€';
const EMOJI = ['😀', '👍', '👎', '🚀', '🇫🇷', '👩‍💻', '❤️', '🤔', '\u{1F9D1}\u{200D}\u{1F4BC}'];
/** C0/C1 controls, bidi and zero-width marks, BOM: what copy-paste and malicious input bring. */
const INVISIBLES = ['\u0000', '\u0007', '\u0008', '\u001b', '\u007f', '\u0085', '\u009b', '\u200b', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\u00ad'];
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '**gras** _italique_ [lien](javascript:alert(1))',
  '${7*7}{{7*7}}',
  "'; DROP TABLE questions; --",
  '../../etc/passwd',
  '&lt;b&gt;&#x3C;',
  '\\u0000\\n',
];
const OTHER_SCRIPTS = ['مرحبا', 'שלום', 'Привет', '你好', 'こんにちは', 'Ἑλλάς', 'ﬁ ﬂ', 'Ａｂｃ', '½ ² ℃'];

/** A random string of French letters, punctuation, digits and the odd emoji. */
export function randomText(random: Random, maxLength = 120): string {
  const length = random.int(maxLength + 1);
  let text = '';
  for (let index = 0; index < length; index += 1) {
    const roll = random.next();
    if (roll < 0.7) text += random.pick([...LETTERS]);
    else if (roll < 0.85) text += ' ';
    else if (roll < 0.93) text += random.pick([...PUNCTUATION]);
    else if (roll < 0.97) text += String(random.int(10));
    else text += random.pick(EMOJI);
  }
  return random.chance(0.2) ? text.toUpperCase() : text;
}

/** The named mutations applied to real questions. */
export const MUTATIONS: Record<string, (random: Random, text: string) => string> = {
  swapLetters(random, text) {
    if (text.length < 2) return text;
    const at = random.int(text.length - 1);
    return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  },
  dropLetter: (random, text) => {
    const at = random.int(text.length);
    return text.slice(0, at) + text.slice(at + 1);
  },
  duplicateLetter: (random, text) => {
    const at = random.int(text.length);
    return text.slice(0, at) + text.slice(at, at + 1).repeat(2 + random.int(5)) + text.slice(at + 1);
  },
  insertEmoji: (random, text) => insert(random, text, random.pick(EMOJI)),
  insertInvisible: (random, text) => insert(random, text, random.pick(INVISIBLES)),
  insertLoneSurrogate: (random, text) => insert(random, text, random.pick(LONE_SURROGATES)),
  insertMarkup: (random, text) => insert(random, text, random.pick(MARKUP)),
  insertOtherScript: (random, text) => insert(random, text, random.pick(OTHER_SCRIPTS)),
  rightToLeft: (_random, text) => `\u202e${text}\u202c`,
  stripAccents: (_random, text) => text.normalize('NFD').replace(/\p{M}/gu, ''),
  decomposeAccents: (_random, text) => text.normalize('NFD'),
  shout: (_random, text) => text.toUpperCase(),
  noSpaces: (_random, text) => text.replace(/\s+/g, ''),
  manySpaces: (random, text) => text.replace(/\s/g, () => ' '.repeat(1 + random.int(30))),
  newlines: (_random, text) => text.replace(/\s/g, '\r\n\t'),
  repeatWord: (random, text) => {
    const words = text.split(' ');
    const at = random.int(words.length);
    return [...words.slice(0, at), ...Array(2 + random.int(20)).fill(words[at]), ...words.slice(at + 1)].join(' ');
  },
  shuffleWords: (random, text) => {
    const words = text.split(' ');
    for (let index = words.length - 1; index > 0; index -= 1) {
      const other = random.int(index + 1);
      [words[index], words[other]] = [words[other]!, words[index]!];
    }
    return words.join(' ');
  },
  truncate: (random, text) => text.slice(0, random.int(text.length + 1)),
  /** Near the 2,000-character limit, on both sides of it. */
  nearLimit: (random, text) => (text + ' ').repeat(Math.ceil(2_100 / (text.length + 1))).slice(0, 1_900 + random.int(200)),
  // Capped: two or three of these in a row would otherwise grow a question past the heap (100 chars × 500 × 500…).
  veryLong: (random, text) => (text + ' ').repeat(200 + random.int(300)).slice(0, VERY_LONG_MAX),
  onlyPunctuation: (random) => Array.from({ length: 1 + random.int(40) }, () => random.pick([...PUNCTUATION])).join(''),
};

/** The longest fuzzed question: far past the engine's 2,000-character limit, well within memory. */
const VERY_LONG_MAX = 200_000;

function insert(random: Random, text: string, piece: string): string {
  const at = random.int(text.length + 1);
  return text.slice(0, at) + piece + text.slice(at);
}

/** A real question with one to three mutations; returns the mutation names too (to replay). */
export function mutatedQuestion(random: Random, questions: readonly string[]): { text: string; mutations: string[] } {
  let text = random.pick(questions);
  const names = Object.keys(MUTATIONS);
  const mutations: string[] = [];
  for (let count = 1 + random.int(3); count > 0; count -= 1) {
    const name = random.pick(names);
    mutations.push(name);
    text = MUTATIONS[name]!(random, text);
  }
  return { text, mutations };
}

/** Any JSON value, nested up to `depth`: what a buggy or hostile client may post. */
export function junkValue(random: Random, depth = 3): unknown {
  const roll = random.int(depth > 0 ? 11 : 8);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 42]);
    case 3:
      return randomText(random, 30);
    case 4:
      return random.pick(['', ' ', 'message', 'null', 'undefined', '__proto__', 'constructor', 'toString']);
    case 5:
      return 'x'.repeat(random.int(50_000));
    case 6:
      return random.pick(MARKUP);
    case 7:
      return random.pick(INVISIBLES) + random.pick(LONE_SURROGATES);
    case 8:
      return Array.from({ length: random.int(5) }, () => junkValue(random, depth - 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let count = random.int(5); count > 0; count -= 1) {
        object[random.pick(['type', 'text', 'id', 'value', 'from', 'conversation', 'channelData', '__proto__', 'constructor', randomText(random, 10)])] =
          junkValue(random, depth - 1);
      }
      return object;
    }
  }
}

const ACTIVITY_TYPES = [
  'message',
  'conversationUpdate',
  'typing',
  'event',
  'invoke',
  'messageReaction',
  'endOfConversation',
  'installationUpdate',
  'trace',
  'handoff',
  'somethingNew',
  '',
  'MESSAGE',
];

/**
 * A random activity body: starts from a plausible activity for the endpoint, then drops fields,
 * gives them wrong types or junk, or replaces the whole body.
 */
export function randomActivity(random: Random, valid: () => Record<string, unknown>): unknown {
  if (random.chance(0.1)) return junkValue(random);
  const body: Record<string, unknown> = valid();
  body.type = random.chance(0.7) ? random.pick(ACTIVITY_TYPES) : junkValue(random, 1);
  if (random.chance(0.6)) body.text = random.chance(0.6) ? randomText(random, 300) : junkValue(random, 2);
  if (random.chance(0.2)) body.value = random.chance(0.5) ? { action: 'ask', question: junkValue(random, 1) } : junkValue(random, 2);
  for (const field of Object.keys(body)) {
    if (random.chance(0.08)) delete body[field];
    else if (random.chance(0.06)) body[field] = junkValue(random, 2);
  }
  if (random.chance(0.1)) body.attachments = junkValue(random, 2);
  if (random.chance(0.1)) body.entities = junkValue(random, 2);
  if (random.chance(0.1)) body.membersAdded = junkValue(random, 2);
  return body;
}
