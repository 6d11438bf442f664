import { describe, expect, it } from 'vitest';
import { keepPunctuationAttached, MAX_SUGGESTED_ACTIONS, renderSuggestedActions } from '../../src/render/suggestedActions.js';

describe('renderSuggestedActions', () => {
  it('makes imBack card actions with an empty `to`, the shape Web Chat renders and the SDK schema accepts', () => {
    expect(renderSuggestedActions([{ title: 'Et pour le marketing ?', value: 'Et pour le Chef de produit marketing ?' }])).toEqual({
      to: [],
      actions: [{ type: 'imBack', title: 'Et pour le marketing\u00a0?', value: 'Et pour le Chef de produit marketing ?' }],
    });
  });

  it('keeps French double punctuation with its word when a label wraps, and sends the question as typed', () => {
    expect(keepPunctuationAttached('Comparer : les « missions » ?')).toBe('Comparer\u00a0: les «\u00a0missions\u00a0» ?'.replace(' ?', '\u00a0?'));
    const [action] = renderSuggestedActions([{ title: 'Quelle est la différence ?', value: 'Quelle est la différence ?' }])?.actions ?? [];
    expect(action?.title).toBe('Quelle est la différence\u00a0?');
    expect(action?.value).toBe('Quelle est la différence ?');
  });

  it('returns undefined when there is nothing to suggest', () => {
    expect(renderSuggestedActions([])).toBeUndefined();
  });

  it('drops duplicates and blank suggestions, and keeps at most six', () => {
    const suggestions = [
      { title: 'A', value: 'question a' },
      { title: 'A bis', value: 'question a' },
      { title: ' ', value: 'question b' },
      ...Array.from({ length: 10 }, (_, index) => ({ title: `Q${index}`, value: `question ${index}` })),
    ];
    const actions = renderSuggestedActions(suggestions)?.actions ?? [];
    expect(actions).toHaveLength(MAX_SUGGESTED_ACTIONS);
    expect(actions.map((action) => action.value)).toEqual(['question a', 'question 0', 'question 1', 'question 2', 'question 3', 'question 4']);
  });
});
