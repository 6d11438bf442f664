/**
 * The whole web loop in Chromium, on SQLite and on PostgreSQL: an employee asks a question no
 * article covers, gets HR's contact and transmits the question; HR signs in to /rh with the
 * password, sees the ticket, the unanswered question and the chart's figures, and replies; the
 * employee reloads the page and sees the reply. Both pages run under their Content-Security-Policy
 * without a violation (Chart.js included). Prints how long each step took.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, TEST_HR_PASSWORD, type TestBot } from '../channels/support/botServer.js';
import { bothDatabases } from './support/databases.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const UNCOVERED = 'Combien de jours de congés ai-je par an ?';
const ANSWERED = 'Quelles sont les compétences du chef de produit digital ?';
const HR_REPLY = 'Vous avez 25 jours ouvrés de congés payés par an, et 10 RTT.';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Collects CSP violations and script errors of a page. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(`csp: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return problems;
}

describe.each(bothDatabases())('the hand-off loop in the browser, on $name', (databases) => {
  let bot: TestBot;
  let browser: Browser;
  let employee: BrowserContext;
  let hr: BrowserContext;
  const timings: Record<string, number> = {};
  const time = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[step] = Math.round(performance.now() - started);
    }
  };

  beforeAll(async () => {
    if (!databases.available) return;
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
    await databases.setUp();
    bot = await startTestBot({ database: await databases.fresh() });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    employee = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1000, height: 1200 } });
    hr = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1200, height: 1600 }, httpCredentials: { username: 'rh', password: TEST_HR_PASSWORD } });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await databases.tearDown();
    if (Object.keys(timings).length > 0) console.log(`browser loop on ${databases.name}, ms per step: ${JSON.stringify(timings)}`);
  });

  it.skipIf(!databases.available)('employee → ticket → HR reply in /rh → employee sees it after a reload', async () => {
    const chat = await employee.newPage();
    const chatProblems = await watch(chat);
    const transcript = () => chat.locator('[role="log"], .webchat__basic-transcript');
    const shows = (text: string | RegExp) => transcript().getByText(text).last().waitFor({ timeout: 20_000 });
    const sendBox = chat.locator('[data-id="webchat-sendbox-input"]');

    await time('page load to welcome', async () => {
      await chat.goto(bot.url);
      await shows(/je suis l.assistant RH/);
    });
    await time('answered question', async () => {
      await sendBox.fill(ANSWERED);
      await sendBox.press('Enter');
      await shows('Analyse de données');
    });
    await time('uncovered question to contact card', async () => {
      await sendBox.fill(UNCOVERED);
      await sendBox.press('Enter');
      await shows(/gestionnaire RH/);
    });
    await time('transmit click to confirmation', async () => {
      await chat.locator('.ac-adaptiveCard').last().getByRole('button', { name: "Transmettre ma question à l'équipe RH" }).click();
      await shows(/a été transmise à l.équipe RH/);
    });
    expect(await chat.evaluate(() => JSON.parse(localStorage.getItem('assistant-rh.ticket-claims') ?? '[]').length)).toBe(1);
    await bot.insights!.flush();

    const dashboard = await hr.newPage();
    const dashboardProblems = await watch(dashboard);
    await time('dashboard sign-in and load', async () => {
      await dashboard.goto(`${bot.url}/rh/`);
      await dashboard.locator('body[data-loaded="true"]').waitFor({ timeout: 20_000 });
    });
    const ticket = dashboard.locator('.ticket', { hasText: UNCOVERED });
    await expect.poll(() => ticket.count()).toBe(1);
    await expect.poll(() => dashboard.locator('#unanswered tbody').getByText(UNCOVERED).count()).toBe(1);
    // The chart's figures: the answered question counts for its article section this week.
    const series = JSON.parse((await dashboard.locator('#weeks-chart').getAttribute('data-series')) ?? '{}') as { datasets: { label: string; data: number[] }[] };
    expect(series.datasets.find((dataset) => dataset.label.includes('les-competences-requises'))?.data.at(-1)).toBe(1);
    // Chart.js, served from node_modules, drew on the canvas under the page's CSP.
    expect(await dashboard.evaluate(() => typeof (window as unknown as { Chart?: unknown }).Chart)).toBe('function');
    await dashboard.screenshot({ path: `test-results/rh-dashboard-${databases.name}.png`, fullPage: true });
    await time('HR reply to saved', async () => {
      await ticket.locator('textarea').fill(HR_REPLY);
      await ticket.getByRole('button', { name: 'Répondre' }).click();
      await dashboard.locator('.ticket', { hasText: HR_REPLY }).waitFor({ timeout: 20_000 });
    });

    await time('reload to reply shown', async () => {
      await chat.reload();
      await shows(HR_REPLY);
    });
    await shows(/Réponse de l.équipe RH à votre question « Combien de jours de congés ai-je par an \? »/);
    await chat.screenshot({ path: `test-results/webchat-hr-reply-${databases.name}.png` });
    expect(await chat.evaluate(() => JSON.parse(localStorage.getItem('assistant-rh.ticket-claims') ?? '[]').length)).toBe(0);

    expect(await chat.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(await dashboard.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(chatProblems).toEqual([]);
    expect(dashboardProblems).toEqual([]);
  });
});
