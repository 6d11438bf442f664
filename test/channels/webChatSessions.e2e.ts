/**
 * The page's sessions in a real browser (Debian's Chromium driven by playwright-core): each tab
 * gets its own conversation from the server, a post carrying another conversation's or another
 * user's id is refused even with the tab's own valid token, and a follow-up in one tab never uses
 * what was asked in another. Run with `npm run test:e2e`.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_ERROR_MESSAGES } from '../../src/channels/httpError.js';
import { startTestBot, type PageSession, type TestBot } from './support/botServer.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];

let bot: TestBot;
let browser: Browser;
let context: BrowserContext;

/** A tab of the page, with the session the server gave it (read from the network, as the page got it). */
interface Tab {
  page: Page;
  session: PageSession;
}

/** Opens the page in a new tab of the same browser profile (same cookies, same storage) and waits for its welcome. */
async function openTab(): Promise<Tab> {
  const page = await context.newPage();
  const sessionResponse = page.waitForResponse((response) => response.url().endsWith('/api/webchat/session'));
  await page.goto(bot.url);
  const session = (await (await sessionResponse).json()) as PageSession;
  await shows(page, /je suis l.assistant RH/);
  return { page, session };
}

async function shows(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('[role="log"], .webchat__basic-transcript').getByText(text).last().waitFor({ timeout: 15_000 });
}

async function ask(page: Page, question: string): Promise<void> {
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(question);
  await box.press('Enter');
}

/** Posts from inside a tab, as a script injected in the page could, with the tab's own token. */
function postFromTab(tab: Tab, body: Record<string, unknown>): Promise<{ status: number; json: unknown }> {
  return tab.page.evaluate(
    async ({ token, body }) => {
      const response = await fetch('/api/webchat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    { token: tab.session.token, body },
  );
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  bot = await startTestBot();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1000, height: 1000 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

describe('web chat sessions in the browser', () => {
  let first: Tab;
  let second: Tab;

  it('gives two tabs of one browser two conversations and two users, chosen by the server', async () => {
    first = await openTab();
    second = await openTab();
    expect(first.session.conversationId).not.toBe(second.session.conversationId);
    expect(first.session.userId).not.toBe(second.session.userId);
    // The page keeps its token in memory only: nothing another tab could pick up.
    const stored = await first.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored).not.toContain(first.session.token);
  });

  it('never lets a follow-up in one tab use what was asked in the other', async () => {
    await ask(first.page, 'Quelles sont les compétences du chef de produit digital ?');
    await shows(first.page, 'Les compétences requises — Chef de produit digital');
    // In the first tab "Et ses diplômes ?" follows up on the digital role; alone, in the second tab,
    // it has no role to refer to and both roles' training is compared.
    await ask(first.page, 'Et ses diplômes ?');
    await shows(first.page, 'Origine et formation — Chef de produit digital');
    await ask(second.page, 'Et ses diplômes ?');
    await shows(second.page, /Chef de produit digital \/ Chef de produit marketing : Origine et formation/);
    const secondTranscript = await second.page.locator('.webchat__basic-transcript').innerText();
    expect(secondTranscript).not.toContain('Origine et formation — Chef de produit digital');
  });

  it('refuses a post from a tab that names the other tab’s conversation (403), and shows nothing there', async () => {
    const before = await second.page.locator('.webchat__basic-transcript').innerText();
    const forged = await postFromTab(first, {
      type: 'message',
      text: 'Et pour le marketing ?',
      from: { id: first.session.userId },
      conversation: { id: second.session.conversationId },
    });
    expect(forged).toEqual({ status: 403, json: { error: HTTP_ERROR_MESSAGES.sessionMismatch } });
    expect(await second.page.locator('.webchat__basic-transcript').innerText()).toBe(before);
  });

  it('refuses a post from a tab that speaks as the other tab’s user (403)', async () => {
    const forged = await postFromTab(first, {
      type: 'message',
      text: 'aide',
      from: { id: second.session.userId },
      conversation: { id: first.session.conversationId },
    });
    expect(forged).toEqual({ status: 403, json: { error: HTTP_ERROR_MESSAGES.sessionMismatch } });
  });

  it('accepts the same post with the tab’s own ids', async () => {
    const own = await postFromTab(first, { type: 'message', text: 'aide', from: { id: first.session.userId }, conversation: { id: first.session.conversationId } });
    expect(own.status).toBe(200);
  });
});
