import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as apiSignIn } from '../helpers/app';
import { startWebhookReceiver } from '../helpers/webhook-receiver';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

const TITLE = 'Sign-in is failing';

async function pick(page: Page, scope: Locator, field: RegExp, option: string) {
  await scope.getByRole('textbox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  // Closes the list without Escape, which would close the dialog too.
  await scope.getByRole('heading').first().click();
}

/** The legal moves the update form offers, by their labels. */
const stateChoices = async (page: Page) =>
  page
    .getByRole('region', { name: 'Post an update' })
    .getByRole('radio')
    .evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent ?? ''));

async function postUpdate(page: Page, move: string, fill: { en?: string; es?: string; note?: string } = {}) {
  const form = page.getByRole('region', { name: 'Post an update' });
  await form.getByRole('radio', { name: move }).check();
  if (fill.en) await form.getByRole('textbox', { name: 'Update in English' }).fill(fill.en);
  if (fill.es) await form.getByRole('textbox', { name: 'Update in Spanish' }).fill(fill.es);
  if (fill.note) await form.getByRole('textbox', { name: /^Internal note/ }).fill(fill.note);
  await form.getByRole('button', { name: 'Post the update' }).click();
}

const fact = (page: Page, label: string) => page.getByRole('region', { name: 'Summary' }).locator('dt', { hasText: label }).locator('+ dd');

