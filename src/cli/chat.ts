/** `npm run chat`: an interactive French chat in the terminal, with follow-up context. */
import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import { Command } from 'commander';
import { loadEngine } from '../answers/engine.js';
import { emptyContext } from '../understanding/context.js';
import { config } from '../config.js';
import { renderText } from '../render/text.js';

/** Typed alone on a line, these end the session. */
const QUIT = new Set(['/quit', '/exit', '/q', 'quit', 'exit']);

async function main(): Promise<void> {
  const options = new Command()
    .name('chat')
    .description('Discussion avec l’assistant RH dans le terminal')
    .option('--knowledge <dir>', 'dossier des articles', config.knowledgeDir)
    .option('--dialogs <dir>', 'dossier des dialogues', config.dialogsDir)
    .parse(process.argv)
    .opts<{ knowledge: string; dialogs: string }>();
  const engine = await loadEngine({ knowledgeDir: options.knowledge, dialogsDir: options.dialogs });
  const welcome = engine.welcome();
  stdout.write(`${welcome.message}\n${welcome.suggestions.map((suggestion) => `  • ${suggestion.title}`).join('\n')}\n(/quit pour sortir)\n\n`);
  const terminal = createInterface({ input: stdin, output: stdout, terminal: stdin.isTTY });
  let context = emptyContext();
  terminal.setPrompt('vous › ');
  terminal.prompt();
  for await (const line of terminal) {
    if (QUIT.has(line.trim().toLowerCase())) break;
    const result = engine.answer(line, context);
    context = result.context;
    stdout.write(`\nassistant › ${renderText(result.answer).replace(/\n/g, '\n            ')}\n\n`);
    terminal.prompt();
  }
  terminal.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
