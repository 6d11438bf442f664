/**
 * What a knowledge reload changed, for the log line an operator reads after an HR writer's edit:
 * the ids of the articles added, changed (their parsed content differs) and removed.
 */

/** The message of the log line written after each reload, with the three lists. */
export const KNOWLEDGE_CHANGES_MESSAGE = 'knowledge reload: articles added, changed, removed';

/** Article ids by change, each list sorted. */
export interface KnowledgeChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Compares two loads of the knowledge folder; articles are matched by id, compared by content. */
export function knowledgeChanges(before: readonly { id: string }[], after: readonly { id: string }[]): KnowledgeChanges {
  const previous = new Map(before.map((article) => [article.id, JSON.stringify(article)]));
  const next = new Map(after.map((article) => [article.id, JSON.stringify(article)]));
  const sorted = (ids: Iterable<string>) => [...ids].sort();
  return {
    added: sorted([...next.keys()].filter((id) => !previous.has(id))),
    changed: sorted([...next].filter(([id, content]) => previous.has(id) && previous.get(id) !== content).map(([id]) => id)),
    removed: sorted([...previous.keys()].filter((id) => !next.has(id))),
  };
}