describe('incidents and maintenance', () => {
  let product: Product;
  let browser: Browser;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    [product, browser, hooks] = await Promise.all([startProduct(), launchBrowser(), startWebhookReceiver()]);
    const it_ = await apiSignIn(product.app, 'it@test.example.org');
    const yaml = `systems:
  - { id: sso, name: Single sign-on, tier: 1, audience: both, public: { en: Sign-in, es: Inicio de sesión } }
  - { id: lms, name: Learning management system, tier: 1, audience: both, public: { en: Classes, es: Clases }, dependsOn: [sso] }
notifications:
  - { type: webhook, url: "${hooks.url}/it" }
`;
    const res = await it_.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
    await hooks?.close();
  });

  it('takes an incident opened by hand from investigating to resolved, with its postmortem', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.getByRole('navigation').getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByText('No open incidents. Everything reported has been resolved.').waitFor();
    await expectAccessible(page, 'incidents-empty');

    await page.getByRole('button', { name: 'Open an incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open an incident' });
    // Nothing filled in: each missing field says so, before anything is sent.
    await dialog.getByRole('button', { name: 'Open the incident' }).click();
    const titleEs = dialog.getByRole('textbox', { name: /^Title in Spanish/ });
    expect(await titleEs.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'incident-open-errors');

    await dialog.getByRole('textbox', { name: /^Title in English/ }).fill(TITLE);
    await titleEs.fill('El inicio de sesión falla');
    await pick(page, dialog, /^Affected systems/, 'Single sign-on');
    await dialog.getByRole('textbox', { name: /^Update in English/ }).fill('Staff and students cannot sign in.');
    await dialog.getByRole('textbox', { name: /^Update in Spanish/ }).fill('El personal y los alumnos no pueden iniciar sesión.');
    await dialog.getByRole('button', { name: 'Open the incident' }).click();
    await page.getByText('Incident opened. The alert channels have been told.').waitFor();

    // The incident's own page: its Spanish update on the timeline, and only forward moves offered.
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('El personal y los alumnos no pueden iniciar sesión.').waitFor();
    expect(await stateChoices(page)).toEqual(['Stay Investigating', 'Move to Identified', 'Move to Monitoring', 'Move to Resolved']);
    await expectAccessible(page, 'incident-investigating');

    await postUpdate(page, 'Move to Identified', { note: 'Vendor ticket 4411: expired signing certificate' });
    await page.getByText('Update posted.').waitFor();
    await page.getByText('Internal note: staff only').waitFor();
    await page.getByText('Vendor ticket 4411: expired signing certificate').waitFor();
    expect(await stateChoices(page)).toEqual(['Stay Identified', 'Move to Monitoring', 'Move to Resolved']);

    await postUpdate(page, 'Move to Monitoring', {
      en: 'A fix is in place; we are watching it.',
      es: 'Hay una solución; la estamos vigilando.',
    });
    await page.getByText('Hay una solución; la estamos vigilando.').waitFor();
    expect(await stateChoices(page)).toEqual(['Stay Monitoring', 'Move to Resolved']);
    expect(await fact(page, 'Time to resolve').innerText()).toMatch(/^Ongoing, /);
    await page.getByText('The postmortem can be written once the incident is resolved.').waitFor();

    // Families reading the status page in Spanish see the public update, never the internal note.
    const statusPage = await (await fetch(`${product.url}/api/status/public?district=riverside&lang=es`)).text();
    expect(statusPage).toContain('Hay una solución; la estamos vigilando.');
    expect(statusPage).toContain('El inicio de sesión falla');
    expect(statusPage).not.toContain('4411');
    expect(statusPage).not.toContain('signing certificate');

    await postUpdate(page, 'Move to Resolved', { en: 'Sign-in works again.', es: 'El inicio de sesión vuelve a funcionar.' });
    await page.getByText('Incident resolved.').waitFor();
    await page.getByText('This incident is resolved and stays resolved.', { exact: false }).waitFor();
    const ttr = await fact(page, 'Time to resolve').innerText();
    expect(ttr).toMatch(/^\d+ (sec|min)/);

    const postmortem = page.getByRole('textbox', { name: /^What happened, why, and what will change/ });
    await postmortem.fill('The identity provider’s signing certificate expired. A TLS check now warns 30 days ahead.');
    await page.getByRole('button', { name: 'Save the postmortem' }).click();
    await page.getByText('Postmortem saved.').waitFor();
    await expectAccessible(page, 'incident-resolved');
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: /^What happened/ }).inputValue()).toContain('signing certificate expired');

    // Listed as resolved, with the same time to resolve, and counted in this month's figures.
    await page.getByRole('link', { name: 'All incidents' }).click();
    await page.getByText('No open incidents. Everything reported has been resolved.').waitFor();
    const row = page.getByRole('table', { name: 'Resolved incidents' }).getByRole('row').filter({ hasText: TITLE });
    await row.getByText('Resolved', { exact: true }).waitFor();
    await row.getByText('Single sign-on').waitFor();
    expect(await row.getByRole('cell').last().innerText()).toBe(ttr);
    const month = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date());
    const figures = page.getByRole('table', { name: 'Incidents per month, with the mean time to detect and to resolve' });
    await figures.getByRole('rowheader', { name: month }).waitFor({ state: 'attached' });
    const thisMonth = await figures.getByRole('row').filter({ hasText: month }).getByRole('cell').allInnerTexts();
    expect(thisMonth).toEqual(['1', expect.stringMatching(/sec/), ttr]);
    await expectAccessible(page, 'incidents-resolved');

    // The alert channel heard the incident open and close.
    await expect
      .poll(() => hooks.received.map((h) => (h.body as { event: string }).event))
      .toEqual(['incident.opened', 'incident.resolved']);
    expect(errors).toEqual([]);
  });

  it('plans a weekly maintenance window in the district’s time zone, shows its next occurrences, and edits it', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'it@test.example.org');
    await page.getByRole('navigation').getByRole('link', { name: 'Maintenance', exact: true }).click();
    await page.getByText('No maintenance planned.').waitFor();
    await page.getByText(/^Times are in America\/Chicago \((CST|CDT)\), the district’s time zone\.$/).waitFor();
    await expectAccessible(page, 'maintenance-empty');

    await page.getByRole('button', { name: 'Plan maintenance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan maintenance' });
    await dialog.getByRole('textbox', { name: /^Public title in English/ }).fill('Learning platform updates');
    await dialog.getByRole('textbox', { name: /^Public title in Spanish/ }).fill('Actualizaciones de la plataforma');
    await pick(page, dialog, /^Affected systems/, 'Learning management system');
    await dialog.getByText('Every week', { exact: true }).click();
    // No day chosen: said at the field.
    await dialog.getByRole('button', { name: 'Plan the maintenance' }).click();
    const days = dialog.getByRole('group', { name: /^Days of the week/ });
    await expect.poll(() => days.getAttribute('aria-describedby')).toBeTruthy();
    expect(await page.locator(`#${await days.getAttribute('aria-describedby')}`).innerText()).toBe('Required');
    await expectAccessible(page, 'maintenance-form-errors');

    await dialog.getByRole('checkbox', { name: 'Wednesday' }).check();
    await dialog.getByRole('checkbox', { name: 'Saturday' }).check();
    await dialog.getByLabel(/^Start time/).fill('22:00');
    await dialog.getByRole('textbox', { name: /^Length in minutes/ }).fill('240');
    await dialog.getByRole('button', { name: 'Plan the maintenance' }).click();
    await page.getByText('Maintenance “Learning platform updates” planned.').waitFor();

    const row = page
      .getByRole('table', { name: 'Upcoming and recurring' })
      .getByRole('row')
      .filter({ hasText: 'Learning platform updates' });
    await row.getByText('Every Wednesday and Saturday at 10:00 PM for 4 hours').waitFor();
    await row.getByText('Learning management system').waitFor();
    // The next occurrences, computed by the server from the rule: Wednesdays and Saturdays at 10 PM, Chicago time.
    const next = await row.getByRole('listitem').allInnerTexts();
    expect(next).toHaveLength(3);
    for (const occurrence of next) expect(occurrence).toMatch(/^(Wed|Sat), .+ 10:00 PM (CST|CDT)/);
    await expectAccessible(page, 'maintenance-planned');

    await row.getByRole('button', { name: 'Edit Learning platform updates' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit maintenance' });
    await edit.getByRole('textbox', { name: /^Length in minutes/ }).fill('90');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Maintenance “Learning platform updates” saved.').waitFor();
    await row.getByText('Every Wednesday and Saturday at 10:00 PM for 90 minutes').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a board member incidents and maintenance read-only', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'board@test.example.org');
    await page.goto(`${product.url}/incidents`);
    await page.getByRole('table', { name: 'Resolved incidents' }).getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('The identity provider’s signing certificate expired.', { exact: false }).waitFor();
    expect(await page.getByRole('region', { name: 'Post an update' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectAccessible(page, 'incident-board');

    await page.goto(`${product.url}/incidents`);
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    await page.getByRole('table', { name: 'Resolved incidents' }).waitFor();
    expect(await page.getByRole('button', { name: 'Open an incident' }).count()).toBe(0);
    await expectAccessible(page, 'incidents-board');

    await page.goto(`${product.url}/maintenance`);
    await page.getByRole('table', { name: 'Upcoming and recurring' }).getByText('Learning platform updates').waitFor();
    expect(await page.getByRole('button', { name: 'Plan maintenance' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    await expectAccessible(page, 'maintenance-board');
    expect(errors).toEqual([]);
  });
});
