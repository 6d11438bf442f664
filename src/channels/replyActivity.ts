/**
 * A dialog reply → the activity sent on every channel. Article answers become an Adaptive Card with
 * 👍/👎 and suggested follow-ups; fallbacks a card with buttons; clarifications, smalltalk and
 * dialog messages plain text with suggested actions (which disappear once used).
 */
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import type { Answer } from '../answers/answer.js';
import type { Reply } from '../conversation/dialogRunner.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderAdaptiveCard, renderHandoffOffer, type FeedbackButtons } from '../render/adaptiveCard.js';
import { renderSuggestedActions } from '../render/suggestedActions.js';
import { renderText } from '../render/text.js';

/** Locale of everything the bot sends. */
export const BOT_LOCALE = 'fr-FR';

/** The labels of the feedback buttons (dialogs/conversation.yaml) and of the hand-off button (dialogs/handoff.yaml). */
export type FeedbackLabels = Omit<FeedbackButtons, 'answerId' | 'questionId' | 'question'> & { handoff?: string };

/** Answer kinds shown as a card rather than as text. */
const CARD_KINDS: ReadonlySet<Answer['kind']> = new Set(['list', 'comparison', 'overview', 'fallback']);

/**
 * An Activity with these fields, not validated here: the SDK's sendActivities validates every activity
 * it sends (Activity.fromObject), so validating here too would parse each card twice per turn.
 */
function outgoing(type: string, fields: Record<string, unknown>): Activity {
  return Object.assign(new Activity(type), fields);
}

/** The typing indicator sent while the answer is being prepared. */
export function typingActivity(): Activity {
  return outgoing(ActivityTypes.Typing, { locale: BOT_LOCALE });
}

/** Builds the outgoing activity for one reply of the dialog runner. */
export function replyActivity(reply: Reply, labels: FeedbackLabels): Activity {
  if (reply.kind === 'message') {
    if (reply.handoff && labels.handoff) {
      const card = renderHandoffOffer(reply.text, { label: labels.handoff, data: reply.handoff });
      return message({ attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] });
    }
    return message({ text: reply.text, suggestedActions: renderSuggestedActions(reply.suggestions) });
  }
  const { answer } = reply;
  if (!CARD_KINDS.has(answer.kind)) {
    const buttons = answer.kind === 'clarify' ? answer.choices : answer.suggestions;
    const text = answer.kind === 'clarify' || answer.kind === 'smalltalk' ? answer.message : renderText(answer);
    return message({ text, suggestedActions: renderSuggestedActions(buttons) });
  }
  const { handoff: handoffLabel, ...feedbackLabels } = labels;
  const feedback = reply.feedback ? { ...feedbackLabels, answerId: reply.answerId, questionId: reply.questionId, question: reply.question } : undefined;
  const handoff = reply.handoff && handoffLabel ? { label: handoffLabel, data: reply.handoff } : undefined;
  const card = renderAdaptiveCard(answer, { ...(feedback ? { feedback } : {}), ...(handoff ? { handoff } : {}) });
  return message({
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
    // A fallback's offers are buttons on its card; answers get follow-ups as suggested actions.
    suggestedActions: answer.kind === 'fallback' ? undefined : renderSuggestedActions(answer.suggestions),
  });
}

function message(fields: Record<string, unknown>): Activity {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return outgoing(ActivityTypes.Message, { locale: BOT_LOCALE, inputHint: 'acceptingInput', ...defined });
}
