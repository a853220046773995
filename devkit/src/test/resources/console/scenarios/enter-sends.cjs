// Enter in a one-line field of the Send form sends it, as Send would: the form's default button is Send,
// not "Add a variable" (the first button a person sees), with the page's script running.
module.exports = async (c, input, expect) => {
  const page = await c.open();
  await c.signIn(page, input.senderKey);
  await page.goto(`${c.base}/console/send`);
  const key = (await page.locator('#idempotency-key').textContent()).trim();
  await page.getByLabel('Template').selectOption(input.template);
  await page.locator('#missing-variables [data-variable="name"]').waitFor();
  await page.getByLabel('Email addresses').fill(input.address);
  await page.getByLabel('EMAIL', { exact: true }).check();
  const rows = await page.locator('[data-variable-row]').count();
  await page.getByLabel('Value of variable 1').fill('지민');
  await page.getByLabel('Value of variable 1').press('Enter');
  await page.waitForURL(/\/console\/notifications\//).catch(async () => {
    const now = await page.locator('[data-variable-row]').count();
    expect(false, `Enter did not send: the page stayed at ${page.url()} with ${now} variable rows (${rows} before)`);
  });
  await page.getByText('Notification accepted').waitFor();
  return { key, url: page.url() };
};
