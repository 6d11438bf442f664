/**
 * `npm run ask -- "<question>"` prints the French answer; `--json` prints one JSON object;
 * `--jsonl` reads {"conversation","text"} lines on stdin and writes one JSON line per input line.
 * A stable contract: nothing but answers on stdout.
 */
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import type { Answer } from '../answers/answer.js';
import { loadEngine, type Engine } from '../answers/engine.js';
import { emptyContext, type ConversationContext } from '../understanding/context.js';
import { config } from '../config.js';
import { renderText } from '../render/text.js';

/** The machine-readable shape of one answer (the `--json` / `--jsonl` contract). */
export function toJson(answer: Answer): Record<string, unknown> {
  return {
    kind: answer.kind,
    article: answer.article,
    section: answer.section,
    roles: answer.roles,
    confidence: Number(answer.confidence.toFixed(3)),
    text: renderText(answer),
    why: answer.why,
  };
}

/** Answers JSON lines in order; same `conversation` → shared context. Bad lines → a `kind: "error"` line. */
export async function answerJsonLines(engine: Engine, input: NodeJS.ReadableStream, write: (line: string) => void): Promise<number> {
  const contexts = new Map<string, ConversationContext>();
  let count = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    count += 1;
    if (line.trim() === '') {
      write(JSON.stringify({ kind: 'error', article: null, section: null, roles: [], confidence: 0, text: '', why: { reason: 'empty input line' } }));
      continue;
    }
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch {
      write(JSON.stringify({ kind: 'error', article: null, section: null, roles: [], confidence: 0, text: '', why: { reason: 'input line is not JSON' } }));
      continue;
    }
    const text = (request as { text?: unknown } | null)?.text;
    if (typeof request !== 'object' || request === null || Array.isArray(request) || typeof text !== 'string') {
      write(JSON.stringify({ kind: 'error', article: null, section: null, roles: [], confidence: 0, text: '', why: { reason: 'expected an object with a string "text"' } }));
      continue;
    }
    const rawConversation = (request as { conversation?: unknown }).conversation;
    const conversation = typeof rawConversation === 'string' || typeof rawConversation === 'number' ? String(rawConversation) : `line-${count}`;
    const result = engine.answer(text, contexts.get(conversation) ?? emptyContext());
    contexts.set(conversation, result.context);
    write(JSON.stringify(toJson(result.answer)));
  }
  return count;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command()
    .name('ask')
    .description('Pose une question à l’assistant RH')
    .argument('[question...]', 'la question, en français')
    .option('--json', 'une réponse JSON')
    .option('--jsonl', 'lit des lignes JSON {"conversation","text"} sur stdin, écrit une ligne JSON par ligne')
    .option('--knowledge <dir>', 'dossier des articles', config.knowledgeDir)
    .option('--dialogs <dir>', 'dossier des dialogues', config.dialogsDir)
    .showHelpAfterError();
  program.parse(argv);
  const options = program.opts<{ json?: boolean; jsonl?: boolean; knowledge: string; dialogs: string }>();
  const engine = await loadEngine({ knowledgeDir: options.knowledge, dialogsDir: options.dialogs });
  if (options.jsonl) {
    await answerJsonLines(engine, process.stdin, (line) => process.stdout.write(`${line}\n`));
    return;
  }
  const question = program.args.join(' ');
  const { answer } = engine.answer(question, emptyContext());
  process.stdout.write(options.json ? `${JSON.stringify(toJson(answer))}\n` : `${renderText(answer)}\n`);
}

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
