/**
 * Yardstick of `npm run bench:http`: a bare Express route answering POST /api/messages with a fixed
 * JSON (the bot's own reply to a real question, read from a file, so both send the same bytes).
 * No body parsing, no SDK, no engine, no storage: what Node and Express cost alone.
 * Plain JavaScript run by plain `node`, like the bot's dist/index.js.
 *
 * Usage: node bench/servers/bareRoute.mjs <port> <response.json>
 */
import { readFileSync } from 'node:fs';
import express from 'express';

const [port, responseFile] = process.argv.slice(2);
if (!port || !responseFile) {
  console.error('usage: node bench/servers/bareRoute.mjs <port> <response.json>');
  process.exit(2);
}
const fixed = JSON.parse(readFileSync(responseFile, 'utf8'));

const app = express();
app.disable('x-powered-by');
app.get('/readyz', (_request, response) => {
  response.json({ status: 'ready' });
});
app.post('/api/messages', (_request, response) => {
  response.json(fixed);
});
const server = app.listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
