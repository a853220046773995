// Opens the Temporal UI's workflow list filtered by a query in headless Chromium, prints the first
// Herald notification workflow id it shows and saves a screenshot.
// Usage: node temporal-ui.cjs <playwright-core dir> <chromium> <url> <screenshot>
const [playwrightDir, chromium, url, screenshot] = process.argv.slice(2);
const { chromium: browserType } = require(playwrightDir);

(async () => {
  const browser = await browserType.launch({
    executablePath: chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    const link = page.locator('a[href*="/workflows/notification-"]').first();
    await link.waitFor({ timeout: 60000 });
    const href = await link.getAttribute('href');
    await page.screenshot({ path: screenshot, fullPage: true });
    const id = decodeURIComponent(href.split('/workflows/')[1].split('/')[0]);
    console.log('WORKFLOW_ID=' + id);
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
