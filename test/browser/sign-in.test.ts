import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

const emailBox = /^(email|correo electrónico)/i;

describe('signing in', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    // Three wrong passwords lock an account, so the lockout can be shown without a long loop.
    [product, browser] = await Promise.all([startProduct({ LOGIN_MAX_FAILURES: '3' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('says plainly when the password is wrong, then when the account is locked', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${product.url}/sign-in`);
    // Empty fields are caught before anything is sent, at the field.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('Required', { exact: true }).count()).toBe(2);
    await page.getByRole('textbox', { name: emailBox }).fill('coach');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter an email address, like name@school.org').waitFor();

    await page.getByRole('textbox', { name: emailBox }).fill('coach@test.example.org');
    for (let attempt = 1; attempt <= 2; attempt++) {
      await page.getByLabel(/^password/i).fill(`wrong password ${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('The email or password is not right. Check both and try again.').waitFor();
    }
    await expectAccessible(page, 'sign-in-wrong-password');

    await page.getByLabel(/^password/i).fill('wrong password 3');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/this account is locked for 15 minutes/)
      .waitFor();
    // Even the right password is refused while the lock holds.
    await page.getByLabel(/^password/i).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .getByText(/locked for 1[45] minutes/)
      .waitFor();
    expect(page.url()).toContain('/sign-in');
  });

  it('resets a forgotten password through the emailed link', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${product.url}/sign-in`);
    await page.getByRole('textbox', { name: emailBox }).fill('it@test.example.org');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    // The address typed on the sign-in page comes along.
    expect(await page.getByRole('textbox', { name: emailBox }).inputValue()).toBe('it@test.example.org');
    await expectAccessible(page, 'forgot-password');
    await page.getByRole('button', { name: 'Send the reset link' }).click();
    await page.getByText(/a reset link is on its way/).waitFor();

    await expect.poll(() => product.mail.length).toBe(1);
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(product.mail[0]!.text)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel(/^new password/i).fill('short');
    await page.getByLabel(/^type the new password again/i).fill('different');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Must be at least 12 characters').waitFor();
    await page.getByText('The two passwords are not the same').waitFor();
    await expectAccessible(page, 'reset-password-errors');

    await page.getByLabel(/^new password/i).fill('a brand new passphrase');
    await page.getByLabel(/^type the new password again/i).fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('You can now sign in with your new password.').waitFor();

    // The link works once.
    await page.goto(link!);
    await page.getByLabel(/^new password/i).fill('another new passphrase');
    await page.getByLabel(/^type the new password again/i).fill('another new passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('alert').getByText('This link does not work').waitFor();

    await signIn(page, product.url, 'it@test.example.org', 'a brand new passphrase');
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
  });

  it('remembers Spanish on this device for the sign-in page and the reset pages', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${product.url}/sign-in`);
    await page.getByText('Español', { exact: true }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión en DistrictOps' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Iniciar sesión en DistrictOps' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.getByRole('textbox', { name: emailBox }).fill('board@test.example.org');
    await page.getByLabel(/^contraseña/i).fill('no es la contraseña');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page
      .getByRole('alert')
      .getByText(/El correo electrónico o la contraseña no son correctos/)
      .waitFor();
    await expectAccessible(page, 'sign-in-es-wrong-password');
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await page.getByRole('heading', { name: 'Restablecer su contraseña' }).waitFor();
    await page.goto(`${product.url}/reset-password`);
    await page.getByRole('alert').getByText('Este enlace no funciona').waitFor();
    await expectAccessible(page, 'reset-password-es-invalid');

    // Picked before signing in, Spanish becomes the account's language too, on every device.
    await signIn(page, product.url, 'board@test.example.org');
    await page.getByRole('heading', { name: /^Le damos la bienvenida/ }).waitFor();
    const other = await openPage(browser);
    await signIn(other.page, product.url, 'board@test.example.org');
    await other.page.getByRole('heading', { name: 'Su distrito hoy' }).waitFor();
  });

  it('offers single sign-on when providers are configured, and explains a failed one', async () => {
    const { page } = await openPage(browser);
    // This server has no provider configured: no buttons.
    await page.goto(`${product.url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in to DistrictOps' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: /^Sign in with/ }).count()).toBe(0);

    // With providers listed, a button each, carrying the page to come back to.
    await page.route('**/api/auth/oidc/providers', (route) =>
      route.fulfill({
        json: {
          providers: [
            { id: 'google', label: 'Google', startUrl: '/api/auth/oidc/google/start' },
            { id: 'microsoft', label: 'Microsoft', startUrl: '/api/auth/oidc/microsoft/start' },
          ],
        },
      }),
    );
    await page.goto(`${product.url}/sign-in?next=${encodeURIComponent('/people?q=ana')}&error=oidc_no_account`);
    const google = page.getByRole('link', { name: 'Sign in with Google' });
    await google.waitFor();
    expect(await google.getAttribute('href')).toBe(`/api/auth/oidc/google/start?returnTo=${encodeURIComponent('/people?q=ana')}`);
    await page.getByRole('link', { name: 'Sign in with Microsoft' }).waitFor();
    await page
      .getByRole('alert')
      .getByText("There is no DistrictOps account for that email. Ask your district's administrator for access.")
      .waitFor();
    await expectAccessible(page, 'sign-in-sso');
  });

  it('returns to the page asked for after signing in', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${product.url}/schools`);
    await page.waitForURL(/\/sign-in\?next=%2Fschools/);
    // Not the board account: an earlier test made Spanish its language, and the page would follow it.
    await page.getByRole('textbox', { name: emailBox }).fill('privacy@test.example.org');
    await page.getByLabel(/^password/i).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Schools and classes', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/schools');
  });
});
