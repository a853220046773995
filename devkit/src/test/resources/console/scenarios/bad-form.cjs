// A wrong value in the Send form: the page stays, the error is beside its field, and nothing is sent.
module.exports = async (c, input, expect) => {
  const page = await c.open(375);
  await c.signIn(page, input.senderKey);
  await page.goto(`${c.base}/console/send`);
  const key = (await page.locator('#idempotency-key').textContent()).trim();
  await page.getByLabel('Subject').fill('Hello');
  await page.getByLabel('Body').fill('Hi there');
  await page.getByLabel('Email addresses').fill('not-an-address');
  await page.getByLabel('EMAIL', { exact: true }).check();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator('[aria-invalid="true"]').first().waitFor();
  expect(page.url().endsWith('/console/send'), `a refused form stays on the Send page, not ${page.url()}`);
  const field = page.getByLabel('Email addresses');
  expect(await field.getAttribute('aria-invalid') === 'true', 'the addresses field is marked invalid');
  const described = await field.getAttribute('aria-describedby');
  expect(described && (await page.locator(`#${described}`).isVisible()), 'its error is shown and tied to it');
  expect(await field.inputValue() === 'not-an-address', 'what was typed is kept');
  // the refused form is answered 400 on purpose; Chromium logs that status as a console error
  page.problems = page.problems.filter((p) => !p.includes('status of 400'));
  await c.check(page, 'send-refused');
  return { key, error: (await page.locator(`#${described}`).textContent()).trim() };
};
