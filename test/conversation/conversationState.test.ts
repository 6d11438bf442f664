/**
 * Reading a stored conversation state back: our own shape is checked by hand (no zod on each turn)
 * and must give exactly what the schemas give; anything else (older versions, foreign or garbage
 * values) still goes through the schemas and never throws.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyConversationState,
  readAnyState,
  readConversationState,
  readOwnState,
  type ConversationState,
} from '../../src/conversation/conversationState.js';
import { junkValue, Random } from '../support/fuzz.js';

/** States as this version writes them (then JSON, as every storage keeps them), with their eTag. */
const OWN_STATES: readonly Record<string, unknown>[] = [
  { ...emptyConversationState() },
  { context: { article: null, section: null, roles: [] }, welcomed: true, recentAnswers: [], eTag: '12' },
  {
    context: { article: 'chef-de-produit', section: 'competences', roles: ['digital'], discussed: ['digital', 'marketing'] },
    welcomed: true,
    recentAnswers: [
      { answerId: 'a-1', questionId: 'q-1', kind: 'list', article: 'chef-de-produit', section: 'competences', roles: ['digital'], summary: 'Compétences' },
      { answerId: 'a-2', questionId: 'q-2', kind: 'fallback', article: null, section: null, roles: [] },
    ],
    eTag: '3',
  },
  {
    context: { article: 'chef-de-produit', section: null, roles: ['digital', 'marketing'], pendingQuestion: 'Et les missions ?' },
    welcomed: false,
    recentAnswers: [],
  },
  { context: { article: 'a', section: 's', roles: ['r'], pendingQuestion: null }, welcomed: true, recentAnswers: [] },
].map((state) => JSON.parse(JSON.stringify(state)) as Record<string, unknown>);

/** One change that makes a state something else than our own shape (or still ours, for a few). */
const MUTATIONS: readonly ((state: Record<string, unknown>, random: Random) => void)[] = [
  (state) => delete state.context,
  (state) => delete state.welcomed,
  (state) => delete state.recentAnswers,
  (state, random) => (state.welcomed = junkValue(random, 1)),
  (state, random) => (state.context = junkValue(random, 2)),
  (state, random) => (state.recentAnswers = junkValue(random, 2)),
  (state) => (state.question = 'Quel est mon salaire ?'),
  (state, random) => ((state.context as Record<string, unknown>).article = junkValue(random, 1)),
  (state, random) => ((state.context as Record<string, unknown>).section = junkValue(random, 1)),
  (state, random) => ((state.context as Record<string, unknown>).roles = junkValue(random, 1)),
  (state) => ((state.context as Record<string, unknown>).roles = ['digital', 3]),
  (state, random) => ((state.context as Record<string, unknown>).discussed = junkValue(random, 1)),
  (state, random) => ((state.context as Record<string, unknown>).pendingQuestion = junkValue(random, 1)),
  (state) => ((state.context as Record<string, unknown>).extra = 'x'),
  (state, random) => (state.recentAnswers as unknown[]).push(junkValue(random, 2)),
  (state) => (state.recentAnswers as unknown[]).push({ answerId: 'a', questionId: 'q', kind: 'list', article: null, section: null, roles: [], question: 'texte' }),
  (state) => (state.recentAnswers as unknown[]).push({ answerId: 'a', questionId: 'q', kind: 'list', article: null, section: null, roles: [], summary: 'x'.repeat(1001) }),
  (state) => (state.recentAnswers as unknown[]).push({ answerId: 'a', questionId: 'q', kind: 'list', article: null, section: null, roles: [], summary: 'x'.repeat(1000) }),
  (state) => (state.recentAnswers as unknown[]).push({ answerId: 'a', questionId: 'q', kind: 'list', article: null, roles: [] }),
  (state) => (state.recentAnswers as unknown[]).push({ answerId: 7, questionId: 'q', kind: 'list', article: null, section: null, roles: [] }),
  (state) => (state.recentAnswers as unknown[]).push({ answerId: 'a', questionId: 'q', kind: 'list', article: null, section: null, roles: [null] }),
];

describe('reading a stored conversation state', () => {
  it('reads our own shape without the schemas, exactly as the schemas do', () => {
    for (const state of OWN_STATES) {
      const own = readOwnState(state);
      expect(own).not.toBeNull();
      expect(own).toStrictEqual(readAnyState(state));
      expect(readConversationState(state)).toStrictEqual(readAnyState(state));
      // The eTag is the storage's: it is not part of the state read.
      expect(own).not.toHaveProperty('eTag');
    }
  });

  it('returns copies: changing what was read leaves the stored record as it was', () => {
    const stored = OWN_STATES[2]!;
    const before = JSON.stringify(stored);
    const read = readConversationState(stored);
    read.context.roles.push('marketing');
    read.context.discussed!.pop();
    read.recentAnswers[0]!.roles.push('x');
    read.recentAnswers.pop();
    expect(JSON.stringify(stored)).toBe(before);
  });

  it('leaves anything else to the schemas, and 3,000 fuzzed states give what the schemas give, never an exception', () => {
    const random = new Random(20261127);
    let bySchemas = 0;
    for (let index = 0; index < 3_000; index += 1) {
      const state = JSON.parse(JSON.stringify(random.pick(OWN_STATES))) as Record<string, unknown>;
      for (let count = 1 + random.int(2); count > 0; count -= 1) {
        try {
          random.pick(MUTATIONS)(state, random);
        } catch {
          // A mutation that does not apply to what an earlier one left (e.g. context is now a number).
        }
      }
      let read: ConversationState | undefined;
      expect(() => (read = readConversationState(state)), `seed 20261127, state ${index}`).not.toThrow();
      expect(read, `seed 20261127, state ${index}: ${JSON.stringify(state).slice(0, 300)}`).toStrictEqual(readAnyState(state));
      if (readOwnState(state) === null) bySchemas += 1;
    }
    // Most mutations leave our shape: the schemas' path is exercised, not only the fast one.
    expect(bySchemas).toBeGreaterThan(1_500);
  });

  it.each([
    ['nothing stored yet', undefined],
    ['a new conversation', {}],
    ['null', null],
    ['a string', 'garbage'],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an old state with the question text', { context: { article: 'a', section: 's', roles: [] }, welcomed: true, recentAnswers: [], question: 'texte' }],
  ])('turns %s into a usable state through the schemas', (_label, stored) => {
    expect(readOwnState(stored)).toBeNull();
    expect(() => readConversationState(stored)).not.toThrow();
    expect(readConversationState(stored)).toStrictEqual(readAnyState(stored));
  });

  it('keeps what is valid and resets what is not, as before', () => {
    expect(readConversationState({})).toEqual(emptyConversationState());
    expect(readConversationState('garbage')).toEqual(emptyConversationState());
    expect(
      readConversationState({ eTag: '1', welcomed: true, context: { article: 'a', section: 's', roles: ['r'], pendingQuestion: 'q' }, recentAnswers: 'garbage' }),
    ).toEqual({ welcomed: true, context: { article: 'a', section: 's', roles: ['r'], pendingQuestion: 'q' }, recentAnswers: [] });
  });
});
