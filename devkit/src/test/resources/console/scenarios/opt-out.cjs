// A recipient's preferences as a sender uses them: on the recipient's page it opts the recipient out of
// EMAIL, sends it an email from the Send page, and the notification's page shows the delivery SKIPPED
// with its reason (opted-out:channel=email). Both pages pass the console's checks.
module.exports = async (c, input, expect) => {
  const page = await c.open();
  await c.signIn(page, input.senderKey);
  await page.goto(`${c.base}/console/recipients/edit?id=${encodeURIComponent(input.recipient)}`);
  await page.locator('#no-preferences').waitFor();
  await page.getByLabel('Channel', { exact: true }).selectOption('EMAIL');
  await page.getByRole('button', { name: 'Opt out', exact: true }).click();
  const rule = page.locator('#preference-rules tbody tr', { hasText: 'every EMAIL message' });
  await rule.waitFor();
  expect((await rule.textContent()).includes('Opted out'), 'the rule says the recipient opted out');
  expect(page.url().endsWith('#preferences'), `the page comes back at its preferences, not ${page.url()}`);
  await c.check(page, 'recipient-preferences');

  await page.goto(`${c.base}/console/send`);
  await page.getByLabel('Subject').fill(input.subject);
  await page.getByLabel('Body').fill('This one is not sent');
  await page.getByLabel('Recipient ids').fill(input.recipient);
  expect(await page.getByLabel('EMAIL', { exact: true }).isChecked(), 'EMAIL is the channel');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForURL(/\/console\/notifications\//);
  const url = page.url();
  // the live progress says it first; the deliveries table is the page as loaded, so load it again
  await page.locator('#progress-text', { hasText: '1 skipped' }).waitFor({ timeout: 30000 });
  await page.reload();
  const delivery = page.locator('#main table tbody tr', { hasText: 'opted-out:channel=email' }).last();
  await delivery.waitFor();
  expect((await delivery.textContent()).includes('SKIPPED'), 'the delivery is SKIPPED');
  const reason = (await page.locator('#skipped tbody tr').first().textContent()).replace(/\s+/g, ' ').trim();
  expect(reason.includes('opted out of every EMAIL message'), `the reason in words: ${reason}`);
  await c.check(page, 'notification-skipped');
  return { url, reason };
};
