import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

/** The flow the "done when" names: sign in, find a student, open them, switch to Spanish, sign out. */
describe('a district administrator finds a student', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('signs in, sees the district figures, searches, opens the student, reads it in Spanish and signs out', async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(product.url);
    // Signed-out visitors land on the sign-in page.
    await page.waitForURL(/\/sign-in/);
    await expectAccessible(page, 'sign-in-en');

    await signIn(page, product.url, 'admin@test.example.org');
    await expect.poll(() => page.title()).toContain('Welcome');
    const tile = (label: string) => page.getByRole('link', { name: new RegExp(`^${label}\\s*\\d`) });
    await expect.poll(() => tile('Students').innerText()).toMatch(/Students\s+4/);
    await expect.poll(() => tile('Schools').innerText()).toMatch(/Schools\s+2/);
    await expect.poll(() => tile('Staff').innerText()).toMatch(/Staff\s+3/);
    await expect.poll(() => tile('Classes').innerText()).toMatch(/Classes\s+3/);
    await page.getByRole('figure', { name: 'Students by grade' }).locator('.recharts-bar-rectangle').first().waitFor();
    await expectAccessible(page, 'home-admin');

    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search people' }).fill('alvarez');
    // The search runs on the server once typing pauses; the table then holds only the matches.
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /people|person/ })
          .innerText(),
      )
      .toBe('2 people');
    const rows = page.getByRole('table', { name: 'People' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => page.url()).toContain('q=alvarez');
    await expectAccessible(page, 'people-search');

    await page.getByRole('link', { name: 'Alvarez, Ana' }).click();
    await page.getByRole('heading', { name: 'Ana Alvarez', level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Parents and guardians' }).getByText('Gia Alvarez (mother)').waitFor();
    await page.getByRole('region', { name: 'Classes' }).getByRole('link', { name: 'Algebra I' }).waitFor();
    await expectAccessible(page, 'person-en');

    await page.getByRole('banner').getByText('Español', { exact: true }).click();
    await page.getByRole('region', { name: 'Padres y tutores' }).getByText('Gia Alvarez (madre)').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Personas' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expectAccessible(page, 'person-es');

    // The choice is saved to the account: a reload keeps Spanish.
    await page.reload();
    await page.getByRole('region', { name: 'Datos' }).waitFor();

    await page.getByRole('button', { name: /Menú de la cuenta/ }).click();
    await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión en DistrictOps' }).waitFor();
    await expectAccessible(page, 'sign-in-es');

    // Signed out for real: the server no longer knows this browser.
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
    expect(errors).toEqual([]);
  });

  it('shows the opening of the student record in the audit log, to the privacy officer too', async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'privacy@test.example.org');
    await page.goto(`${product.url}/admin/audit`);
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'What' }).click();
    await page.getByRole('option', { name: "Opened a student's record" }).click();
    const rows = page.getByRole('row').filter({ hasText: "Opened a student's record" });
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => rows.first().innerText()).toContain('admin@test.example.org');
    await expectAccessible(page, 'audit-log');
  });
});
