import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { emptyConversationState, readConversationState } from '../../src/conversation/conversationState.js';
import { cleanQuestion, DialogRunner, type AnswerReply, type TurnInput } from '../../src/conversation/dialogRunner.js';
import { realEngine, twoArticleKnowledge } from '../channels/support/botServer.js';

let engine: Engine;
let runner: DialogRunner;
beforeAll(async () => {
  engine = await realEngine();
  runner = new DialogRunner(engine);
});

const input = (fields: Partial<TurnInput>): TurnInput => ({ conversationId: 'c1', channelId: 'test', ...fields });
const onlyAnswer = (replies: unknown[]): AnswerReply => {
  expect(replies).toHaveLength(1);
  const [reply] = replies as AnswerReply[];
  expect(reply?.kind).toBe('answer');
  return reply!;
};

describe('DialogRunner', () => {
  it('welcomes once, with the engine’s welcome and its example questions', () => {
    const first = runner.welcome(emptyConversationState());
    const { message, suggestions } = engine.welcome();
    expect(first.replies).toEqual([{ kind: 'message', text: message, suggestions }]);
    expect(first.state.welcomed).toBe(true);
    expect(runner.welcome(first.state).replies).toEqual([]);
  });

  it('answers a typed question, remembers its ids and section for feedback and moves the follow-up context', () => {
    const { replies, state } = runner.turn(input({ text: 'Comparer les compétences requises', activityId: 'q-1' }), emptyConversationState());
    const reply = onlyAnswer(replies);
    expect(reply.feedback).toBe(true);
    expect(reply.questionId).toBe('q-1');
    expect(state.context.section).toBe(reply.answer.section);
    expect(state.recentAnswers).toEqual([
      {
        answerId: reply.answerId,
        questionId: 'q-1',
        kind: 'comparison',
        article: reply.answer.article,
        section: reply.answer.section,
        roles: reply.answer.roles,
        summary: reply.answer.kind === 'comparison' ? reply.answer.title : '',
      },
    ]);
  });

  it('keeps no question text in the conversation state (personal data)', () => {
    const question = 'Comparer les compétences requises, demande Mme Zébulonne';
    const { state } = runner.turn(input({ text: question, activityId: 'q-2' }), emptyConversationState());
    expect(JSON.stringify(state)).not.toContain('Zébulonne');
  });

  it('does not ask for feedback on smalltalk, and does not remember it', () => {
    const { replies, state } = runner.turn(input({ text: 'bonjour' }), emptyConversationState());
    expect(onlyAnswer(replies).feedback).toBe(false);
    expect(state.recentAnswers).toEqual([]);
  });

  it('remembers at most the last ten answers', () => {
    let state = emptyConversationState();
    for (let index = 0; index < 12; index += 1) {
      state = runner.turn(input({ text: 'Comparer les compétences requises', activityId: `q-${index}` }), state).state;
    }
    expect(state.recentAnswers.map((answered) => answered.questionId)).toEqual(
      Array.from({ length: 10 }, (_, index) => `q-${index + 2}`),
    );
  });

  it('reads a card button as the question it carries', () => {
    const typed = runner.turn(input({ text: 'Comparer les compétences requises' }), emptyConversationState());
    const clicked = runner.turn(input({ value: { action: 'ask', question: 'Comparer les compétences requises' } }), emptyConversationState());
    expect(onlyAnswer(clicked.replies).answer).toEqual(onlyAnswer(typed.replies).answer);
  });

  it('records a vote with the section it rates and thanks the user', () => {
    const asked = runner.turn(input({ text: 'Comparer les compétences requises', activityId: 'q-7' }), emptyConversationState());
    const { answerId } = onlyAnswer(asked.replies);
    const voted = runner.turn(input({ value: { action: 'feedback', vote: 'up', answerId, questionId: 'q-7' } }), asked.state);
    expect(voted.replies).toEqual([{ kind: 'message', text: engine.dialogs.conversation.feedback.thanksUp, suggestions: [] }]);
    expect(voted.feedback).toMatchObject({ vote: 'up', answerId, questionId: 'q-7', answerKind: 'comparison', section: 'les-competences-requises', conversationId: 'c1' });
    expect(voted.feedback).not.toHaveProperty('question');
    expect(voted.state).toBe(asked.state);
  });

  it('still records a vote on an answer too old to be remembered, without its section', () => {
    const voted = runner.turn(
      input({ value: { action: 'feedback', vote: 'down', answerId: 'old', questionId: 'q-old' } }),
      emptyConversationState(),
    );
    expect(voted.feedback).toMatchObject({ vote: 'down', answerId: 'old', answerKind: null, section: null });
    expect(voted.replies).toEqual([{ kind: 'message', text: engine.dialogs.conversation.feedback.thanksDown, suggestions: [] }]);
  });

  it.each([
    ['no text and no value (an attachment)', {}],
    ['a value that is not one of our buttons', { value: { foo: 'bar' } }],
    ['a malformed vote', { value: { action: 'feedback', vote: 'maybe', answerId: 'a', questionId: 'q' } }],
  ])('asks for a written question when the message has %s', (_label, fields) => {
    const { replies } = runner.turn(input(fields), emptyConversationState());
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ kind: 'message', text: expect.stringMatching(/questions écrites/) });
  });

  it('strips control characters from a question', () => {
    expect(cleanQuestion('  comp\u0007étences\u0000 requises \u001b ')).toBe('compétences requises');
    expect(cleanQuestion('ligne 1\nligne 2\tfin')).toBe('ligne 1\nligne 2\tfin');
  });

  it('asks which article is meant, then answers the original question with the chosen one', async () => {
    const twoArticles = new DialogRunner(await realEngine(twoArticleKnowledge()));
    const asked = twoArticles.turn(input({ text: 'Quelles sont les compétences requises ?' }), emptyConversationState());
    const clarify = onlyAnswer(asked.replies).answer;
    expect(clarify.kind).toBe('clarify');
    expect(asked.state.context.pendingQuestion).toBe('Quelles sont les compétences requises ?');
    const choice = clarify.kind === 'clarify' ? clarify.choices[0]! : { title: '', value: '' };
    const answered = twoArticles.turn(input({ text: choice.value }), asked.state);
    const answer = onlyAnswer(answered.replies).answer;
    expect(['list', 'comparison']).toContain(answer.kind);
    expect(answer.section).toBe('les-competences-requises');
    expect(answered.state.context.pendingQuestion ?? null).toBeNull();
  });
});

