import { describe, expect, it } from 'vitest';
import { discussedAfter, type ConversationContext } from '../../src/understanding/context.js';

describe('the roles a conversation has discussed', () => {
  const about = (article: string, roles: string[], discussed?: string[]): ConversationContext => ({ article, section: null, roles, ...(discussed ? { discussed } : {}) });

  it('keeps the most recent last, a role discussed again moving to the end', () => {
    expect(discussedAfter(about('a', ['docker', 'chef-de-bord']), 'a', ['docker'])).toEqual(['chef-de-bord', 'docker']);
    expect(discussedAfter(about('a', ['grutier'], ['docker', 'grutier']), 'a', ['pointeur'])).toEqual(['docker', 'grutier', 'pointeur']);
  });

  it('starts again in another article', () => {
    expect(discussedAfter(about('a', ['docker'], ['docker', 'grutier']), 'b', ['assistant-rh'])).toEqual(['assistant-rh']);
  });
});
