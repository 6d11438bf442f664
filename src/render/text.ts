/** Answer → plain French text, for the CLI, logs and channels without cards. */
import type { Answer, AnswerItem, RoleBlock } from '../answers/answer.js';

function bullets(items: AnswerItem[], depth = 0): string[] {
  return items.flatMap((item) => [
    `${'  '.repeat(depth)}• ${item.text}${item.highlight ? ' ◀' : ''}`,
    ...bullets(item.children, depth + 1),
  ]);
}

function block(roleBlock: RoleBlock, withName: boolean): string[] {
  return [
    ...(withName ? [asLabel(roleBlock.roleName)] : []),
    ...roleBlock.prose,
    ...bullets(roleBlock.items, withName ? 1 : 0),
  ];
}

/** A heading or name introducing what follows: a colon, unless it already ends a question (« Avec qui travaillent-ils ? »). */
function asLabel(text: string): string {
  return /[?!:]\s*$/.test(text) ? text : `${text} :`;
}

/** Renders any answer as plain French text: the CLI, logs, card fallbacks and channels without cards. */
export function renderText(answer: Answer): string {
  const lines: string[] = [];
  switch (answer.kind) {
    case 'list':
      if (answer.lead) lines.push(answer.lead, '');
      lines.push(answer.title, ...answer.intro);
      // A list for several roles (a bullet found in each one's list) names the role over each.
      for (const roleBlock of answer.blocks) lines.push(...(answer.blocks.length > 1 ? [''] : []), ...block(roleBlock, answer.blocks.length > 1));
      break;
    case 'comparison':
      lines.push(answer.title, ...answer.intro);
      for (const roleBlock of answer.blocks) lines.push('', ...block(roleBlock, true));
      break;
    case 'overview':
      lines.push(answer.title, ...answer.intro);
      for (const row of answer.rows) {
        lines.push('', asLabel(row.heading));
        for (const cell of row.cells) lines.push(`  • ${cell.roleName} : ${cell.summary}`);
      }
      if (answer.conclusion.length > 0) lines.push('', ...answer.conclusion);
      break;
    case 'clarify':
      lines.push(answer.message, ...answer.choices.map((choice) => `  • ${choice.title}`));
      break;
    case 'fallback': {
      const [lead = '', ...offer] = answer.message.split('\n');
      lines.push(lead);
      if (answer.contact?.link) lines.push(`→ ${answer.contact.link.title} : ${answer.contact.link.url}`);
      lines.push(...offer, ...answer.suggestions.map((suggestion) => `  • ${suggestion.title}`));
      break;
    }
    case 'smalltalk':
      lines.push(answer.message, ...answer.suggestions.map((suggestion) => `  • ${suggestion.title}`));
      break;
  }
  return lines.join('\n');
}
