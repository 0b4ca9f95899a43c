import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as apiSignIn } from '../helpers/app';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

const catalog = `systems:
  - { id: sso, name: Single sign-on, category: identity, tier: 1, owner: admin@test.example.org }
  - { id: sis, name: Student information system, category: sis, tier: 1 }
  - { id: lms, name: Learning management system, category: lms, tier: 1, dependsOn: [sso] }
  - { id: wifi, name: Wi-Fi, category: wifi, tier: 2 }
  - { id: menus, name: Cafeteria menus, tier: 3 }
`;

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const section = (page: Page, system: string) => page.getByRole('region', { name: system, exact: true });
/** Picks a filter as a person does, by its visible label (the radio itself is visually hidden). */
const show = (page: Page, label: string) => page.locator('label').filter({ hasText: label }).click();
const summary = (page: Page) => page.getByRole('region', { name: /^School year / });

/** The board as a technology team uses it in August: what is late, who owns it, and proof of what is done. */
describe('back-to-school readiness board', () => {
  let product: Product;
  let browser: Browser;
  let today: string;
  let schoolYear: number;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    const it = await apiSignIn(product.app, 'it@test.example.org');
    const res = await it.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml: catalog } });
    if (res.statusCode !== 200) throw new Error(res.body);
    // "Late" is counted on the district's calendar, so the test reads the district's today too.
    const { rows } = await product.app.db.query<{ today: string }>(
      "SELECT (now() AT TIME ZONE timezone)::date AS today FROM districts WHERE sourced_id = 'riverside'",
    );
    today = rows[0]!.today;
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('starts a year, fills every tier-1 and tier-2 checklist, shows what is late, and records evidence', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.getByRole('navigation').getByRole('link', { name: 'Readiness', exact: true }).click();
    await page.getByText('No readiness board yet').waitFor();
    await expectAccessible(page, 'readiness-empty');

    // School starts in 20 days: the template's early items (45 and 30 days ahead) are already late.
    const firstDay = addDays(today, 20);
    schoolYear = Number(firstDay.slice(0, 4)) + 1;
    await page.getByRole('button', { name: 'New school year' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a school year’s board' });
    await dialog.getByRole('combobox', { name: 'School year' }).selectOption(String(schoolYear));
    await dialog.getByRole('button', { name: 'Start the board' }).click();
    await dialog.getByText('Required').waitFor();
    await dialog.getByLabel(/^First day of school/).fill(firstDay);
    expect(await dialog.getByRole('checkbox', { name: /default checklist/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'readiness-new-year');
    await dialog.getByRole('button', { name: 'Start the board' }).click();

    // Every tier-1 and tier-2 system has the 7-item checklist; the tier-3 system has none.
    for (const system of ['Single sign-on', 'Student information system', 'Learning management system', 'Wi-Fi']) {
      await expect.poll(() => section(page, system).getByRole('row').count()).toBe(1 + 7);
    }
    expect(await section(page, 'Cafeteria menus').count()).toBe(0);
    expect(page.url()).toContain(`year=${schoolYear}`);
    await summary(page).getByText('0% ready: 0 of 28 items done').waitFor();
    await summary(page).getByText('20 days to go', { exact: false }).waitFor();
    // Three items per system are past due: said in words, with an icon, not by colour alone.
    await summary(page).getByText('12 items late').waitFor();
    const sso = section(page, 'Single sign-on');
    const licenses = sso.getByRole('row').filter({ hasText: 'Licenses and support contracts renewed' });
    await licenses.getByText('Late by 25 days').waitFor();
    expect(await licenses.locator('svg').count()).toBeGreaterThan(0);
    await sso.getByRole('row').filter({ hasText: 'Rostering sync tested' }).getByText('6 days left').waitFor();
    // The system's owner owns its items; a system without one falls to whoever applied the template.
    await expect.poll(() => licenses.getByRole('cell', { name: 'admin', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'readiness-board');

    await show(page, 'Late only (12)');
    // Only the late items are left: nothing that is merely upcoming.
    await expect.poll(() => page.getByText(/days left$/).count()).toBe(0);
    expect(await page.getByText(/^Late by \d+ days$/).count()).toBe(12);
    expect(page.url()).toContain('show=late');
    await show(page, 'Mine (21)');
    await expect.poll(() => section(page, 'Single sign-on').count()).toBe(0);
    await show(page, 'All (28)');

    // Done with evidence: the item says who and shows the proof; the progress rises.
    await sso.getByRole('button', { name: 'Mark done: Licenses and support contracts renewed for the new year' }).click();
    const done = page.getByRole('dialog', { name: 'Mark done, with evidence' });
    await done.getByRole('button', { name: 'Mark done' }).click();
    await done.getByText('Give evidence: a note, a link, or both.').waitFor();
    await done.getByLabel('Link to the evidence').fill('not a link');
    await done.getByRole('button', { name: 'Mark done' }).click();
    await done.getByText('Enter a web address starting with http:// or https://').waitFor();
    await expectAccessible(page, 'readiness-done-dialog');
    await done.getByLabel('What was done').fill('Three-year renewal signed, PO 2291');
    await done.getByLabel('Link to the evidence').fill('https://tickets.example.org/4411');
    await done.getByRole('button', { name: 'Mark done' }).click();
    await done.waitFor({ state: 'detached' });
    await summary(page).getByText('4% ready: 1 of 28 items done').waitFor();
    await summary(page).getByText('11 items late').waitFor();
    expect(await sso.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('14');
    await sso.getByText('14% · 1 of 7 items done · 2 items late').waitFor();
    await licenses.getByText('Three-year renewal signed, PO 2291').waitFor();
    expect(await licenses.getByRole('link', { name: 'Evidence (tickets.example.org)' }).getAttribute('href')).toBe(
      'https://tickets.example.org/4411',
    );
    await licenses.getByText(/^Done by it@test\.example\.org on /).waitFor();

    // A mistaken "done" can be undone.
    await licenses.getByRole('button', { name: /^Undo done:/ }).click();
    await summary(page).getByText('0% ready: 0 of 28 items done').waitFor();
    await licenses.getByText('Late by 25 days').waitFor();

    // A new item past its due date is late at once; the server's refusal shows at the field it names.
    await page.getByRole('button', { name: 'New item' }).click();
    const add = page.getByRole('dialog', { name: 'New checklist item' });
    await add.getByRole('combobox', { name: 'System' }).selectOption('wifi');
    await add.getByRole('textbox', { name: /^Item/ }).fill('Heat map of the new science wing');
    await add.getByRole('textbox', { name: /^Owner/ }).click();
    await page.getByRole('option', { name: /^it \(it@test\.example\.org\)$/ }).click();
    await add.getByLabel(/^Due/).fill(addDays(today, -2));
    await add.getByRole('button', { name: 'Add an item' }).click();
    await add.waitFor({ state: 'detached' });
    const wing = section(page, 'Wi-Fi').getByRole('row').filter({ hasText: 'Heat map of the new science wing' });
    await wing.getByText('Late by 2 days').waitFor();
    await summary(page).getByText('13 items late').waitFor();
    await summary(page).getByText('0% ready: 0 of 29 items done').waitFor();

    await page.getByRole('button', { name: 'Change the first day' }).click();
    const move = page.getByRole('dialog', { name: /^First day of school/ });
    await move.getByLabel(/^First day of school/).fill(addDays(today, -30));
    await move.getByRole('button', { name: 'Save' }).click();
    await move.getByText(/would be due on or after the first day: move it first/).waitFor();
    expect(await move.getByLabel(/^First day of school/).getAttribute('aria-invalid')).toBe('true');
    await move.getByRole('button', { name: 'Cancel' }).click();

    // Moved to a later date, it is no longer late.
    await wing.getByRole('button', { name: 'More actions: Heat map of the new science wing' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the item' });
    await edit.getByLabel(/^Due/).fill(addDays(today, 3));
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await wing.getByText('3 days left').waitFor();
    await summary(page).getByText('12 items late').waitFor();

    await wing.getByRole('button', { name: 'More actions: Heat map of the new science wing' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this item?' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => wing.count()).toBe(0);
    await summary(page).getByText('0% ready: 0 of 28 items done').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a board member the same board, read-only (in the dark theme)', async () => {
    const { page, errors } = await openPage(browser, { colorScheme: 'dark' });
    await signIn(page, product.url, 'board@test.example.org');
    await page.goto(`${product.url}/readiness?year=${schoolYear}&show=late`);
    await summary(page).getByText('12 items late').waitFor();
    await expect.poll(() => page.getByText(/^Late by \d+ days$/).count()).toBe(12);
    for (const name of [/^Mark done/, /^Undo done/, /^More actions/, 'New school year', 'New item', 'Change the first day']) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await expectAccessible(page, 'readiness-board-member');
    expect(errors).toEqual([]);
  });
});
