/**
 * Suggested follow-up questions → the buttons shown under the last message (Teams personal chat, Web Chat).
 *
 * Built by hand rather than with `MessageFactory.suggestedActions(['…'])`: in Agents SDK 1.8.1 that
 * helper makes buttons Web Chat ignores. `to: []` is required by the SDK's activity schema.
 * Plain objects that match the SDK's `SuggestedActions` shape: no SDK import outside src/channels.
 */
import type { Suggestion } from '../answers/answer.js';

/** A button that sends its `value` back as if the user had typed it. */
export interface ImBackAction {
  type: 'imBack';
  title: string;
  value: string;
}

/** The `suggestedActions` field of an outgoing activity. */
export interface SuggestedActionsField {
  to: string[];
  actions: ImBackAction[];
}

/** Teams shows at most six suggested actions; more would be cut by the client anyway. */
export const MAX_SUGGESTED_ACTIONS = 6;

/**
 * French typography for a button that wraps: a no-break space before ? ! : ; » and after «, so a
 * wrapped label never starts a line with a lone "?".
 */
export function keepPunctuationAttached(label: string): string {
  return label.replace(/ +([?!:;»])/g, '\u00a0$1').replace(/« +/g, '«\u00a0');
}

/** Suggestions → imBack buttons (duplicates and empty ones dropped); undefined when there is none. */
export function renderSuggestedActions(suggestions: readonly Suggestion[]): SuggestedActionsField | undefined {
  const seen = new Set<string>();
  const actions: ImBackAction[] = [];
  for (const { title, value } of suggestions) {
    const label = title.trim();
    const question = value.trim();
    if (!label || !question || seen.has(question)) continue;
    seen.add(question);
    // The title wraps on a narrow screen (the page lets it); the value is sent as the user would type it.
    actions.push({ type: 'imBack', title: keepPunctuationAttached(label), value: question });
    if (actions.length === MAX_SUGGESTED_ACTIONS) break;
  }
  return actions.length > 0 ? { to: [], actions } : undefined;
}
