// The admins' overview: where an admin lands after signing in, checked at 375 and 1280 px with its charts
// drawn; a send made through the API while the page is open shows in its figures and its chart without a
// reload (the page asks for its figures every few seconds).
module.exports = async (c, input, expect) => {
  const page = await c.open(375);
  await c.signIn(page, input.adminKey);
  expect(new URL(page.url()).pathname === '/console/overview', `an admin lands on the overview, not ${page.url()}`);
  await c.check(page, 'overview');
  let navigations = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });
  const sent = async () => Number((await page.locator('#fig-sent').textContent()).trim());
  const before = await sent();

  const answer = await fetch(`${c.base}/api/v1/notifications`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${input.adminKey}`, 'Content-Type': 'application/json', 'Idempotency-Key': input.key },
    body: JSON.stringify({ channels: ['EMAIL'], recipients: [{ email: input.address }], subject: 'Overview', body: 'Hello' }),
  });
  expect(answer.status === 202, `the send was answered ${answer.status}`);
  await page.waitForFunction((n) => Number(document.querySelector('#fig-sent').textContent) > n, before, { timeout: 30000 });
  await page.locator('#chart-EMAIL canvas').first().waitFor();
  await page.locator('#rates td[data-label="Channel"]', { hasText: 'EMAIL' }).first().waitFor();
  const after = await sent();
  expect(navigations === 0, `the overview reloaded ${navigations} times`);
  await c.check(page, 'overview-live');
  return { before, after };
};
