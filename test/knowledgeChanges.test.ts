import { describe, expect, it } from 'vitest';
import { knowledgeChanges } from '../src/knowledgeChanges.js';

describe('knowledgeChanges', () => {
  it('lists the articles added, changed and removed by a reload, by id', () => {
    const before = [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B' },
      { id: 'c', title: 'C' },
    ];
    const after = [
      { id: 'a', title: 'A' },
      { id: 'c', title: 'C, revu' },
      { id: 'd', title: 'D' },
    ];
    expect(knowledgeChanges(before, after)).toEqual({ added: ['d'], changed: ['c'], removed: ['b'] });
  });

  it('lists nothing when the content is the same', () => {
    expect(knowledgeChanges([{ id: 'a' }], [{ id: 'a' }])).toEqual({ added: [], changed: [], removed: [] });
  });
});
