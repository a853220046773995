// A double click on Send, then the same form posted once more (as a browser resending it would): the
// idempotency key the page showed makes it one notification and one mail.
module.exports = async (c, input) => {
  const page = await c.open();
  await c.signIn(page, input.senderKey);
  await page.goto(`${c.base}/console/send`);
  const key = (await page.locator('#idempotency-key').textContent()).trim();
  await page.getByLabel('Subject').fill('Once only');
  await page.getByLabel('Body').fill('You get this once.');
  await page.getByLabel('Email addresses').fill(input.address);
  await page.getByLabel('EMAIL', { exact: true }).check();
  const sent = await page.evaluate(() => {
    const form = document.querySelector('#send-form');
    const body = new URLSearchParams(new FormData(form));
    body.set('action', 'send');
    // form.action would be the button named "action"
    return { action: form.getAttribute('action'), body: body.toString() };
  });
  await page.getByRole('button', { name: 'Send', exact: true }).dblclick();
  await page.waitForURL(/\/console\/notifications\/notification-/);
  const first = page.url();
  const again = await page.evaluate(async ({ action, body }) => {
    const answer = await fetch(action, { method: 'POST', body, redirect: 'follow',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    return answer.url;
  }, sent);
  return { key, first, again };
};
