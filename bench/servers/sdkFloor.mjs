/**
 * Second yardstick of `npm run bench:http`: the Agents SDK's own turn pipeline with nothing of ours.
 * The same SDK calls as the bot (authorizeJWT, express.json, CloudAdapter.process, an
 * AgentApplication on MemoryStorage whose conversation state is saved each turn) sending the same
 * replies (a typing indicator, then the message of the bot's sample reply), but no engine, no
 * rendering, no logs, no security headers. The bot cannot be faster than this.
 *
 * Usage: node bench/servers/sdkFloor.mjs <port> <response.json>
 */
import { readFileSync } from 'node:fs';
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { AgentApplication, CloudAdapter, MemoryStorage, authorizeJWT, loadAuthConfigFromEnv } from '@microsoft/agents-hosting';
import express from 'express';

const [port, responseFile] = process.argv.slice(2);
if (!port || !responseFile) {
  console.error('usage: node bench/servers/sdkFloor.mjs <port> <response.json>');
  process.exit(2);
}
const sample = JSON.parse(readFileSync(responseFile, 'utf8'));
const message = sample.activities.find((activity) => activity.type === 'message');
const { type, locale, inputHint, text, attachments, suggestedActions } = message;
const reply = { type, locale, inputHint, text, attachments, suggestedActions };

const auth = loadAuthConfigFromEnv();
const adapter = new CloudAdapter(auth);
const agent = new AgentApplication({ adapter, storage: new MemoryStorage(), startTypingTimer: false });
let turns = 0;
agent.onActivity(ActivityTypes.Message, async (context, state) => {
  await context.sendActivity(Activity.fromObject({ type: ActivityTypes.Typing, locale }));
  turns += 1;
  state.conversation = { article: 'article', section: 'section', roles: ['role'], turns };
  await context.sendActivity(Activity.fromObject(reply));
});
// As in the bot: in SDK 1.8.1 turn state is saved only when an afterTurn handler is registered.
agent.onTurn('afterTurn', async () => true);

const app = express();
app.disable('x-powered-by');
app.get('/readyz', (_request, response) => {
  response.json({ status: 'ready' });
});
app.post('/api/messages', authorizeJWT(auth), express.json({ limit: '100kb' }), async (request, response) => {
  await adapter.process(request, response, (context) => agent.run(context));
});
const server = app.listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
