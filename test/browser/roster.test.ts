import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { exportFolder, zipFolder } from '../../src/server/modules/rostering/test-support';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

/** The rostering fixture export, re-addressed to the test fixture's district (Riverside). */
function riversideExport(...overlays: string[]): Buffer {
  const base = exportFolder('v1p1-base', ...overlays);
  const files = Object.fromEntries(
    fs.readdirSync(base).map((f) => [f, fs.readFileSync(path.join(base, f), 'utf8').replaceAll('dist-1', 'riverside')]),
  );
  return zipFolder(exportFolder('v1p1-base', ...overlays, files));
}

async function chooseZip(page: Page, name: string, buffer: Buffer) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose the zip file' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/zip', buffer });
}

describe('roster import page', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('shows a refused file row by row, then a good one with what it changed', async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'admin@test.example.org');
    await page.getByRole('navigation').getByRole('link', { name: 'Roster imports' }).click();
    await page.getByText('No roster has been imported yet.').waitFor();
    await expectAccessible(page, 'roster-empty');

    await chooseZip(page, 'bad-dates.zip', riversideExport('refuse-bad-date'));
    await page.getByRole('alert').getByText('Import refused: nothing was changed').waitFor();
    const problem = page.getByRole('row').filter({ hasText: 'academicSessions.csv' });
    await problem.getByRole('cell', { name: 'endDate' }).waitFor();
    await problem.getByText('2027-02-30').waitFor();
    await expectAccessible(page, 'roster-refused');

    await chooseZip(page, 'riverside-roster.zip', riversideExport());
    await page.getByRole('status').getByText('Import finished').waitFor({ timeout: 60_000 });
    await page.getByRole('rowheader', { name: 'People (users)' }).waitFor();
    const history = page.getByRole('region', { name: 'Past imports' });
    await history.getByRole('row').filter({ hasText: 'riverside-roster.zip' }).getByText('Finished').waitFor();
    await history.getByRole('row').filter({ hasText: 'bad-dates.zip' }).getByText('Refused').waitFor();
    await expectAccessible(page, 'roster-finished');

    // The imported people are in the directory straight away.
    await page.getByRole('navigation').getByRole('link', { name: 'People' }).click();
    await page.getByRole('searchbox', { name: 'Search people' }).fill('nguyen');
    await page.getByRole('link', { name: 'Nguyen, Ava' }).waitFor();

    // Families and teachers have no such page.
    const teacher = await openPage(browser);
    await signIn(teacher.page, product.url, 'teacherTess@test.example.org');
    await teacher.page.goto(`${product.url}/admin/roster`);
    await teacher.page.getByRole('heading', { name: 'Not permitted or not found' }).waitFor();
  });
});
