// The Send page's attachments as a sender uses them: a PDF chosen uploads with its progress bar up to done and
// shows its size and checked type; a second file removed before sending is deleted; a file of a type Herald
// does not take shows the API's refusal. Send goes to the notification's page, which lists the PDF, and its
// link downloads the same bytes.
const crypto = require('crypto');
const fs = require('fs');

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

module.exports = async (c, input, expect) => {
  const page = await c.open();
  await c.signIn(page, input.senderKey);
  await page.goto(`${c.base}/console/send`);
  await page.getByLabel('Subject').fill('Your report');
  await page.getByLabel('Body').fill('It is attached.');
  await page.getByLabel('Email addresses').fill(input.address);
  // every value the upload's bar takes
  await page.evaluate(() => {
    window.barValues = [];
    new MutationObserver(() => document.querySelectorAll('#attachment-list progress')
      .forEach((bar) => window.barValues.push(bar.value)))
      .observe(document.getElementById('attachment-list'), { subtree: true, childList: true, attributes: true });
  });

  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    crypto.randomBytes(3 * 1024 * 1024)]);
  await page.getByLabel('Add files').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf });
  const report = page.locator('#attachment-list li[data-state="done"]', { hasText: 'report.pdf' });
  await report.waitFor();
  const facts = (await report.locator('.attachment-facts').textContent()).trim();
  expect(facts === `${(pdf.length / 1048576).toFixed(1)} MB, application/pdf`, `the upload's size and type: ${facts}`);
  expect(await report.locator('progress').evaluate((bar) => bar.value) === 100, 'the bar is full once uploaded');
  const barValues = await page.evaluate(() => window.barValues);
  expect(barValues.includes(100), `the bar reached 100: ${barValues.join(', ')}`);
  const reportId = await report.getAttribute('data-id');

  await page.getByLabel('Add files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain',
    buffer: Buffer.from('not for this one\n') });
  const notes = page.locator('#attachment-list li[data-state="done"]', { hasText: 'notes.txt' });
  await notes.waitFor();
  const removedId = await notes.getAttribute('data-id');
  await page.getByRole('button', { name: 'Remove notes.txt' }).click();
  await notes.waitFor({ state: 'detached' });
  await page.locator('#attachment-status', { hasText: 'Removed notes.txt.' }).waitFor();
  await c.check(page, 'send-with-attachment');

  await page.getByLabel('Add files').setInputFiles({ name: 'page.html', mimeType: 'text/html',
    buffer: Buffer.from('<!DOCTYPE html><html><body><p>hello</p></body></html>\n') });
  const html = page.locator('#attachment-list li[data-state="refused"]', { hasText: 'page.html' });
  await html.waitFor();
  const refusal = (await html.locator('.attachment-facts').textContent()).trim();
  await page.getByRole('button', { name: 'Remove page.html' }).click();
  await html.waitFor({ state: 'detached' });
  // the browser logs the refused upload (415) as a failed request: expected here, and the only one
  page.problems = page.problems.filter((p) => !/status of 415/.test(p));

  const sent = await page.locator('#send-form input[name="attachments"]').evaluateAll((inputs) => inputs.map((i) => i.value));
  expect(sent.length === 1 && sent[0] === reportId, `the form carries the PDF's id alone: ${sent.join(', ')}`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForURL(/\/console\/notifications\//);
  const url = page.url();
  const link = page.locator('#attachments').getByRole('link', { name: 'report.pdf' });
  await link.waitFor();
  const listed = (await page.locator('#attachments tbody tr').first().textContent()).replace(/\s+/g, ' ').trim();
  expect(listed.includes('application/pdf') && listed.includes('3.0 MB'), `the page lists the file: ${listed}`);
  await c.check(page, 'notification-with-attachment');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const downloaded = fs.readFileSync(await download.path());
  return { url, reportId, removedId, refusal, uploadedSha: sha256(pdf), downloadedSha: sha256(downloaded),
    downloadName: download.suggestedFilename() };
};
