import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// The HTML report in a real headless Chromium (Debian's, installed by .ci/run): it renders with no
// console errors and nothing fetched, has one chart per closed question, stays inside a phone-width
// viewport, and shows hostile text from the survey file literally instead of running it.

const EXAMPLE = fileURLToPath(new URL('../../docs/examples/pricing-survey.json', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = process.env.REPORT_SCREENSHOTS_DIR;

let browser: BrowserContext;
beforeAll(async () => {
  // A fresh profile every run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(tempDir('chromium-profile-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);
afterAll(async () => browser?.close());

async function openReport(file: string, width: number) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const problems: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`file://${file}`);
  await page.waitForLoadState('load');
  return { page, problems, requests, dialogs };
}

async function surveyReport(surveyFile: string): Promise<string> {
  const home = tempDir();
  const run = await runCli(['survey', surveyFile, '--all'], { home, timeoutMs: 60_000 });
  expect(run.code).toBe(0);
  const out = join(home, 'report.html');
  const report = await runCli(['report', 'last', '-o', out, '--by', 'baseSelection.location'], { home });
  expect(report.code).toBe(0);
  return out;
}

describe('persona report in headless Chromium', () => {
  it('renders without console errors, one SVG chart per closed question, readable at 390 px and 1280 px', async () => {
    const file = await surveyReport(EXAMPLE);
    const survey = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { questions: Array<{ type: string }> };
    const closed = survey.questions.filter((q) => q.type !== 'free_text').length;
    for (const width of [390, 1280]) {
      const { page, problems, requests } = await openReport(file, width);
      expect(problems).toEqual([]);
      // Self-contained: the only request is the file itself.
      expect(requests).toEqual([`file://${file}`]);
      expect(await page.locator('svg.chart').count()).toBe(closed);
      expect(await page.locator('section.question').count()).toBe(survey.questions.length);
      // Each chart has one bar per option and is drawn at a visible size.
      const box = await page.locator('svg.chart').first().boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.width).toBeLessThanOrEqual(width);
      expect(await page.locator('svg.chart').first().locator('rect.bar').count()).toBe(4);
      // Nothing wider than the viewport: no sideways scrolling of the page on a phone.
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      // The cross-tab names the field and each location.
      expect(await page.locator('h3', { hasText: 'By baseSelection.location' }).count()).toBe(closed);
      const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(14);
      const shot = join(tempDir(), `report-${width}.png`);
      await page.screenshot({ path: shot, fullPage: false });
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        copyFileSync(shot, join(SHOTS, `report-${width}.png`));
      }
      await page.close();
    }
  }, 120_000);

  it('shows hostile text from the survey file literally and runs none of it', async () => {
    const dir = tempDir();
    const hostile = {
      title: 'Pricing <script>alert("title")</script>',
      questions: [
        {
          id: 'plan',
          type: 'single_choice',
          text: 'Pick <img src=x onerror=alert("q")>',
          options: ['<b onmouseover=alert(1)>Free</b>', 'Paid "$5" & more', "</text><script>alert('svg')</script>"],
        },
        { id: 'ok', type: 'yes_no', text: 'Fine?' },
      ],
    };
    const surveyFile = join(dir, 'hostile.json');
    writeFileSync(surveyFile, JSON.stringify(hostile));
    const file = await surveyReport(surveyFile);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<img|<b /i);
    const { page, problems, dialogs } = await openReport(file, 1280);
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('h1').innerText()).toBe('Pricing <script>alert("title")</script>');
    expect(await page.locator('svg.chart text.label').allTextContents()).toContain("</text><script>alert('svg')</script>");
    await page.close();
  }, 120_000);
});
