// Runs one scenario of the console's browser tests in headless Chromium (playwright-core) and prints
// what it observed as one line, RESULT <json>; a failed expectation prints FAILED <message> and exits 1.
// Usage: node browser.cjs <scenario.cjs>; settings in the environment (ConsoleBrowser.java sets them):
// PLAYWRIGHT_DIR, CHROMIUM, AXE (axe.min.js), BASE_URL, OUT_DIR (screenshots), INPUT (JSON for the scenario).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require(process.env.PLAYWRIGHT_DIR);

const base = process.env.BASE_URL;
const out = process.env.OUT_DIR;
const axeSource = fs.readFileSync(process.env.AXE, 'utf8');
const WIDTHS = [375, 1280];

class Expectation extends Error {}

function expect(condition, message) {
  if (!condition) throw new Expectation(message);
}

/** The console as a scenario sees it: pages of signed-in users, checks every page must pass. */
class Console {
  constructor(browser) {
    this.browser = browser;
    this.base = base;
  }

  /** A new browser (its own cookies) at a width, in Seoul's zone and English, collecting its errors. */
  async open(width = 1280, timezoneId = 'Asia/Seoul') {
    const context = await this.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US', timezoneId });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.problems = [];
    page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => page.problems.push(`script: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 500) page.problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    return page;
  }

  async signIn(page, key) {
    await page.goto(`${base}/console/sign-in`);
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  /**
   * The checks every page passes, at 375 and 1280 px: nothing wider than the viewport (measured in
   * the page), no console or script errors (a CSP refusal is one), no serious or critical axe-core
   * violation; a screenshot of each is kept as <name>-<width>.png.
   */
  async check(page, name) {
    const report = {};
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForLoadState('networkidle').catch(() => {});
      const overflow = await page.evaluate(() => {
        const doc = document.documentElement;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1)
          .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className}`);
        return { by: doc.scrollWidth - doc.clientWidth, wide };
      });
      expect(overflow.by <= 0, `${name} at ${width}px overflows by ${overflow.by}px: ${overflow.wide.join(', ')}`);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      expect(violations.length === 0, `${name} at ${width}px has accessibility violations: ${violations.join('; ')}`);
      await page.screenshot({ path: path.join(out, `${name}-${width}.png`), fullPage: true });
      report[width] = { overflow: overflow.by };
    }
    expect(page.problems.length === 0, `${name}: ${page.problems.join('; ')}`);
    return report;
  }

  /** Whether the page's font draws this text with glyphs: missing glyphs all draw as the same box. */
  async drawsKorean(page, text) {
    return page.evaluate((sample) => {
      const context = document.createElement('canvas').getContext('2d');
      context.font = getComputedStyle(document.body).font;
      const boxes = context.measureText('\u{E000}'.repeat([...sample].length)).width;
      return Math.abs(context.measureText(sample).width - boxes) > 1;
    }, text);
  }

  /** A visible focus ring on the first focusable element reached with Tab. */
  async tabShowsFocus(page) {
    await page.keyboard.press('Tab');
    return page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return el !== document.body && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    });
  }
}

(async () => {
  const scenario = require(path.resolve(process.argv[2]));
  const input = JSON.parse(process.env.INPUT || '{}');
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const result = await scenario(new Console(browser), input, expect);
    console.log('RESULT ' + JSON.stringify(result ?? {}));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.log('FAILED ' + (e instanceof Expectation ? e.message : (e.stack || e)));
  process.exit(1);
});
