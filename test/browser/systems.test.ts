import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as apiSignIn } from '../helpers/app';
import { PASSWORD } from '../helpers/fixture';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

// SSO's health page fails and the LMS answers: SSO is down by itself, the LMS (and the gradebook
// sync behind it) impacted by SSO, staff email degraded through its soft dependency.
let target: http.Server;
let product: Product;
let browser: Browser;

function catalog(port: number) {
  return `systems:
  - id: sso
    name: Single sign-on
    category: identity
    tier: 1
    owner: admin@test.example.org
    public: { en: Sign-in, es: Inicio de sesión }
    checks: [{ type: http, url: "http://127.0.0.1:${port}/sso", interval: 60s, timeout: 2s, retries: 0 }]
  - id: lms
    name: Learning management system
    category: lms
    tier: 1
    dependsOn: [sso]
    checks: [{ type: http, url: "http://127.0.0.1:${port}/lms", interval: 60s, timeout: 2s, retries: 0 }]
  - id: gradebook
    name: Gradebook sync
    category: sis
    tier: 2
    dependsOn: [lms]
  - id: email
    name: Staff email
    category: email
    tier: 2
    dependsOn: [{ id: sso, kind: soft }]
`;
}

beforeAll(async () => {
  target = http.createServer((req, res) => res.writeHead(req.url === '/sso' ? 503 : 200).end());
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  const admin = await apiSignIn(product.app, 'admin@test.example.org');
  const imported = await admin.inject({
    method: 'POST',
    url: '/api/systems/import',
    payload: catalog((target.address() as AddressInfo).port),
    headers: { 'content-type': 'application/yaml' },
  });
  expect(imported.statusCode, imported.body).toBe(200);
  // Run every check now instead of waiting for the scheduler's first (jittered) round.
  await product.app.systems.scheduler.runDueChecks(Date.now() + 120_000);
});
afterAll(async () => {
  await browser?.close();
  await product?.close();
  await new Promise<void>((resolve) => target?.close(() => resolve()));
});

/** Waits for the app's own page: the one the server drew first (if any) gone, the app's root shown. */
const appShown = (page: Page) =>
  page.waitForFunction(() => !document.getElementById('first-paint') && !document.getElementById('root')?.hidden);

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });

