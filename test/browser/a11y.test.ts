import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

/** Every signed-in page through axe in both themes and both languages, plus keyboard use and a lost connection. */
describe('accessibility and resilience', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });
  // Every test signs in as the one administrator, and the Spanish test makes Spanish that account's
  // language: each test starts from English, whatever ran before it.
  beforeEach(async () => {
    await product.app.db.query("UPDATE accounts SET language = 'en' WHERE email = 'admin@test.example.org'");
  });

  const pages = () => {
    const { people, schools, classes } = product.fixture;
    return [
      ['home', '/'],
      ['people', '/people?role=student'],
      ['person', `/people/${people.ana}`],
      ['schools', '/schools'],
      ['school', `/schools/${schools.north}`],
      ['class', `/classes/${classes.classTess}`],
      ['accounts', '/admin/accounts'],
      ['tokens', '/admin/tokens'],
      ['audit', '/admin/audit'],
      ['roster', '/admin/roster'],
      ['profile', '/profile'],
      ['not-found', '/no/such/page'],
    ] as const;
  };

  for (const [scheme, language] of [
    ['dark', 'es'],
    ['light', 'en'],
  ] as const) {
    it(`has no serious or critical axe violations on any page (${scheme} theme, ${language})`, async () => {
      const { page, errors } = await openPage(browser, { colorScheme: scheme, locale: language === 'es' ? 'es-US' : 'en-US' });
      await signIn(page, product.url, 'admin@test.example.org');
      await page
        .getByRole('banner')
        .getByText(language === 'es' ? 'Español' : 'English', { exact: true })
        .click();
      await page.getByRole('link', { name: language === 'es' ? 'Inicio' : 'Home' }).waitFor();
      for (const [name, path] of pages()) {
        await page.goto(`${product.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page
          .getByRole('status')
          .filter({ has: page.locator('.mantine-Loader-root') })
          .waitFor({ state: 'detached' });
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        await expectAccessible(page, `${name}-${scheme}-${language}`);
      }
      expect(errors).toEqual([]);
    });
  }

  it('works from the keyboard: skip link, sign-in form, navigation, search', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${product.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to DistrictOps' }).waitFor();
    await page.getByRole('textbox', { name: /^Email/ }).focus();
    await page.keyboard.type('admin@test.example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery staple');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();

    // The first Tab reaches the skip link, which is then visible; Enter jumps past the navigation.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Every interactive element shows where focus is.
    const people = page.getByRole('navigation').getByRole('link', { name: 'People' });
    await people.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const outline = await people.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search people' }).focus();
    await page.keyboard.type('brooks');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Brooks, Ben' }).waitFor();
  });

  it('reaches every navigation link on a short screen (a Chromebook’s 768 pixels leave ~600 for the page)', async () => {
    const { page, errors } = await openPage(browser);
    await page.setViewportSize({ width: 1366, height: 600 });
    await signIn(page, product.url, 'admin@test.example.org');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const last = nav.getByRole('link').last();
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    await last.click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/profile');
    expect(errors).toEqual([]);
  });

  it('shows a retry, not a blank page, when the connection drops, and recovers', async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'admin@test.example.org');
    await page.route('**/api/people?**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Connection lost' });
    await alert.getByText('DistrictOps cannot be reached. Check your connection, then try again.').waitFor();
    // The page around it still works.
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await expectAccessible(page, 'connection-lost');

    await page.unroute('**/api/people?**');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('link', { name: 'Alvarez, Ana' }).waitFor();
  });
});
