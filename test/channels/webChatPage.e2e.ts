/**
 * The web chat page in a real browser: Debian's Chromium driven by playwright-core.
 * Opens the page, asks a question, clicks a suggested action and a card button, and saves the
 * screenshots shown in the README (docs/webchat-*.png). Checks that a question carrying HTML and
 * script is shown as text and runs nothing, and that Web Chat works under the page's
 * Content-Security-Policy without a single violation. Run with `npm run test:e2e`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from './support/botServer.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

let bot: TestBot;
let browser: Browser;
let page: Page;
let contentSecurityPolicy: string | undefined;
const pageErrors: string[] = [];
/** Console messages about the Content-Security-Policy (Chromium logs each blocked resource or eval). */
const cspConsoleMessages: string[] = [];

/** A question that would run script if the page ever rendered user text as HTML. */
const HOSTILE_QUESTION = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> compétences du CPD ?';

declare global {
  interface Window {
    __pwned?: number;
    __cspViolations?: string[];
  }
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  bot = await startTestBot();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1000, height: 1300 }, locale: 'fr-FR' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspConsoleMessages.push(message.text());
  });
  // Listens for violations before any script of the page runs.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto(bot.url);
  contentSecurityPolicy = response?.headers()['content-security-policy'];
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

/** The send box of Web Chat. */
const sendBox = () => page.locator('[data-id="webchat-sendbox-input"]');

/** Waits until the transcript shows this text (in a message bubble or a card). */
async function shows(text: string | RegExp): Promise<void> {
  await page.locator('[role="log"], .webchat__basic-transcript').getByText(text).last().waitFor({ timeout: 15_000 });
}

describe('the web chat page', () => {
  it('greets the user in French with three example questions as buttons', async () => {
    await shows(/je suis l.assistant RH/);
    const suggestions = page.locator('.webchat__suggested-actions button');
    await expect.poll(() => suggestions.count()).toBe(3);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('answers a typed question with a list card', async () => {
    await sendBox().fill('Quelles sont les compétences du chef de produit digital ?');
    await sendBox().press('Enter');
    await shows('Les compétences requises — Chef de produit digital');
    await shows('Analyse de données');
    await page.screenshot({ path: docs('webchat-list.png') });
  });

  it('answers a clicked suggested action with a comparison card, one column per role', async () => {
    await page.locator('.webchat__suggested-actions button', { hasText: 'Comparer les deux' }).click();
    await shows(/Les compétences requises : Chef de produit digital/);
    await shows('Stratégie de communication');
    const lastCard = page.locator('.ac-adaptiveCard').last();
    await expect.poll(() => lastCard.getByText('Chef de produit marketing', { exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: docs('webchat-comparison.png') });
  });

  it('thanks the user after a click on 👍 under an answer (a card submit)', async () => {
    await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: /Utile/ }).first().click();
    await shows('Merci pour votre retour !');
    expect(bot.feedbackStore.entries.at(-1)).toMatchObject({ vote: 'up', channelId: 'webchat' });
  });

  it('shows a question carrying HTML and script as text, and runs none of it', async () => {
    const cards = page.locator('.ac-adaptiveCard');
    const before = await cards.count();
    await sendBox().fill(HOSTILE_QUESTION);
    await sendBox().press('Enter');
    await shows(HOSTILE_QUESTION);
    // The bot's answer (a card) has arrived and been rendered too.
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(before);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], #webchat script').count()).toBe(0);
  });

  it('runs under a Content-Security-Policy that allows scripts from this server only, without a violation', async () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(cspConsoleMessages).toEqual([]);
  });

  it('ran without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