describe('readConversationState', () => {
  it('turns a new conversation’s empty record into an empty state', () => {
    expect(readConversationState({})).toEqual(emptyConversationState());
    expect(readConversationState(undefined)).toEqual(emptyConversationState());
  });

  it('keeps what is valid and resets what is not', () => {
    const state = readConversationState({
      eTag: '1',
      welcomed: true,
      context: { article: 'a', section: 's', roles: ['r'], pendingQuestion: 'q' },
      recentAnswers: 'garbage',
    });
    expect(state).toEqual({ welcomed: true, context: { article: 'a', section: 's', roles: ['r'], pendingQuestion: 'q' }, recentAnswers: [] });
    expect(readConversationState('garbage')).toEqual(emptyConversationState());
  });
});

describe('passing a question on to HR', () => {
  let runner: DialogRunner;
  beforeAll(async () => {
    runner = new DialogRunner(await realEngine());
  });

  it('offers it under a fallback, with the question, and accepts the click for that answer only', () => {
    const question = 'Combien de jours de congés ?';
    const asked = runner.turn(input({ text: question, activityId: 'q-9' }), emptyConversationState());
    const reply = onlyAnswer(asked.replies);
    expect(reply.handoff).toEqual({ action: 'handoff', answerId: reply.answerId, questionId: 'q-9', question });
    const clicked = runner.turn(input({ value: reply.handoff }), asked.state);
    expect(clicked.replies).toEqual([]);
    expect(clicked.handoff).toMatchObject({ answerId: reply.answerId, question, answered: { kind: 'fallback' } });
    const forged = runner.turn(input({ value: { ...reply.handoff, answerId: 'not-given-here' } }), asked.state);
    expect(forged.handoff).toBeUndefined();
    expect(forged.replies).toEqual([{ kind: 'message', text: runner['engine'].dialogs.handoff.unknown, suggestions: [] }]);
  });

  it('offers it after a 👎 on an answer of the conversation, and keeps that question for the insights', () => {
    const question = 'Comparer les compétences requises';
    const asked = runner.turn(input({ text: question, activityId: 'q-10' }), emptyConversationState());
    const { answerId } = onlyAnswer(asked.replies);
    const voted = runner.turn(input({ value: { action: 'feedback', vote: 'down', answerId, questionId: 'q-10', question } }), asked.state);
    expect(voted.downVotedQuestion).toBe(question);
    expect(voted.replies[0]).toMatchObject({ kind: 'message', handoff: { action: 'handoff', answerId, question } });
    expect(voted.feedback).not.toHaveProperty('question');
  });
});
