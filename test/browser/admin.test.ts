import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

async function choose(page: Page, scope: ReturnType<Page['getByRole']>, field: string, option: string) {
  await scope.getByRole('textbox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('administration', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('creates an account, shows server errors at their field, and hands over a set-up link that works', async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'admin@test.example.org');
    await page.getByRole('navigation').getByRole('link', { name: 'Accounts and roles' }).click();
    await page.getByRole('cell', { name: 'teacherTess@test.example.org' }).waitFor();
    await expectAccessible(page, 'admin-accounts');

    await page.getByRole('button', { name: 'New account' }).click();
    const dialog = page.getByRole('dialog', { name: 'New account' });
    await dialog.getByRole('textbox', { name: /^Email/ }).fill('coach@test.example.org');
    await dialog.getByRole('textbox', { name: /^Name shown/ }).fill('Bo Board');
    await choose(page, dialog, 'Role 1', 'Principal');
    // A principal's role needs a school: said at the field, before asking the server.
    await dialog.getByRole('button', { name: 'Create the account' }).click();
    await dialog.getByText('Choose the school').waitFor();
    await choose(page, dialog, 'Role 1', 'Board member');
    await dialog.getByRole('button', { name: 'Create the account' }).click();
    // The email is taken: the server says so, and the form shows it at the email field.
    const email = dialog.getByRole('textbox', { name: /^Email/ });
    await dialog.getByText('An account with this email already exists.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'admin-account-error');

    await email.fill('bo.board@test.example.org');
    await dialog.getByRole('button', { name: 'Create the account' }).click();
    const created = page.getByRole('dialog', { name: 'Account created' });
    const setupUrl = (await created.locator('pre').innerText()).trim();
    expect(setupUrl).toMatch(/\/reset-password\?token=/);
    await created.getByText('The link works once, for one hour, and is not shown again.').waitFor();
    await expectAccessible(page, 'admin-account-created');
    await created.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('cell', { name: 'bo.board@test.example.org' }).waitFor();

    // The new board member follows the link, chooses a password and signs in to the district figures.
    const board = await openPage(browser);
    await board.page.goto(setupUrl);
    await board.page.getByLabel(/^new password/i).fill('board member passphrase');
    await board.page.getByLabel(/^type the new password again/i).fill('board member passphrase');
    await board.page.getByRole('button', { name: 'Save the new password' }).click();
    await board.page.getByText('You can now sign in with your new password.').waitFor();
    await signIn(board.page, product.url, 'bo.board@test.example.org', 'board member passphrase');
    await board.page.getByRole('heading', { name: 'Your district today' }).waitFor();
    expect(await board.page.getByRole('navigation').getByRole('link', { name: 'People' }).count()).toBe(0);
  });

  it('creates an API token whose secret is shown once, then revokes it', async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'admin@test.example.org');
    await page.goto(`${product.url}/admin/tokens`);
    await page.getByText('No API tokens yet.').waitFor();
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill('SIS nightly sync');
    await choose(page, dialog, 'Role', 'IT staff');
    await expectAccessible(page, 'admin-token-new');
    await dialog.getByRole('button', { name: 'Create the token' }).click();

    const shown = page.getByRole('dialog', { name: 'Token "SIS nightly sync" created' });
    const secret = (await shown.getByTestId('token-secret').innerText()).trim();
    expect(secret.length).toBeGreaterThan(20);
    await shown.getByRole('button', { name: 'Copy the token' }).waitFor();
    await expectAccessible(page, 'admin-token-secret');
    // The secret really works against the API.
    const me = await fetch(`${product.url}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status).toBe(200);
    await shown.getByRole('button', { name: 'I have stored it' }).click();

    const row = page.getByRole('row').filter({ hasText: 'SIS nightly sync' });
    await row.getByText('Active').waitFor();
    expect(await page.content()).not.toContain(secret);
    await expectAccessible(page, 'admin-tokens');

    await row.getByRole('button', { name: 'Revoke SIS nightly sync' }).click();
    await page.getByRole('dialog', { name: 'Revoke SIS nightly sync?' }).getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    const after = await fetch(`${product.url}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect(after.status).toBe(401);
  });

  it('lets a person see their sessions, sign out the others, and tells them at the field when the current password is wrong', async () => {
    // A second session, as if from another device.
    const other = await fetch(`${product.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; CrOS x86_64) Chrome/120.0 Safari/537.36' },
      body: JSON.stringify({ email: 'coach@test.example.org', password: 'correct horse battery staple' }),
    });
    const otherCookie = other.headers.getSetCookie()[0]!.split(';')[0]!;

    const { page } = await openPage(browser);
    await signIn(page, product.url, 'coach@test.example.org');
    await page.getByRole('button', { name: /^Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Your profile' }).click();
    const sessions = page.getByRole('region', { name: 'Where you are signed in' });
    await sessions.getByText('Chrome on ChromeOS').waitFor();
    await sessions.getByText('This device').waitFor();
    await expectAccessible(page, 'profile');

    await sessions.getByRole('button', { name: 'Sign out all other sessions' }).click();
    await page.getByText('1 other session was signed out.').waitFor();
    await expect.poll(() => sessions.getByText('Chrome on ChromeOS').count()).toBe(0);
    const gone = await fetch(`${product.url}/api/me`, { headers: { cookie: otherCookie } });
    expect(gone.status).toBe(401);

    const password = page.getByRole('region', { name: 'Password' });
    await password.getByLabel(/^current password/i).fill('not my password at all');
    await password.getByLabel(/^new password/i).fill('a fresh long passphrase');
    await password.getByLabel(/^type the new password again/i).fill('a fresh long passphrase');
    await password.getByRole('button', { name: 'Change the password' }).click();
    await password.getByText('That is not your current password.').waitFor();
    expect(await password.getByLabel(/^current password/i).getAttribute('aria-invalid')).toBe('true');
  });
});
