/**
 * A ticket as an Adaptive Card for the HR team's channel in Teams: the question, what the bot
 * answered, who asked and when; a text input with "Répondre" and "Clore" while it is open; once
 * answered, "Répondu par …" in place of the input.
 */
import type { TicketSubmit } from '../render/submitData.js';
import { ADAPTIVE_CARD_VERSION, type AdaptiveCard, type CardElement } from './adaptiveCard.js';

/** What the card shows of a ticket. */
export interface TicketCardView {
  id: string;
  status: 'open' | 'answered' | 'closed';
  userName: string | null;
  question: string;
  botAnswer: string;
  channel: string;
  createdAt: string;
  reply: string | null;
  repliedBy: string | null;
}

/** The card's sentences (dialogs/handoff.yaml, `card`). */
export interface TicketCardLabels {
  title: string;
  question: string;
  botAnswer: string;
  channel: string;
  receivedAt: string;
  replyPlaceholder: string;
  replyButton: string;
  closeButton: string;
  answeredBy: string;
  closed: string;
  anonymous: string;
}

/** Channel ids as HR people name them. */
const CHANNEL_NAMES: Readonly<Record<string, string>> = Object.freeze({ msteams: 'Teams', webchat: 'Page web', emulator: 'Émulateur' });

/** Dates as a French reader expects them, in the company's time zone. */
const DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** The id of the card's text input: its value arrives as `reply` in the submitted data. */
export const REPLY_INPUT_ID = 'reply';

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Renders a ticket card in its current state. */
export function renderTicketCard(ticket: TicketCardView, labels: TicketCardLabels): AdaptiveCard {
  const title = fill(labels.title, { name: ticket.userName ?? labels.anonymous });
  const body: CardElement[] = [
    { type: 'TextBlock', text: title, wrap: true, size: 'Medium', weight: 'Bolder', style: 'heading' },
    {
      type: 'FactSet',
      facts: [
        { title: labels.question, value: ticket.question },
        { title: labels.botAnswer, value: ticket.botAnswer },
        { title: labels.channel, value: CHANNEL_NAMES[ticket.channel] ?? ticket.channel },
        { title: labels.receivedAt, value: DATE_FORMAT.format(new Date(ticket.createdAt)) },
      ],
    },
  ];
  const actions: CardElement[] = [];
  const submit = (action: TicketSubmit['action'], title: string): CardElement => ({
    type: 'Action.Submit',
    title,
    data: { action, ticketId: ticket.id } satisfies TicketSubmit,
  });
  if (ticket.status === 'answered' && ticket.reply) {
    body.push({ type: 'TextBlock', text: fill(labels.answeredBy, { responder: ticket.repliedBy ?? '', reply: ticket.reply }), wrap: true, separator: true, weight: 'Bolder' });
  } else if (ticket.status === 'closed') {
    body.push({ type: 'TextBlock', text: labels.closed, wrap: true, separator: true, isSubtle: true });
  }
  if (ticket.status === 'open') {
    body.push({ type: 'Input.Text', id: REPLY_INPUT_ID, isMultiline: true, placeholder: labels.replyPlaceholder, maxLength: 4000 });
    actions.push(submit('ticketReply', labels.replyButton), submit('ticketClose', labels.closeButton));
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: `${title} — ${ticket.question}`,
    speak: title,
    lang: 'fr',
    body,
    actions,
  };
}
