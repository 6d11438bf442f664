/** Helpers of the hand-off tests: Basic credentials, dashboard calls, card buttons. */
import { expect } from 'vitest';
import { cardOf, readResponse, TEST_HR_PASSWORD, type ReplyActivity } from '../../channels/support/botServer.js';

export const HR_CREDENTIALS = `Basic ${Buffer.from(`rh:${TEST_HR_PASSWORD}`).toString('base64')}`;

/** GET on the dashboard's JSON with the password. */
export async function hrGet(url: string, path: string, authorization = HR_CREDENTIALS): Promise<{ status: number; json: any; text: string }> {
  return readResponse(await fetch(`${url}${path}`, { headers: authorization ? { authorization } : {} }));
}

/** POST on the dashboard's JSON, same-origin, with the password. */
export async function hrPost(url: string, path: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: HR_CREDENTIALS, 'content-type': 'application/json', origin: url },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** The data of a card's button with this action. */
export function buttonData(reply: ReplyActivity | undefined, action: string): Record<string, unknown> {
  const actions = (cardOf(reply)?.actions ?? []) as { data?: { action?: string } }[];
  const button = actions.find((entry) => entry.data?.action === action);
  expect(button, `a button ${action} on ${JSON.stringify(cardOf(reply))}`).toBeDefined();
  return button!.data as Record<string, unknown>;
}

/** Waits until a condition holds (deliveries run after the turn). */
export async function eventually<T>(read: () => T | Promise<T>, holds: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
