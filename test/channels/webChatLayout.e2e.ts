/**
 * Cards on a laptop (1280 px) and on a phone (390 px), in Chromium: nothing wider than the screen,
 * no word split across two lines, comparisons side by side when there is room and stacked when there
 * is not, 👍/👎 side by side, suggested actions wrapped rather than cut, a long answer shown from its
 * start, and axe-core's accessibility rules with no violation. Screenshots of each width go where
 * screenshotPath says (the 390 px ones illustrate the README).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startTestBot, type TestBot } from './support/botServer.js';
import { horizontalOverflow, launchChromium, runAxe, screenshotPath, splitWords, type AxeFinding } from './support/browser.js';

/** An article comparing three roles in the export's usual layout: three blocks to stack on a phone. */
const THREE_ROLES = fileURLToPath(new URL('../fixtures/three-roles/', import.meta.url));

/**
 * What axe-core reports as "needs review" in Web Chat's own markup, not in the page or the cards:
 * its transcript items carry `aria-labelledby` on a `div` without a role (Web Chat 4.18).
 */
const WEB_CHAT_OWN_FINDINGS: ReadonlySet<string> = new Set(['aria-prohibited-attr']);

let browser: Browser;
let bot: TestBot;
let threeRoles: TestBot;
beforeAll(async () => {
  [browser, bot, threeRoles] = await Promise.all([launchChromium(), startTestBot(), startTestBot({ knowledgeDir: THREE_ROLES })]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([bot?.close(), threeRoles?.close()]);
});

/** Opens the page at this width and waits for the welcome. */
async function openPage(url: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 844 }, locale: 'fr-FR' });
  await page.goto(url);
  await page.locator('.webchat__suggested-actions button').first().waitFor();
  return page;
}

/** Types a question and waits until the answer's card is drawn, then until scrolling settles. */
async function askOnPage(page: Page, question: string): Promise<void> {
  const cards = page.locator('.ac-adaptiveCard');
  const before = await cards.count();
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(question);
  await input.press('Enter');
  // Not expect.poll: this also runs in beforeAll, outside a test.
  await page.waitForFunction((count) => document.querySelectorAll('.ac-adaptiveCard').length > count, before, { timeout: 15_000 });
  await page.waitForTimeout(600);
}

/** The boxes of the role blocks of the last comparison card, in the layout shown. */
function roleBlockBoxes(page: Page): Promise<{ top: number; bottom: number; left: number; right: number }[]> {
  return page.evaluate(() => {
    const cards = document.querySelectorAll('.ac-adaptiveCard');
    const card = cards[cards.length - 1]!;
    const shown = Array.from(card.querySelectorAll<HTMLElement>('[id^="assistant-rh-"]')).find((layout) => layout.offsetParent !== null)!;
    // The columns of the wide layout, the containers of the stacked one (spacers are a few pixels high).
    return Array.from(shown.children)
      .map((block) => block.getBoundingClientRect())
      .filter((box) => box.height > 30)
      .map(({ top, bottom, left, right }) => ({ top, bottom, left, right }));
  });
}

describe.each([
  { width: 1280, device: 'laptop' },
  { width: 390, device: 'phone' },
])('at $width px ($device)', ({ width, device }) => {
  let page: Page;
  let findings: { violations: AxeFinding[]; incomplete: AxeFinding[] };
  beforeAll(async () => {
    page = await openPage(bot.url, width);
    await askOnPage(page, 'Quelle est la différence entre les deux ?');
    await page.screenshot({ path: screenshotPath(`webchat-overview-${width}.png`) });
    await askOnPage(page, 'Compare les compétences');
    await page.screenshot({ path: screenshotPath(`webchat-comparison-${width}.png`) });
    findings = await runAxe(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('has nothing wider than the screen', async () => {
    expect(await horizontalOverflow(page)).toEqual([]);
  });

  it('splits no word across two lines, in cards, messages or suggested actions', async () => {
    expect(await splitWords(page)).toEqual([]);
  });

  it(device === 'phone' ? 'stacks the role blocks of a comparison' : 'shows the role blocks of a comparison side by side', async () => {
    const [first, second] = await roleBlockBoxes(page);
    expect(first && second).toBeTruthy();
    if (device === 'phone') expect(second!.top).toBeGreaterThanOrEqual(first!.bottom - 1);
    else expect(Math.abs(second!.top - first!.top)).toBeLessThan(2);
  });

  it('puts 👍 and 👎 side by side, each far narrower than the card', async () => {
    const card = page.locator('.ac-adaptiveCard').last();
    const up = await card.getByRole('button', { name: /Utile/ }).first().boundingBox();
    const down = await card.getByRole('button', { name: /Pas utile/ }).boundingBox();
    const box = await card.boundingBox();
    expect(Math.abs(up!.y - down!.y)).toBeLessThan(2);
    expect(up!.width + down!.width).toBeLessThan(box!.width * 0.7);
  });

  it('wraps suggested actions instead of cutting them', async () => {
    const cut = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.webchat__suggested-action__text'))
        .filter((label) => label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1)
        .map((label) => label.textContent),
    );
    expect(cut).toEqual([]);
  });

  it('has no accessibility violation (axe-core), and only Web Chat’s own findings to review', () => {
    expect(findings.violations).toEqual([]);
    expect(findings.incomplete.filter((finding) => !WEB_CHAT_OWN_FINDINGS.has(finding.id))).toEqual([]);
  });
});

describe('a long answer on a phone', () => {
  it('opens on the start of the answer, not its end', async () => {
    const page = await openPage(bot.url, 390);
    try {
      await askOnPage(page, 'Quelle est la différence entre les deux ?');
      const { answerTop, viewTop, viewBottom, answerBottom } = await page.evaluate(() => {
        const view = document.querySelector('.webchat__basic-transcript__scrollable')!.getBoundingClientRect();
        const cards = document.querySelectorAll('.ac-adaptiveCard');
        const answer = cards[cards.length - 1]!.getBoundingClientRect();
        return { answerTop: answer.top, answerBottom: answer.bottom, viewTop: view.top, viewBottom: view.bottom };
      });
      expect(answerBottom).toBeGreaterThan(viewBottom); // a long answer: it does not fit
      expect(answerTop).toBeGreaterThanOrEqual(viewTop - 1);
      expect(answerTop).toBeLessThan(viewBottom);
    } finally {
      await page.close();
    }
  });
});

describe('a three-role comparison on a phone', () => {
  it('stacks the three role blocks, words whole, nothing overflowing', async () => {
    const page = await openPage(threeRoles.url, 390);
    try {
      await askOnPage(page, 'Compare les compétences');
      const blocks = await roleBlockBoxes(page);
      expect(blocks).toHaveLength(3);
      expect(blocks[1]!.top).toBeGreaterThanOrEqual(blocks[0]!.bottom - 1);
      expect(blocks[2]!.top).toBeGreaterThanOrEqual(blocks[1]!.bottom - 1);
      expect(await horizontalOverflow(page)).toEqual([]);
      expect(await splitWords(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath('webchat-three-roles-390.png') });
      // The whole card: a phone as tall as the conversation.
      await page.setViewportSize({ width: 390, height: 1800 });
      await page.waitForTimeout(300);
      await page.locator('.ac-adaptiveCard').last().screenshot({ path: screenshotPath('webchat-three-roles-390-card.png') });
    } finally {
      await page.close();
    }
  });
});
