import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as apiSignIn, type Client } from '../helpers/app';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

/** A barcode scanner is a keyboard: it types the code a few milliseconds a key and presses Enter. */
async function scan(page: Page, code: string) {
  await page.keyboard.type(code, { delay: 3 });
  await page.keyboard.press('Enter');
}

const result = (page: Page) => page.getByTestId('scan-result');
const stop = (page: Page) => page.getByTestId('scan-stop');

describe('devices: the scan station, the inventory and the Google Admin import', () => {
  let product: Product;
  let browser: Browser;
  let staff: Client;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    staff = await apiSignIn(product.app, 'it@test.example.org');
    for (let n = 1; n <= 6; n++) {
      const res = await staff.inject({ method: 'POST', url: '/api/devices', payload: { assetTag: `DEV-000${n}`, serial: `SER-000${n}` } });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
    const hold = await staff.inject({
      method: 'POST',
      url: '/api/devices/holds',
      payload: { personId: product.fixture.people.dee, reason: 'Cracked screen fee', amount: '45.00' },
    });
    if (hold.statusCode !== 201) throw new Error(hold.body);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('checks devices out and in at scanner speed, stops the line on a mistake, and undoes with one key', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.getByRole('navigation').getByRole('link', { name: 'Scan station', exact: true }).click();
    const input = page.getByRole('textbox', { name: "Scan the student's ID" });
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'scan-station');

    // Badge, device; badge, device — typed in one burst, as a technician scans without looking up.
    await scan(page, 'ID-ana');
    await scan(page, 'dev-0001');
    await scan(page, 'ID-ben');
    await scan(page, 'DEV-0002');
    await expect.poll(() => page.getByTestId('scan-log').getByRole('row').count()).toBe(3); // header + 2
    await expect.poll(() => result(page).innerText()).toContain('DEV-0002 checked out to Ben Brooks');
    await page.getByText('2 checked out', { exact: true }).waitFor();
    expect(await result(page).getAttribute('role')).toBe('status');

    // A mistake stops the line: the device is already out, and scans are ignored until someone looks.
    await scan(page, 'ID-cal');
    await page.getByTestId('scan-person').getByText('Cal Castro').waitFor();
    await scan(page, 'DEV-0001');
    await stop(page).getByText('DEV-0001 is already checked out to Ana Alvarez').waitFor();
    expect(await stop(page).getAttribute('role')).toBe('alert');
    await scan(page, 'DEV-0004');
    await expectAccessible(page, 'scan-station-stopped');
    await page.keyboard.press('Escape');
    await expect.poll(() => stop(page).count()).toBe(0);
    await page.getByRole('textbox', { name: "Scan the student's ID" }).waitFor();

    // One key undoes the last scan that went through (Ben's), and the inventory agrees.
    await page.keyboard.press('F2');
    await expect.poll(() => result(page).innerText()).toContain('Undone: DEV-0002 is In stock again');
    const ben = await staff.inject({ method: 'GET', url: '/api/devices?q=DEV-0002' });
    expect(ben.json().items[0]).toMatchObject({ status: 'in_stock', assignee: null });
    const cal = await staff.inject({ method: 'GET', url: '/api/devices?q=DEV-0004' });
    expect(cal.json().items[0]).toMatchObject({ status: 'in_stock' });

    // A student with a hold stops at the badge; IT may issue anyway with a reason.
    await scan(page, 'ID-dee');
    await stop(page).getByText('Dee Diaz has a hold: Cracked screen fee').waitFor();
    await stop(page).getByRole('textbox', { name: 'Reason to issue anyway' }).fill('Principal approved');
    await stop(page).getByRole('button', { name: 'Issue anyway' }).click();
    await page.getByRole('textbox', { name: "Now scan the device's tag" }).waitFor();
    await scan(page, 'DEV-0003');
    await expect.poll(() => result(page).innerText()).toContain('DEV-0003 checked out to Dee Diaz');
    expect(await result(page).innerText()).toContain('Issued despite a hold: Principal approved');

    // June: check-in mode takes only the device.
    await page.getByText('Check in', { exact: true }).click();
    await page.getByRole('textbox', { name: "Scan the device's tag" }).focus();
    await scan(page, 'DEV-0001');
    await expect.poll(() => result(page).innerText()).toContain('DEV-0001 checked in from Ana Alvarez');
    await scan(page, 'DEV-0005');
    await stop(page).getByText('DEV-0005 is not checked out (it is In stock)').waitFor();
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);

    // The device page tells the story.
    await page.goto(`${product.url}/devices`);
    await page.getByRole('searchbox', { name: 'Search' }).fill('DEV-0003');
    await page.getByRole('link', { name: 'DEV-0003' }).click();
    await page.getByRole('heading', { level: 1, name: 'Device DEV-0003' }).waitFor();
    await page.getByRole('link', { name: 'Dee Diaz' }).first().waitFor();
    await expectAccessible(page, 'device-page');
  });

  it('imports a Google Admin console export and reports what changed and what to look at', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.goto(`${product.url}/devices/import`);
    await page.getByRole('heading', { level: 1, name: 'Import devices' }).waitFor();
    await expectAccessible(page, 'device-import');
    await page.getByLabel('File to import', { exact: true }).setInputFiles(path.resolve('test/fixtures/google-devices/console-export.csv'));
    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByText('console-export.csv imported').waitFor();
    expect(await report.innerText()).toMatch(/devices added/);
    await expectAccessible(page, 'device-import-report');
    expect(errors).toEqual([]);
  });

  it('records a damage repair with a loaner and a fee, and a payment lifts the student’s hold', async () => {
    const north = product.fixture.schools.north;
    const made = async (url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => {
      const res = await staff.inject({ method, url, payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
      return res.json<{ id: string }>();
    };
    const broken = await made('/api/devices', { assetTag: 'REP-0001', serial: 'SER-R1', schoolId: north });
    const loaner = await made('/api/devices', { assetTag: 'LOAN-0001', serial: 'SER-L1', schoolId: north });
    await made(`/api/devices/loaners/${loaner.id}`, { schoolId: north }, 'PUT');
    await made('/api/devices/fee-prices', { name: 'Accidental damage', damageKind: 'accidental', amount: '25.00' });
    await made('/api/devices/scan', { mode: 'checkout', studentId: 'ID-ben', tag: 'REP-0001' });

    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.goto(`${product.url}/devices/${broken.id}`);
    await page.getByRole('button', { name: 'Open a repair' }).click();
    const open = page.getByRole('dialog', { name: 'Open a repair' });
    await open.getByRole('textbox', { name: 'What is wrong' }).fill('Cracked screen, dropped in the hallway');
    await open.getByRole('button', { name: 'Open the repair' }).click();
    const repair = page.getByTestId('current-repair');
    await repair.getByText('Cracked screen, dropped in the hallway').waitFor();
    expect(await repair.innerText()).toContain('Accidental damage');

    await repair.getByRole('button', { name: 'Lend a loaner' }).click();
    const lend = page.getByRole('dialog', { name: 'Lend a loaner' });
    await lend.getByRole('textbox', { name: 'Loaner' }).click();
    await page.getByRole('option', { name: /LOAN-0001/ }).click();
    await lend.getByRole('button', { name: 'Lend it' }).click();
    await repair.getByText(/Loaner LOAN-0001 out, due back/).waitFor();

    await repair.getByRole('button', { name: 'Charge fees' }).click();
    await repair.getByText('Accidental damage (REP-0001): $25.00').waitFor();
    await expectAccessible(page, 'device-repair');

    // Ben now owes $25 and is held; his record shows the statement, and a payment clears it.
    await page.goto(`${product.url}/people/${product.fixture.people.ben}`);
    const statement = page.getByTestId('fee-statement');
    await statement.getByText('$25.00').first().waitFor();
    await page.getByText('1 hold stops a new device').waitFor();
    await page.getByRole('button', { name: 'Record a payment' }).click();
    const pay = page.getByRole('dialog', { name: 'Record a payment' });
    await pay.getByRole('textbox', { name: 'Receipt or check number' }).fill('4111 1111 1111 1111');
    await pay.getByRole('button', { name: 'Save' }).click();
    await pay
      .getByRole('alert')
      .getByText(/card number/)
      .waitFor();
    await pay.getByRole('textbox', { name: 'Receipt or check number' }).fill('Receipt 2231');
    await pay.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Device fees: balance $0.00').waitFor();
    await expect.poll(() => page.getByText('1 hold stops a new device').count()).toBe(0);

    // Back from the vendor: closing the repair gives Ben his device back and takes the loaner in.
    await page.goto(`${product.url}/devices/${broken.id}`);
    await page.getByRole('button', { name: 'Close: give it back' }).click();
    await page.getByRole('dialog', { name: 'Close the repair' }).getByRole('button', { name: 'Close and give it back' }).click();
    await page.getByText('Checked out to').waitFor();
    await page.getByRole('link', { name: 'Ben Brooks' }).first().waitFor();
    const back = await staff.inject({ method: 'GET', url: `/api/devices/${loaner.id}` });
    expect(back.json()).toMatchObject({ status: 'in_stock' });
    expect(errors).toEqual([]);
  });

  it('defines a custom field for a category, and a device is edited with it', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.goto(`${product.url}/devices`);
    await page.getByRole('button', { name: 'Custom fields' }).click();
    const defs = page.getByRole('dialog', { name: 'Custom fields by category' });
    await defs.getByRole('textbox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Other' }).click();
    await defs.getByRole('button', { name: 'Add a field' }).click();
    await defs.getByRole('textbox', { name: 'Field' }).fill('Insurance policy');
    await defs.getByRole('checkbox', { name: 'Required' }).check();
    await expectAccessible(page, 'device-custom-fields');
    await defs.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => defs.count()).toBe(0);

    await page.getByRole('searchbox', { name: 'Search' }).fill('DEV-0005');
    await page.getByRole('link', { name: 'DEV-0005' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('dialog', { name: 'Edit device DEV-0005' });
    await form.getByRole('textbox', { name: 'Location' }).fill('Library cart 2');
    await form.getByRole('textbox', { name: 'Insurance policy' }).fill('POL-2231');
    await expectAccessible(page, 'device-edit');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    await page.getByText('POL-2231').waitFor();
    await page.getByText('Library cart 2').waitFor();
    const saved = await staff.inject({ method: 'GET', url: '/api/devices?q=DEV-0005' });
    const detail = await staff.inject({ method: 'GET', url: `/api/devices/${saved.json().items[0].id}` });
    expect(detail.json()).toMatchObject({ location: 'Library cart 2', customFields: { insurance_policy: 'POL-2231' } });
    expect(errors).toEqual([]);
    // Later tests add devices without a model ('other'): they don't owe this field.
    await staff.inject({ method: 'PUT', url: '/api/devices/custom-fields/other', payload: { fields: [] } });
  });

  it('shows a family their child’s device and agreement, in Spanish', async () => {
    const out = await staff.inject({
      method: 'POST',
      url: '/api/devices/scan',
      payload: { mode: 'checkout', studentId: 'ID-ana', tag: 'DEV-0006', accessories: ['charger'] },
    });
    expect(out.json().result).toBe('checked_out');
    await product.app.db.query("UPDATE accounts SET language = 'es' WHERE email = 'guardianGia@test.example.org'");
    const { page, errors } = await openPage(browser, { locale: 'es-MX' });
    await signIn(page, product.url, 'guardianGia@test.example.org');
    const section = page.getByRole('region', { name: 'Dispositivos escolares' });
    await section.getByText('Dispositivo DEV-0006').waitFor();
    expect(await section.innerText()).toContain('con Cargador');
    expect(await section.innerText()).toContain('El acuerdo de uso aún no está firmado');
    await expectAccessible(page, 'guardian-devices-es');

    // A repair charged from the price list is named as the price list names it in Spanish.
    const device = (await staff.inject({ method: 'GET', url: '/api/devices?q=DEV-0006' })).json<{ items: { id: string }[] }>().items[0]!;
    const post = async (url: string, payload: object) => {
      const res = await staff.inject({ method: 'POST', url, payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
      return res.json<{ id: string; repair: { id: string } }>();
    };
    await post('/api/devices/fee-prices', {
      name: 'Intentional damage',
      nameEs: 'Daño intencional',
      damageKind: 'intentional',
      amount: '30.00',
    });
    const opened = await post(`/api/devices/${device.id}/repairs`, { kind: 'intentional', description: 'Keys pulled off' });
    await post(`/api/devices/repairs/${opened.repair.id}/fees`, {});
    await page.reload();
    await section.getByText('Cargo: Daño intencional (DEV-0006)').waitFor();
    expect(await section.innerText()).not.toContain('Intentional damage');
    expect(errors).toEqual([]);
  });

  it('refuses the scan station and the import to a principal, who may still read their school’s devices', async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'principalNorth@test.example.org');
    await page.goto(`${product.url}/devices/scan`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('textbox', { name: "Scan the student's ID" }).count()).toBe(0);
    await page.goto(`${product.url}/devices`);
    await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
  });
});
