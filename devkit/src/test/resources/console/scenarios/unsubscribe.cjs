// The public unsubscribe page, opened from an email's List-Unsubscribe link as its reader would (no
// sign-in): at 375 and 1280 px without overflow, errors or serious accessibility violations; Unsubscribe
// pressed, the page says what stopped and offers the reader's other choices.
module.exports = async (c, input, expect) => {
  const page = await c.open();
  await page.goto(input.link);
  await c.check(page, 'unsubscribe');
  expect(await c.tabShowsFocus(page), 'the unsubscribe page shows where the keyboard focus is');
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  const notice = page.getByText('You are unsubscribed from');
  await notice.waitFor();
  await c.check(page, 'unsubscribed');
  return { notice: (await notice.textContent()).trim() };
};
