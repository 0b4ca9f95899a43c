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

const logRows = (page: Page) => page.getByTestId('audit-scan-log').getByRole('row');
const scanField = (page: Page) => page.getByRole('textbox', { name: "Scan a device's tag" });

describe('device audits: schedule, scan a school’s shelves, see what is missing, close, history', () => {
  let product: Product;
  let browser: Browser;
  let staff: Client;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    staff = await apiSignIn(product.app, 'it@test.example.org');
    const { north, south } = product.fixture.schools;
    const devices: [string, string][] = [
      ['AUD-N1', north],
      ['AUD-N2', north],
      ['AUD-N3', north],
      ['AUD-S1', south],
    ];
    for (const [assetTag, schoolId] of devices) {
      const res = await staff.inject({ method: 'POST', url: '/api/devices', payload: { assetTag, serial: `SER-${assetTag}`, schoolId } });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('schedules an audit, takes a burst of scans in order, lists what was not seen, and closes it into the history', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.goto(`${product.url}/devices/audits`);
    await page.getByRole('heading', { level: 1, name: 'Device audits' }).waitFor();
    await page.getByText('No audit has been scheduled yet.').waitFor();
    await expectAccessible(page, 'audits-empty');

    await page.getByRole('button', { name: 'Schedule an audit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule an audit' });
    // The form says what is missing before anything is sent.
    await dialog.getByRole('button', { name: 'Schedule it' }).click();
    await dialog.getByText('Required', { exact: true }).first().waitFor();
    await dialog.getByRole('textbox', { name: 'School' }).click();
    await page.getByRole('option', { name: 'North High' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Spring count');
    await dialog.getByLabel('Due date').fill('2099-05-01');
    await expectAccessible(page, 'audit-schedule');
    await dialog.getByRole('button', { name: 'Schedule it' }).click();

    await page.getByRole('heading', { level: 1, name: 'Spring count' }).waitFor();
    // The scanner types wherever focus is: the field has it from the start.
    await expect.poll(() => scanField(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('tab', { name: 'Missing (3)' }).waitFor();
    await expectAccessible(page, 'audit-open');

    // A shelf scanned without looking up: one of North's, one of South's, a tag nobody knows, and the first again.
    await scan(page, 'AUD-N1');
    await scan(page, 'AUD-S1');
    await scan(page, 'NOPE-404');
    await scan(page, 'aud-n1');
    await expect.poll(() => logRows(page).count()).toBe(5); // header + 4, newest first
    const log = await logRows(page).allInnerTexts();
    expect(log[1]).toMatch(/Repeat\s+AUD-N1 was already scanned at/);
    expect(log[2]).toMatch(/Unknown\s+No device has the tag or serial NOPE-404/);
    expect(log[3]).toMatch(/Elsewhere\s+AUD-S1 belongs to South Middle: set it aside/);
    expect(log[4]).toMatch(/Seen\s+AUD-N1 seen/);
    const result = page.getByTestId('audit-scan-result');
    expect(await result.getAttribute('role')).toBe('status');
    expect(await result.innerText()).toContain('AUD-N1 was already scanned at');
    await page.getByText('1 seen here', { exact: true }).waitFor();
    await page.getByText('1 belongs elsewhere', { exact: true }).waitFor();
    await page.getByText('1 unknown tag', { exact: true }).waitFor();
    await page.getByText('1 repeat', { exact: true }).waitFor();
    expect(await scanField(page).inputValue()).toBe('');

    // The counts follow each answer; the lists say what is still to find.
    await page.getByRole('tab', { name: 'Missing (2)' }).waitFor();
    await page.getByRole('tab', { name: 'Seen here (1)' }).waitFor();
    const missing = page.getByTestId('audit-list-missing');
    await expect.poll(() => missing.getByRole('row').count()).toBe(3);
    expect(await missing.innerText()).toMatch(/AUD-N2[\s\S]*AUD-N3/);
    expect(await missing.innerText()).not.toContain('AUD-N1');
    await expectAccessible(page, 'audit-scanned');
    await page.getByRole('tab', { name: 'Seen but belongs elsewhere (1)' }).click();
    const elsewhere = page.getByTestId('audit-list-seen_elsewhere');
    await elsewhere.getByRole('link', { name: 'AUD-S1' }).waitFor();
    expect(await elsewhere.innerText()).toContain('South Middle');
    // The device's own history says where the audit saw it.
    await elsewhere.getByRole('link', { name: 'AUD-S1' }).click();
    await page.getByText('Scanned in the North High audit, away from the school it belongs to').waitFor();
    expect(await page.getByText('Seen in an audit').count()).toBe(1);
    await page.goBack();
    await page.getByRole('button', { name: 'Close the audit' }).waitFor();

    // Closing says how many go down as missing, keeps the note, and ends scanning.
    await page.getByRole('button', { name: 'Close the audit' }).click();
    const close = page.getByRole('dialog', { name: 'Close the audit' });
    await close.getByText('2 expected devices have not been seen').waitFor();
    await close.getByRole('textbox', { name: 'Note (optional)' }).fill('Cart 3 was locked');
    await expectAccessible(page, 'audit-close');
    await close.getByRole('button', { name: 'Close the audit' }).click();
    const closed = page.getByTestId('audit-closed');
    await closed.getByText('Note: Cart 3 was locked').waitFor();
    expect(await scanField(page).count()).toBe(0);
    // The dialog's own "Close the audit" button leaves with the dialog's closing animation.
    await expect.poll(() => page.getByRole('button', { name: 'Close the audit' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Missing (2)' }).click();
    await page.getByRole('columnheader', { name: 'Status at close' }).waitFor();
    expect(await page.getByTestId('audit-list-missing').innerText()).toMatch(/AUD-N2[\s\S]*AUD-N3/);
    await expectAccessible(page, 'audit-closed');

    // The history: the audit with its final counts, found again by filtering.
    await page.getByRole('link', { name: '← All audits' }).click();
    await page.getByRole('heading', { level: 1, name: 'Device audits' }).waitFor();
    await page.getByRole('textbox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Closed' }).click();
    await page.waitForURL((u) => u.searchParams.get('status') === 'closed');
    const row = page.getByTestId('audits').getByRole('row', { name: /Spring count/ });
    await row.waitFor();
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('North High May 1, 2099 Closed 3 1 1 2 33% seen');
    await page.getByRole('progressbar', { name: 'Spring count: 1 of 3 devices seen' }).waitFor();
    await expectAccessible(page, 'audits-history');
    expect(errors).toEqual([]);
  });

  it('shows a principal their school’s audits to read, without the scan field or the schedule button', async () => {
    const { north, south } = product.fixture.schools;
    for (const [schoolId, name] of [
      [north, 'North spot check'],
      [south, 'South spot check'],
    ] as const) {
      const res = await staff.inject({ method: 'POST', url: '/api/devices/audits', payload: { schoolId, name, dueOn: '2020-01-15' } });
      if (res.statusCode !== 201) throw new Error(res.body);
    }

    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'principalNorth@test.example.org');
    await page.goto(`${product.url}/devices/audits`);
    const table = page.getByTestId('audits');
    await table.getByRole('link', { name: 'North spot check' }).waitFor();
    const text = await table.innerText();
    expect(text).toContain('Spring count');
    expect(text).not.toContain('South spot check');
    // Open past its due date: flagged.
    expect(await table.getByRole('row', { name: /North spot check/ }).innerText()).toContain('Overdue');
    expect(await page.getByRole('button', { name: 'Schedule an audit' }).count()).toBe(0);
    await expectAccessible(page, 'audits-principal');

    await table.getByRole('link', { name: 'North spot check' }).click();
    await page.getByRole('heading', { level: 1, name: 'North spot check' }).waitFor();
    await page.getByText('scanning and closing are for the IT team').waitFor();
    await page.getByTestId('audit-list-missing').getByRole('link', { name: 'AUD-N1' }).waitFor();
    expect(await scanField(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Close the audit' }).count()).toBe(0);
    await expectAccessible(page, 'audit-principal');
    expect(errors).toEqual([]);
  });
});
