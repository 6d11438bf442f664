/**
 * A stand-in for a channel's Bot Connector service (Teams' serviceUrl): accepts the replies the bot
 * posts to /v3/conversations/{id}/activities[/{replyToId}] and the updates it puts to
 * /v3/conversations/{id}/activities/{activityId}, and keeps them with their method and path.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector. */
export interface ConnectorRequest {
  method: string;
  /** The conversation id, decoded. */
  conversationId: string;
  /** The activity id of a reply-to or an update, decoded. */
  activityId: string | null;
  body: Record<string, unknown>;
}

export interface FakeChannel {
  url: string;
  /** The activities posted so far, in order. */
  received: Record<string, unknown>[];
  /** Every post and update, in order, with where it went. */
  requests: ConnectorRequest[];
  close(): Promise<void>;
}

export async function startFakeChannel(): Promise<FakeChannel> {
  const received: Record<string, unknown>[] = [];
  const requests: ConnectorRequest[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const route = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(request.url?.split('?')[0] ?? '');
      if (route && (request.method === 'POST' || (request.method === 'PUT' && route[2]))) {
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(body) as Record<string, unknown>;
        } catch {
          parsed = { unreadable: body };
        }
        if (request.method === 'POST') received.push(parsed);
        requests.push({
          method: request.method,
          conversationId: decodeURIComponent(route[1]!),
          activityId: route[2] ? decodeURIComponent(route[2]) : null,
          body: parsed,
        });
        const id = request.method === 'PUT' ? route[2]! : `sent-${requests.length}`;
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
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
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
