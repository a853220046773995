// Every page of the console's menu as an admin sees it, the pages input.pages names (detail pages) and
// the sign-in page: each at 375 and 1280 px without overflow, errors or serious accessibility
// violations, keyboard focus visible, Korean text drawn as glyphs where input.korean names a page.
module.exports = async (c, input, expect) => {
  const page = await c.open();
  await page.goto(`${c.base}/console/sign-in`);
  const checked = { 'sign-in': await c.check(page, 'sign-in') };
  expect(await c.tabShowsFocus(page), 'the sign-in page shows where the keyboard focus is');

  await c.signIn(page, input.adminKey);
  const menu = await page.$$eval('header nav a', (links) => links.map((a) => ({ path: a.getAttribute('href'), name: a.textContent.trim() })));
  for (const item of menu.concat(input.pages || [])) {
    await page.goto(c.base + item.path);
    const name = item.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    checked[name] = await c.check(page, name);
    expect(await c.tabShowsFocus(page), `${name} shows where the keyboard focus is`);
  }
  if (input.korean) {
    await page.goto(c.base + input.korean.path);
    await page.getByText(input.korean.text).first().waitFor();
    expect(await c.drawsKorean(page, input.korean.text), `${input.korean.path}: Korean text is drawn as boxes (no Korean font)`);
  }
  return { menu: menu.map((m) => m.name), checked: Object.keys(checked) };
};
