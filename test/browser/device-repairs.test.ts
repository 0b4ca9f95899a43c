import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as apiSignIn, type Client } from '../helpers/app';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

/** Picks an option in a Mantine select: the field is a textbox that opens a listbox. */
async function choose(page: Page, scope: Locator, field: string, option: string) {
  await scope.getByRole('textbox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const row = (table: Locator, text: string) => table.getByRole('row').filter({ hasText: text });

describe('devices: the repairs desk', () => {
  let product: Product;
  let browser: Browser;
  let staff: Client;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    staff = await apiSignIn(product.app, 'it@test.example.org');
    const { north } = product.fixture.schools;
    const made = async (url: string, payload: object = {}, method: 'POST' | 'PUT' = 'POST') => {
      const res = await staff.inject({ method, url, payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
      return res.json<{ id: string; repair: { id: string } }>();
    };
    const ids: Record<string, string> = {};
    for (const tag of ['REP-0001', 'OLD-0001', 'LOAN-0001', 'LOAN-0002', 'SPARE-0001'])
      ids[tag] = (await made('/api/devices', { assetTag: tag, serial: `S-${tag}`, schoolId: north })).id;
    await made(`/api/devices/${ids['REP-0001']}/checkout`, { assignee: { type: 'student', personId: product.fixture.people.ben } });
    const screen = await made('/api/devices/parts', { name: 'Screen 11.6"', sku: 'SCR-116', cost: '38.50', reorderLevel: 2 });
    await made(`/api/devices/parts/${screen.id}/stock`, { schoolId: north, quantity: 3 }, 'PUT');
    await made('/api/devices/fee-prices', { name: 'Accidental damage', damageKind: 'accidental', amount: '50.00', freePerYear: 0 });
    const { repair } = await made(`/api/devices/${ids['REP-0001']}/repairs`, {
      kind: 'accidental',
      description: 'Cracked screen',
      vendor: 'Acme Repair',
      laborCost: '15.00',
      parts: [{ partId: screen.id, quantity: 1 }],
    });
    const old = await made(`/api/devices/${ids['OLD-0001']}/repairs`, { kind: 'warranty', description: 'Battery swells' });
    await made(`/api/devices/repairs/${old.repair.id}/status`, { status: 'cancelled' });
    await made(`/api/devices/loaners/${ids['LOAN-0001']}`, { schoolId: north }, 'PUT');
    await made(`/api/devices/loaners/${ids['LOAN-0002']}`, { schoolId: north }, 'PUT');
    // Due back long ago: the loaner is overdue.
    await made(`/api/devices/repairs/${repair.id}/loaner`, { deviceId: ids['LOAN-0001'], dueOn: '2020-01-10' });
    // Charged last: the fee places a hold, which would stop the loaner going out.
    await made(`/api/devices/repairs/${repair.id}/fees`);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('shows IT each tab with what was seeded, and takes loaners, prices, parts and stock', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.goto(`${product.url}/devices/repairs`);
    await page.getByRole('heading', { level: 1, name: 'Repairs desk' }).waitFor();

    // Repairs: the one in progress, with its student, vendor and cost (labour 15 + screen 38.50).
    const repairs = page.getByTestId('repairs');
    const repair = row(repairs, 'REP-0001');
    await repair.waitFor();
    const repairText = await repair.innerText();
    for (const text of ['Ben Brooks', 'Accidental damage', 'Open', 'North High', 'Acme Repair', '$53.50'])
      expect(repairText).toContain(text);
    expect(await repair.getByRole('link', { name: 'Ben Brooks' }).getAttribute('href')).toBe(`/people/${product.fixture.people.ben}`);
    await expectAccessible(page, 'repairs-desk-repairs');
    expect(await row(repairs, 'OLD-0001').count()).toBe(0);
    // The toggle works from the keyboard, and brings back the cancelled repair.
    await page.getByRole('switch', { name: 'Include closed and cancelled repairs' }).focus();
    await page.keyboard.press('Space');
    await page.getByText('2 repairs', { exact: true }).waitFor();
    expect(await row(repairs, 'OLD-0001').innerText()).toContain('Cancelled');

    // Loaners: the overdue one stands out; the pool says what is free and what is out.
    await page.getByRole('tab', { name: 'Loaners' }).click();
    await page.waitForURL(/\?tab=loaners$/);
    const overdue = row(page.getByTestId('overdue-loaners'), 'LOAN-0001');
    await overdue.waitFor();
    expect(await overdue.innerText()).toContain('Ben Brooks');
    expect(await overdue.innerText()).toMatch(/\d[\d,]* days/);
    const north = page.getByRole('table', { name: /^North High:/ });
    await page.getByText('North High: 1 available, 1 out').waitFor();
    expect(await row(north, 'LOAN-0001').innerText()).toContain('Overdue');
    await expectAccessible(page, 'repairs-desk-loaners');

    // An unknown tag is refused with a message; a known one joins South Middle's pool.
    await page.getByRole('button', { name: 'Add a device to a pool' }).click();
    const add = page.getByRole('dialog', { name: 'Add a device to a loaner pool' });
    await add.getByRole('textbox', { name: 'Asset tag' }).fill('NOPE-1');
    await choose(page, add, 'School whose pool it joins', 'South Middle');
    await add.getByRole('button', { name: 'Save' }).click();
    await add.getByRole('alert').getByText('No device has the asset tag NOPE-1.').waitFor();
    await add.getByRole('textbox', { name: 'Asset tag' }).fill('spare-0001');
    await add.getByRole('button', { name: 'Save' }).click();
    await page.getByText('SPARE-0001 is now a loaner at South Middle.').waitFor();
    await page.getByText('South Middle: 1 available, 0 out').waitFor();

    await page.getByRole('button', { name: 'Remove LOAN-0002 from the loaner pool' }).click();
    await page.getByText('North High: 0 available, 1 out').waitFor();

    // Fees: Ben owes the accidental-damage fee and is held; a price by part is added, another edited.
    await page.getByRole('tab', { name: 'Fees' }).click();
    await page.waitForURL(/\?tab=fees$/);
    const ben = row(page.getByTestId('fee-balances'), 'Ben Brooks');
    await ben.waitFor();
    expect(await ben.innerText()).toContain('$50.00');
    expect(await ben.innerText()).toContain('Hold on new devices');
    const prices = page.getByTestId('fee-prices');
    await row(prices, 'Accidental damage').waitFor();
    await expectAccessible(page, 'repairs-desk-fees');

    await page.getByRole('button', { name: 'Add a price' }).click();
    const addPrice = page.getByRole('dialog', { name: 'Add a price' });
    await addPrice.getByRole('textbox', { name: 'Name', exact: true }).fill('Screen replacement');
    await addPrice.getByRole('textbox', { name: 'Name in Spanish' }).fill('Reemplazo de pantalla');
    await addPrice.getByRole('radio', { name: 'Part' }).check();
    await choose(page, addPrice, 'Part', 'Screen 11.6" (SCR-116)');
    await addPrice.getByRole('textbox', { name: 'Amount' }).fill('40');
    await addPrice.getByRole('textbox', { name: 'Free each school year' }).fill('1');
    await expectAccessible(page, 'repairs-desk-add-price');
    await addPrice.getByRole('button', { name: 'Save' }).click();
    const screenPrice = row(prices, 'Screen replacement');
    await screenPrice.waitFor();
    for (const text of ['Reemplazo de pantalla', 'Part: Screen 11.6"', '$40.00', 'First one free', 'Active']) {
      expect(await screenPrice.innerText()).toContain(text);
    }
    // A price without a Spanish name says what families see instead.
    expect(await row(prices, 'Accidental damage').innerText()).toContain('No Spanish name: families see the English one');

    await page.getByRole('button', { name: 'Edit the price Accidental damage' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit the price Accidental damage' });
    await edit.getByRole('textbox', { name: 'Amount' }).fill('60');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Accidental damage saved.').waitFor();
    await expect.poll(() => row(prices, 'Accidental damage').innerText()).toContain('$60.00');

    // Parts: the screen is low at North High; a new part is added and stocked at the depot.
    await page.getByRole('tab', { name: 'Parts' }).click();
    await page.waitForURL(/\?tab=parts$/);
    const low = row(page.getByTestId('parts-reorder'), 'SCR-116');
    await low.waitFor();
    expect(await low.innerText()).toContain('North High');
    const catalog = page.getByTestId('parts-catalog');
    expect(await row(catalog, 'SCR-116').innerText()).toContain('North High: 2');
    await expectAccessible(page, 'repairs-desk-parts');

    await page.getByRole('button', { name: 'Add a part' }).click();
    const addPart = page.getByRole('dialog', { name: 'Add a part to the catalog' });
    await addPart.getByRole('textbox', { name: 'Part' }).fill('Keyboard');
    await addPart.getByRole('textbox', { name: 'SKU' }).fill('KB-11');
    await addPart.getByRole('textbox', { name: 'Cost' }).fill('25');
    await addPart.getByRole('textbox', { name: 'Reorder level' }).fill('1');
    await addPart.getByRole('button', { name: 'Save' }).click();
    const keyboard = row(catalog, 'KB-11');
    await keyboard.waitFor();
    expect(await keyboard.innerText()).toContain('$25.00');

    await page.getByRole('button', { name: 'Set stock of Keyboard' }).click();
    const stock = page.getByRole('dialog', { name: 'Set stock of Keyboard' });
    await expect.poll(() => stock.getByRole('textbox', { name: 'Site' }).inputValue()).toBe('District depot');
    await stock.getByRole('textbox', { name: 'Quantity on the shelf now' }).fill('5');
    await stock.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Keyboard: 5 at District depot.').waitFor();
    await expect.poll(() => keyboard.innerText()).toContain('District depot: 5');
    await expectAccessible(page, 'repairs-desk-parts-after');

    // What the page did is what the server holds.
    const parts = (await staff.inject({ method: 'GET', url: '/api/devices/parts?q=keyboard' })).json();
    expect(parts.items[0]).toMatchObject({ sku: 'KB-11', cost: '25.00', reorderLevel: 1, stock: [{ schoolId: null, quantity: 5 }] });
    expect(errors).toEqual([]);
  });

  it('lets a principal read their school’s desk without the write actions, and refuses a teacher', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'principalNorth@test.example.org');
    await page.goto(`${product.url}/devices/repairs`);
    await row(page.getByTestId('repairs'), 'REP-0001').waitFor();
    await page.getByRole('tab', { name: 'Fees' }).click();
    await row(page.getByTestId('fee-prices'), 'Accidental damage').waitFor();
    expect(await page.getByRole('button', { name: 'Add a price' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit the price/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Loaners' }).click();
    await page.getByTestId('overdue-loaners').waitFor();
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a device to a pool' }).count()).toBe(0);
    await expectAccessible(page, 'repairs-desk-principal');
    expect(errors).toEqual([]);

    const teacher = await openPage(browser);
    await signIn(teacher.page, product.url, 'teacherTess@test.example.org');
    await teacher.page.goto(`${product.url}/devices/repairs`);
    await teacher.page.getByRole('heading', { level: 1, name: 'Not permitted or not found' }).waitFor();
  });

  it('reads in Spanish', async () => {
    await product.app.db.query("UPDATE accounts SET language = 'es' WHERE email = 'it@test.example.org'");
    const { page, errors } = await openPage(browser, { locale: 'es-MX' });
    await signIn(page, product.url, 'it@test.example.org');
    await page.goto(`${product.url}/devices/repairs?tab=loaners`);
    await page.getByRole('heading', { level: 1, name: 'Mesa de reparaciones' }).waitFor();
    await page.getByRole('heading', { name: 'Préstamos atrasados' }).waitFor();
    expect(await row(page.getByTestId('overdue-loaners'), 'LOAN-0001').innerText()).toMatch(/\d[\d,.]* días/);
    await expectAccessible(page, 'repairs-desk-es');
    expect(errors).toEqual([]);
  });
});
