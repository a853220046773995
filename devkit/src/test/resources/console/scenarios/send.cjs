// The Send page as a sender uses it: choosing a template adds rows for its missing variables, the
// preview follows what is typed (the email's HTML in its sandboxed frame), choosing a group above the
// approval threshold warns before sending, Send goes to the notification's page, and the dev tools' outbox
// shows the mail.
module.exports = async (c, input, expect) => {
  const page = await c.open();
  await c.signIn(page, input.senderKey);
  await page.goto(`${c.base}/console/send`);
  const key = (await page.locator('#idempotency-key').textContent()).trim();

  await page.getByLabel('Template').selectOption(input.template);
  await page.locator('#missing-variables [data-variable="order.id"]').waitFor();
  expect(!(await page.getByLabel('Subject').isVisible()), 'a template hides the subject and body');
  expect(await page.getByLabel('Name of variable 1').inputValue() === 'name', 'a row for the missing variable name');
  expect(await page.getByLabel('Name of variable 2').inputValue() === 'order.id', 'a row for the missing variable order.id');
  await page.getByLabel('Value of variable 1').fill('지민');
  await page.getByLabel('Value of variable 2').fill('A-17');
  await page.locator('#preview').getByText('Shipped for 지민').waitFor();
  await page.frameLocator('#preview iframe').getByText('Order A-17 for 지민').waitFor();
  expect(await page.locator('#missing-variables').count() === 0, 'no variable is missing once both are typed');

  await page.getByLabel('Group').selectOption(input.bigGroup);
  await page.locator('#approval-warning').waitFor();
  await page.getByLabel('Group').selectOption(input.smallGroup);
  await page.locator('#approval-warning').waitFor({ state: 'detached' });
  await page.waitForLoadState('networkidle');
  const zone = (await page.locator('#time-zone').textContent()).trim();
  await c.check(page, 'send-with-preview');

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.waitForURL(/\/console\/notifications\//);
  const url = page.url();
  // the dev kit's outbox shows the mail
  await page.getByRole('link', { name: 'Dev tools' }).click();
  await page.getByRole('cell', { name: 'Shipped for 지민' }).first().waitFor({ timeout: 30000 }).catch(async () => {
    await page.reload();
    await page.getByRole('cell', { name: 'Shipped for 지민' }).first().waitFor();
  });
  return { key, zone, url };
};