describe('systems catalog and status', () => {
  it('shows the board with the root cause, and the graph clicks through from the LMS to SSO', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'admin@test.example.org');
    // The home tile counts them.
    const tile = page.getByRole('region', { name: 'Systems now' });
    await tile.getByRole('link', { name: /1\s*Down/ }).waitFor();
    await tile.getByRole('link', { name: /2\s*Impacted/ }).waitFor();

    // The board's data is asked for while its code loads (app/router.tsx), not after, and that one answer is used.
    const events: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/status') events.push('data asked');
    });
    page.on('requestfinished', (r) => {
      if (/\/assets\/SystemsPage-[^/]*\.js$/.test(new URL(r.url()).pathname)) events.push('code loaded');
    });
    await page.getByRole('navigation').getByRole('link', { name: 'Systems' }).click();
    await page.getByRole('heading', { level: 1, name: 'Systems' }).waitFor();
    const summary = page.getByRole('region', { name: 'Systems by status' });
    await summary.getByRole('button', { name: /^1\s*Down/ }).waitFor();
    expect(events).toEqual(['data asked', 'code loaded']);
    await summary.getByRole('button', { name: /^2\s*Impacted/ }).waitFor();
    await summary.getByRole('button', { name: /^1\s*Degraded/ }).waitFor();
    await row(page, 'Single sign-on').getByText('Major outage').waitFor();
    expect(await row(page, 'Single sign-on').getByText('Impacted by').count()).toBe(0);
    const lms = row(page, 'Learning management system');
    await lms.getByText('Major outage').waitFor();
    await lms.getByText('Impacted by').waitFor();
    await lms.getByRole('link', { name: 'Single sign-on' }).waitFor();
    await row(page, 'Staff email').getByText('Degraded by').waitFor();
    await row(page, 'Single sign-on').getByRole('cell', { name: 'admin', exact: true }).waitFor();
    await expectAccessible(page, 'systems-board');

    // A summary count filters the board; so do the search and the tier.
    await summary.getByRole('button', { name: /^1\s*Down/ }).click();
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(1);
    await summary.getByRole('button', { name: /^1\s*Down/ }).click();
    await page.getByRole('searchbox', { name: 'Search systems' }).fill('gradebook');
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(1);
    await row(page, 'Gradebook sync').getByText('Impacted by').waitFor();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(4);
    // Two changes in one moment (a status filter, then a search, before the page has redrawn) both stay.
    await page.evaluate(() => {
      Array.from(document.querySelectorAll('button'))
        .find((b) => /^1\s*Down/.test(b.textContent ?? ''))!
        .click();
      const search = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(search, 'single');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => new URL(page.url()).search).toBe('?status=down&q=single');
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(4);

    // The graph: every system a link, reached with Tab and opened with Enter.
    await page.getByRole('tab', { name: 'Dependency graph' }).click();
    const graph = page.getByRole('group', { name: /^Dependency graph: 4 systems/ });
    const lmsNode = graph.getByRole('link', { name: 'Learning management system Impacted by Single sign-on, Major outage' });
    await lmsNode.waitFor();
    await graph.getByRole('link', { name: 'Staff email Degraded' }).waitFor();
    await page.getByText('The same dependencies as a list').waitFor();
    await expectAccessible(page, 'systems-graph');
    await lmsNode.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Learning management system' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/systems/lms');
    await page.getByRole('region', { name: 'Depends on' }).getByRole('link', { name: 'Single sign-on' }).waitFor();
    await page.getByRole('region', { name: 'Status now' }).getByText('Impacted by').waitFor();
    await page.getByRole('region', { name: 'Checks' }).getByText('Up', { exact: true }).waitFor();
    await expectAccessible(page, 'systems-lms');

    // From the LMS's neighbourhood graph to SSO, which names what needs it.
    const neighbourhood = page.getByRole('region', { name: 'Dependencies of Learning management system' });
    await neighbourhood.getByRole('link', { name: 'Single sign-on Major outage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Single sign-on' }).waitFor();
    const neededBy = page.getByRole('region', { name: 'Needed by' });
    await neededBy.getByRole('link', { name: 'Learning management system' }).waitFor();
    await neededBy.getByRole('link', { name: 'Staff email' }).waitFor();
    await page.getByRole('region', { name: 'Checks' }).getByText('Down', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Details' }).getByText('admin (admin@test.example.org)').waitFor();
    await expectAccessible(page, 'systems-sso');
    expect(errors).toEqual([]);
  });

  it('lets an administrator edit a system, refusing a cycle with the path that closes it', async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'admin@test.example.org');
    await page.goto(`${product.url}/systems/sso`);
    await page.getByRole('heading', { level: 1, name: 'Single sign-on' }).waitFor();

    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Single sign-on' });
    await dialog.getByRole('textbox', { name: 'Vendor' }).fill('Okta');
    await dialog.getByRole('button', { name: 'Add a dependency' }).click();
    await dialog.getByRole('textbox', { name: 'Dependency 1', exact: true }).click();
    await page.getByRole('option', { name: 'Gradebook sync (gradebook)' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    // SSO → gradebook → LMS → SSO: the server refuses, and the form says which path, at the field.
    await dialog
      .getByRole('alert')
      .getByText(
        'This would make a dependency cycle: Single sign-on (sso) → Gradebook sync (gradebook) → Learning management system (lms) → Single sign-on (sso)',
      )
      .waitFor();
    const dependency = dialog.getByRole('textbox', { name: 'Dependency 1', exact: true });
    expect(await dependency.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('dependency cycle: sso → gradebook → lms → sso').waitFor();
    await expectAccessible(page, 'systems-cycle');

    // Without the dependency the change goes through.
    await dialog.getByRole('button', { name: 'Remove dependency 1' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Details' }).getByText('Okta').waitFor();
  });

  it('imports YAML from the browser, showing the line and field of a mistake', async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.goto(`${product.url}/systems`);
    await page.getByRole('button', { name: 'Import YAML' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import systems from YAML' });
    const choose = async (name: string, text: string) => {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        dialog.getByRole('button', { name: 'Choose the YAML file' }).click(),
      ]);
      await chooser.setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
      await dialog.getByText(`File: ${name}`).waitFor();
    };

    await choose('bad.yaml', 'systems:\n  - id: wifi\n    name: Wi-Fi\n    tier: 5\n');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.getByText('Import refused: nothing was changed').waitFor();
    await refusal.getByText('Line 4, column 11').waitFor();
    await refusal.getByText('Field: systems.0.tier').waitFor();
    await refusal.getByText('must be 1, 2 or 3').waitFor();
    await expectAccessible(page, 'systems-import-refused');

    await choose('wifi.yaml', 'systems:\n  - { id: wifi, name: Campus Wi-Fi, category: wifi, tier: 2 }\n');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByText('Import finished').waitFor();
    await dialog
      .getByRole('row', { name: /Added \(1\)/ })
      .getByText('wifi')
      .waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await row(page, 'Campus Wi-Fi').getByText('Unknown').waitFor();
  });

  it('draws the board into the page itself: readable and usable before the app has loaded, which then takes its place where it stands', async () => {
    const { cookie } = await apiSignIn(product.app, 'admin@test.example.org');
    const session = { name: 'dops_session', value: cookie.slice('dops_session='.length), url: product.url };

    // The page as the server sends it, with none of the app's code (a slow connection, a blocked script).
    const bare = await openPage(browser);
    await bare.context.addCookies([session]);
    await bare.context.route(/\/assets\/.*\.js$/, (r) => r.abort());
    await bare.page.goto(`${product.url}/systems`);
    await row(bare.page, 'Single sign-on').getByText('Major outage').waitFor();
    await row(bare.page, 'Learning management system').getByText('Impacted by').waitFor();
    await bare.page
      .getByRole('region', { name: 'Systems by status' })
      .getByRole('link', { name: /^1\s*Down/ })
      .waitFor();
    const drawn = await row(bare.page, 'Single sign-on').getByRole('link', { name: 'Single sign-on' }).boundingBox();
    await expectAccessible(bare.page, 'systems-board-first-paint');
    // Its search is a form, and a status count a link: both give the board the app would show for that URL.
    await bare.page.getByRole('searchbox', { name: 'Search systems' }).fill('gradebook');
    await bare.page.keyboard.press('Enter');
    await bare.page.waitForURL((u) => u.searchParams.get('q') === 'gradebook');
    await expect.poll(() => bare.page.getByRole('rowheader').count()).toBe(1);
    await row(bare.page, 'Gradebook sync').getByText('Impacted by').waitFor();
    await bare.page.goto(`${product.url}/systems`);
    await bare.page
      .getByRole('region', { name: 'Systems by status' })
      .getByRole('link', { name: /^2\s*Impacted/ })
      .click();
    await bare.page.waitForURL((u) => u.searchParams.get('status') === 'impacted');
    await expect.poll(() => bare.page.getByRole('rowheader').count()).toBe(2);
    expect(bare.errors).toEqual([]);
    await bare.context.close();

    // With the app: its board replaces the server's, the first row where it was drawn, and works.
    const { context, page, errors } = await openPage(browser);
    await context.addCookies([session]);
    await page.goto(`${product.url}/systems`);
    await appShown(page);
    const summary = page.getByRole('region', { name: 'Systems by status' });
    await summary.getByRole('button', { name: /^1\s*Down/ }).waitFor();
    const shown = await row(page, 'Single sign-on').getByRole('link', { name: 'Single sign-on' }).boundingBox();
    expect(Math.abs(shown!.y - drawn!.y), `first row drawn at ${drawn!.y}, shown at ${shown!.y}`).toBeLessThanOrEqual(3);
    expect(Math.abs(shown!.x - drawn!.x)).toBeLessThanOrEqual(4);
    await summary.getByRole('button', { name: /^1\s*Down/ }).click();
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs in someone whose session had ended and takes them to the board, not back to signing in', async () => {
    // The board's data was asked for early with the old session (and refused): signing in must not reuse that answer.
    const { context, page, errors } = await openPage(browser);
    await context.addCookies([{ name: 'dops_session', value: 'ended-session', url: product.url }]);
    await page.goto(`${product.url}/systems`);
    await page.waitForURL((u) => u.pathname === '/sign-in');
    await page.getByRole('textbox', { name: /^email/i }).fill('admin@test.example.org');
    await page.getByLabel(/^password/i).fill(PASSWORD);
    await page.getByRole('button', { name: /^sign in$/i }).click();
    await row(page, 'Learning management system').getByText('Impacted by').waitFor();
    expect(new URL(page.url()).pathname).toBe('/systems');
    expect(errors).toEqual([]);
  });

  it('shows a board member the board read-only, and a teacher nothing', async () => {
    const board = await openPage(browser);
    await signIn(board.page, product.url, 'board@test.example.org');
    await board.page.getByRole('navigation').getByRole('link', { name: 'Systems' }).click();
    await row(board.page, 'Learning management system').getByText('Impacted by').waitFor();
    for (const action of ['Add a system', 'Import YAML', 'Export YAML']) {
      expect(await board.page.getByRole('button', { name: action }).count()).toBe(0);
      expect(await board.page.getByRole('link', { name: action }).count()).toBe(0);
    }
    // Opened directly, the server draws the board into the page; the app then asks for its data
    // once (the router starts it with the page's code, and the board takes that answer).
    const asked: string[] = [];
    board.page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/status') asked.push(r.url());
    });
    await board.page.goto(`${product.url}/systems`);
    await appShown(board.page);
    await row(board.page, 'Learning management system').getByText('Impacted by').waitFor();
    expect(asked).toHaveLength(1);
    await board.page.getByRole('link', { name: 'Learning management system' }).click();
    await board.page.getByRole('heading', { level: 1, name: 'Learning management system' }).waitFor();
    await board.page.getByRole('region', { name: 'Depends on' }).waitFor();
    expect(await board.page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await board.page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await expectAccessible(board.page, 'systems-board-member');

    const teacher = await openPage(browser);
    await signIn(teacher.page, product.url, 'teacherTess@test.example.org');
    expect(await teacher.page.getByRole('navigation').getByRole('link', { name: 'Systems' }).count()).toBe(0);
    await teacher.page.goto(`${product.url}/systems`);
    await teacher.page.getByRole('heading', { name: 'Not permitted or not found' }).waitFor();
  });
});
