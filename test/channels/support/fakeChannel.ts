/**
 * A stand-in for a channel's Bot Connector service (Teams' serviceUrl): accepts the replies the bot
 * posts to /v3/conversations/{id}/activities[/{replyToId}] and keeps them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChannel {
  url: string;
  /** The activities posted so far, in order. */
  received: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startFakeChannel(): Promise<FakeChannel> {
  const received: Record<string, unknown>[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?$/.test(request.url?.split('?')[0] ?? '')) {
        try {
          received.push(JSON.parse(body) as Record<string, unknown>);
        } catch {
          received.push({ unreadable: body });
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${received.length}` }));
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
