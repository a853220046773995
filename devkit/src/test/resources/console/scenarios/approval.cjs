// A broadcast above the approval threshold, sent from the console by one admin and approved by another:
// the sender is warned before sending, sees no approve button for its own send (four eyes), and its
// notification's page shows the progress bar reaching 100% without a reload once the other approves.
module.exports = async (c, input, expect) => {
  const requester = await c.open();
  await c.signIn(requester, input.requesterKey);
  await requester.goto(`${c.base}/console/send`);
  await requester.getByLabel('Subject').fill(input.subject);
  await requester.getByLabel('Body').fill('큰 소식이 있습니다. Big news.');
  await requester.getByLabel('Group').selectOption(input.group);
  await requester.getByLabel('EMAIL', { exact: true }).check();
  await requester.locator('#approval-warning').waitFor();
  await requester.getByRole('button', { name: 'Send', exact: true }).click();
  await requester.waitForURL(/\/console\/notifications\/notification-/);
  const url = requester.url();
  let navigations = 0;
  requester.on('framenavigated', (frame) => { if (frame === requester.mainFrame()) navigations++; });
  await c.check(requester, 'notification');

  const own = await requester.context().newPage();
  await own.goto(`${c.base}/console/approvals`);
  const ownCard = own.getByRole('article', { name: input.subject });
  await ownCard.getByText('another admin must').waitFor();
  expect(await ownCard.getByRole('button', { name: 'Approve' }).count() === 0, 'the requester sees no approve button');
  await own.close();

  const approver = await c.open(375);
  await c.signIn(approver, input.approverKey);
  await approver.getByRole('link', { name: 'Approvals' }).click();
  const card = approver.getByRole('article', { name: input.subject });
  await card.getByText('큰 소식이 있습니다').first().waitFor();
  await c.check(approver, 'approvals');
  await card.getByLabel('Comment').fill('Looks right, 좋아요');
  await card.getByRole('button', { name: 'Approve' }).click();
  await approver.getByRole('status').getByText('Approved').waitFor();

  await requester.waitForFunction(() => {
    const bar = document.querySelector('#delivery-progress');
    return bar && bar.max > 0 && bar.value === bar.max;
  }, null, { timeout: 60000 });
  const progress = (await requester.locator('#progress-text').textContent()).trim();
  expect(navigations === 0, `the notification's page reloaded ${navigations} times`);
  await requester.locator('#notification-status').getByText('COMPLETED').waitFor({ timeout: 30000 });
  await requester.reload();
  await c.check(requester, 'notification-approved');
  return { url, progress };
};
