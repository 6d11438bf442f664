/**
 * An article is plain text: raw HTML an HR writer pasted into it (an image, a link, a script) is never
 * rendered by Web Chat. The bot reads the article, answers in Chromium, and the transcript holds only
 * the words: no image request, no script run, no link with made-up text; a Markdown link keeps its words
 * and its address, with no stray bracket.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/projectRoot.js';
import { startTestBot, type TestBot } from './support/botServer.js';
import { launchChromium } from './support/browser.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

let bot: TestBot;
let browser: Browser;
let page: Page;
const requestedImages: string[] = [];

beforeAll(async () => {
  bot = await startTestBot({ knowledgeDir: resolve(PROJECT_ROOT, 'test/fixtures/html-article') });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1000, height: 1000 }, locale: 'fr-FR' });
  page.on('request', (request) => {
    if (request.resourceType() === 'image' && request.url().includes('exemple.invalid')) requestedImages.push(request.url());
  });
  await page.goto(bot.url);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.close();
});

describe('an article with HTML in it, in the web chat', () => {
  it('shows its bullets as text only', async () => {
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('Quelles sont les missions du serveur ?');
    await input.press('Enter');
    const transcript = page.locator('[role="log"], .webchat__basic-transcript');
    await transcript.getByText('Servir les clients').filter({ visible: true }).last().waitFor({ timeout: 15_000 });
    const text = (await transcript.last().textContent()) ?? '';
    // A raw HTML link is markup: its words stay, its address (which the writer did not show) goes.
    expect(text).toContain('Consulter le Portail RH pour le planning');
    expect(text).toContain('Noter les commandes');
    expect(text).not.toMatch(/<img|<script|<a |onerror|window\.__pwned/);
    expect(await transcript.locator('img[src*="exemple.invalid"]').count()).toBe(0);
    expect(await transcript.locator('a', { hasText: 'Portail RH' }).count()).toBe(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(requestedImages).toEqual([]);
  });

  it('keeps a Markdown link as its words and its address, with no stray bracket', async () => {
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('Quelles sont les missions du barman ?');
    await input.press('Enter');
    const transcript = page.locator('[role="log"], .webchat__basic-transcript');
    await transcript.getByText('Préparer les cocktails').filter({ visible: true }).last().waitFor({ timeout: 15_000 });
    const text = (await transcript.last().textContent()) ?? '';
    expect(text).toContain('Voir la fiche poste (https://rh.exemple.invalid/fiche)');
    expect(text).not.toMatch(/\]\(|\)\)/);
  });
});
