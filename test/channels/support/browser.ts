/**
 * Browser tests' shared pieces: Debian's Chromium through playwright-core, where screenshots go,
 * axe-core, and the layout checks a phone needs (nothing wider than the screen, no word split
 * across two lines).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../src/projectRoot.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps trying to reach Google's hosts. */
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

/** Starts Chromium, or says how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Where a screenshot goes: test-results/screenshots/ (ignored by git) for `npm run test:e2e`;
 * docs/ for `npm run docs:screenshots`, which sets SCREENSHOT_DIR.
 */
export function screenshotPath(name: string): string {
  const folder = resolve(PROJECT_ROOT, process.env.SCREENSHOT_DIR ?? join('test-results', 'screenshots'));
  mkdirSync(folder, { recursive: true });
  return join(folder, name);
}

/** An axe-core finding, reduced to what a report needs. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core's default rules on the page. Injected through the DevTools protocol, so the page's
 * Content-Security-Policy (scripts from this server only) stays as it is.
 */
export async function runAxe(page: Page): Promise<{ violations: AxeFinding[]; incomplete: AxeFinding[] }> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<Record<'violations' | 'incomplete', any[]>> } }).axe;
    const result = await axe.run(document);
    const reduce = (findings: any[]) =>
      findings.map((finding) => ({
        id: String(finding.id),
        impact: finding.impact ?? null,
        help: String(finding.help),
        targets: finding.nodes.map((node: { target: string[] }) => node.target.join(' ')),
      }));
    return { violations: reduce(result.violations), incomplete: reduce(result.incomplete) };
  });
}

/** What overflows the screen sideways: the page itself, or any element past the viewport's right edge. */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth}px wide`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('#webchat *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      // Web Chat's own off-screen helpers (screen-reader text, the hidden file input) are clipped on purpose.
      if (box.right > width + 1 && element.closest('.webchat__basic-transcript__activity, .webchat__suggested-actions, .webchat__send-box')) {
        problems.push(`${element.className || element.tagName}: right edge at ${Math.round(box.right)}px`);
      }
    }
    return problems;
  });
}

/**
 * Words shown on two lines in the cards, messages and suggested actions: each word (between spaces,
 * hyphens and slashes, where a line may break) must sit on one line.
 */
export function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const split: string[] = [];
    const roots = document.querySelectorAll('.ac-textBlock, .webchat__text-content, .webchat__suggested-action__text');
    for (const root of Array.from(roots)) {
      if ((root as HTMLElement).offsetParent === null) continue; // a hidden layout
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s\-/\u00a0]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set(Array.from(range.getClientRects()).filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) split.push(match[0]);
        }
      }
    }
    return split;
  });
}
