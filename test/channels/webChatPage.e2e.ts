/**
 * The web chat page in a real browser: Debian's Chromium driven by playwright-core.
 * Opens the page, checks where the keyboard starts and that it shows, asks a question (the typing
 * indicator shows while the answer is on its way), clicks a suggested action and a card button, and
 * saves the screenshots shown in the README (test-results/screenshots/, or docs/ with
 * `npm run docs:screenshots`). Checks the timestamps and the avatars, that a question carrying HTML
 * and script is shown as text and runs nothing, and that Web Chat works under the page's
 * Content-Security-Policy without a single violation. Run with `npm run test:e2e`.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDialogs } from '../../src/answers/dialogs.js';
import { DEFAULT_DIALOGS_DIR } from '../../src/projectRoot.js';
import { startTestBot, type TestBot } from './support/botServer.js';
import { launchChromium, screenshotPath } from './support/browser.js';

/** The bot's own sentences: the buttons the test clicks are named by them. */
const dialogs = loadDialogs(DEFAULT_DIALOGS_DIR);

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
  bot = await startTestBot();
  browser = await launchChromium();
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

/** Waits until the transcript shows this text (in a message bubble or a card's visible layout). */
async function shows(text: string | RegExp): Promise<void> {
  await page
    .locator('[role="log"], .webchat__basic-transcript')
    .getByText(text)
    .filter({ visible: true })
    .last()
    .waitFor({ timeout: 15_000 });
}

describe('the web chat page', () => {
  it('greets the user in French with three example questions as buttons', async () => {
    await shows(/je suis l.assistant RH/);
    const suggestions = page.locator('.webchat__suggested-actions button');
    await expect.poll(() => suggestions.count()).toBe(3);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('puts the keyboard in the send box at load, with a visible focus ring', async () => {
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('webchat-sendbox-input');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('.webchat__send-box__main')!);
      return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth), color: style.outlineColor };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.color).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
  });

  it('shows the typing indicator from the moment a question is sent until the answer arrives', async () => {
    // The answer is held back for a second, as on a slow network.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      '**/api/webchat',
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    try {
      await sendBox().fill('Quelles sont les compétences du chef de produit digital ?');
      await sendBox().press('Enter');
      await page.locator('.webchat__typing-indicator').waitFor({ state: 'visible', timeout: 1_000 });
    } finally {
      release();
    }
    await shows('Les compétences requises — Chef de produit digital');
    await shows('Analyse de données');
    await expect.poll(() => page.locator('.webchat__typing-indicator').count(), { timeout: 10_000 }).toBe(0);
    await page.screenshot({ path: screenshotPath('webchat-list.png') });
  });

  it('writes timestamps in French 24-hour time, with the full date on hover', async () => {
    const times = page.locator('#webchat time');
    await expect.poll(() => times.count()).toBeGreaterThan(0);
    const last = times.last();
    expect(await last.textContent()).toMatch(/^\d{2}:\d{2}$/);
    expect(await last.getAttribute('title')).toMatch(/^\p{L}+ \d{1,2} \p{L}+ \d{4} à \d{2}:\d{2}$/u);
    expect(await page.locator('#webchat').textContent()).not.toMatch(/\d (AM|PM)\b/);
  });

  it('fits "Vous" in the user\'s avatar circle', async () => {
    const avatar = page.locator('.webchat__initialsAvatar--fromUser').first();
    await avatar.waitFor();
    const fit = await avatar.evaluate((circle) => {
      const initials = circle.querySelector('.webchat__initialsAvatar__initials') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(initials);
      const text = range.getBoundingClientRect();
      const box = circle.getBoundingClientRect();
      return { text: initials.textContent, textWidth: text.width, circleWidth: box.width, left: text.left - box.left };
    });
    expect(fit.text).toBe('Vous');
    // Inside the circle, with room for its curve.
    expect(fit.textWidth).toBeLessThanOrEqual(fit.circleWidth * 0.85);
    expect(fit.left).toBeGreaterThan(0);
  });

  it('answers a clicked suggested action with a comparison card, one column per role', async () => {
    await page.locator('.webchat__suggested-actions button', { hasText: dialogs.answers.followUpCompare }).click();
    await shows(/Chef de produit digital \/ Chef de produit marketing : Les compétences requises/);
    await shows('Stratégie de communication');
    const lastCard = page.locator('.ac-adaptiveCard').last();
    await expect.poll(() => lastCard.getByText('Chef de produit marketing', { exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('webchat-comparison.png') });
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
