import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFeedbackStore, FileFeedbackStore, MemoryFeedbackStore, type FeedbackEntry } from '../../src/conversation/feedbackStore.js';

const vote = (answerId: string): FeedbackEntry => ({
  at: '2025-01-01T00:00:00.000Z',
  vote: 'up',
  answerId,
  questionId: `q-${answerId}`,
  answerKind: 'comparison',
  article: 'differences',
  section: 'les-competences-requises',
  roles: [],
  conversationId: 'c1',
  channelId: 'webchat',
});

describe('feedback stores', () => {
  it('keep the last votes in memory, oldest dropped first', async () => {
    const store = new MemoryFeedbackStore(2);
    for (const id of ['a', 'b', 'c']) await store.record(vote(id));
    expect(store.entries.map((entry) => entry.answerId)).toEqual(['b', 'c']);
  });

  it('append one JSON line per vote to a file, creating its folder', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'feedback-')), 'sub', 'feedback.jsonl');
    const store = createFeedbackStore(file);
    expect(store).toBeInstanceOf(FileFeedbackStore);
    await Promise.all(['a', 'b', 'c'].map((id) => store.record(vote(id))));
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as FeedbackEntry);
    expect(lines.map((entry) => entry.answerId)).toEqual(['a', 'b', 'c']);
    expect(lines[0]).toEqual(vote('a'));
  });

  it('default to memory when no file is configured', () => {
    expect(createFeedbackStore(undefined)).toBeInstanceOf(MemoryFeedbackStore);
  });
});
