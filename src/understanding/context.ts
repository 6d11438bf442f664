/**
 * What the engine remembers between two questions of one conversation, so that
 * "Et côté marketing ?" or "Et ses diplômes ?" can be understood.
 * Plain JSON: it is stored as-is by the SDK's Storage (memory or Redis).
 */
export interface ConversationContext {
  article: string | null;
  section: string | null;
  roles: string[];
  /** Every role of this article answered about so far in the conversation: "les deux autres" are the ones not yet seen. */
  discussed?: string[];
  /** The question waiting for a clarification choice, answered once the user picks. */
  pendingQuestion?: string | null;
}

/** The context of a conversation that has not asked anything yet. */
export const emptyContext = (): ConversationContext => ({ article: null, section: null, roles: [] });

/** The roles discussed after an answer about `roles` of `article`: the earlier ones of the same article, then these. */
export function discussedAfter(previous: ConversationContext, article: string | null, roles: readonly string[]): string[] {
  const before = article === previous.article ? previous.discussed ?? previous.roles : [];
  // The most recent last: "compare les deux" takes the two the conversation was about last.
  return [...before.filter((id) => !roles.includes(id)), ...roles];
}
