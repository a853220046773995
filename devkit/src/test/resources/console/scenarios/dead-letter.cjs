// An admin re-drives one dead letter from its page: the page shows it REDRIVEN with the delivery's outcome,
// and passes the console's checks (as does the list of dead letters).
module.exports = async (c, input, expect) => {
  const page = await c.open();
  await c.signIn(page, input.adminKey);
  await page.goto(`${c.base}/console/dead-letters`);
  await page.locator('#dead-letters').waitFor();
  await c.check(page, 'dead-letters');
  await page.goto(`${c.base}/console/dead-letters/${input.id}`);
  await page.locator('#attempts').waitFor();
  await c.check(page, 'dead-letter');
  await page.getByRole('button', { name: 'Re-drive', exact: true }).click();
  await page.waitForURL(new RegExp(`/console/dead-letters/${input.id}$`));
  for (let tries = 0; tries < 60; tries++) {
    const status = (await page.locator('#dead-letter-status').textContent()).trim();
    if (status === 'REDRIVEN') {
      break;
    }
    await page.waitForTimeout(500);
    await page.reload();
  }
  const status = (await page.locator('#dead-letter-status').textContent()).trim();
  expect(status === 'REDRIVEN', `the dead letter is REDRIVEN, not ${status}`);
  const outcome = (await page.locator('#redrive-outcome').textContent()).trim();
  return { status, outcome };
};
