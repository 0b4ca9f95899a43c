import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as apiSignIn } from '../helpers/app';
import { expectAccessible, launchBrowser, openPage, screenshot } from './browser';
import { startProduct, type Product } from './product';

const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
/** A calendar day as the page writes it (UTC days, like the server's rollups). */
const dayLabel = (ms: number, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);

/** Systems for families and for staff, one hidden; a little history; an open incident with an update; maintenance tomorrow. */
async function seed(product: Product) {
  const admin = await apiSignIn(product.app, 'admin@test.example.org');
  const yaml = `systems:
  - id: sso
    name: Okta tenant riverside-prod
    tier: 1
    audience: both
    public: { en: Sign-in, es: Inicio de sesión }
    checks: [{ type: heartbeat, interval: 1d, grace: 1h }]
  - id: lms
    name: Canvas LMS
    tier: 1
    audience: families
    public: { en: Classes and homework, es: Clases y tareas }
    dependsOn: [sso]
    checks: [{ type: heartbeat, interval: 1d, grace: 1h }]
  - { id: payroll, name: Payroll, tier: 2, audience: staff, public: { en: Payroll, es: Nómina } }
  - { id: core-switch, name: Core switch 3, tier: 1, audience: hidden }
`;
  const imported = await admin.inject({ method: 'POST', url: '/api/systems/import', payload: { yaml } });
  expect(imported.statusCode, imported.body).toBe(200);
  const beats = imported.json<{ heartbeats: { systemId: string; path: string }[] }>().heartbeats;
  // Sign-in's nightly beat arrived: its checks say it is up.
  expect((await product.app.inject({ method: 'POST', url: beats.find((b) => b.systemId === 'sso')!.path })).statusCode).toBe(200);

  // Three days ago a quiet day for the classes system; two days ago, half a day down.
  const { rows } = await product.app.db.query<{ id: string; district_id: string }>(
    "SELECT id, district_id FROM system_checks WHERE system_id = 'lms'",
  );
  for (const [ago, ok] of [
    [3, 1440],
    [2, 720],
  ] as const) {
    await product.app.db.query(
      `INSERT INTO check_rollups (district_id, check_id, resolution, bucket, total, ok, latency_sum, latency_max)
       VALUES ($1, $2, 'day', $3, 1440, $4, 0, 0)`,
      [rows[0]!.district_id, rows[0]!.id, new Date(today - ago * DAY), ok],
    );
  }

  const incident = await admin.inject({
    method: 'POST',
    url: '/api/incidents',
    payload: {
      title: { en: 'Trouble signing in', es: 'Problemas para iniciar sesión' },
      systemIds: ['sso', 'core-switch'],
      message: {
        en: 'Some families cannot sign in. We are looking into it.',
        es: 'Algunas familias no pueden iniciar sesión. Lo estamos revisando.',
      },
    },
  });
  expect(incident.statusCode, incident.body).toBe(201);
  const update = await admin.inject({
    method: 'POST',
    url: `/api/incidents/${incident.json<{ id: string }>().id}/updates`,
    payload: {
      status: 'identified',
      message: { en: 'We found the cause: an expired certificate.', es: 'Encontramos la causa: un certificado caducado.' },
      note: 'okta admin creds in vault 7',
    },
  });
  expect(update.statusCode, update.body).toBe(200);

  const tomorrow = today + DAY;
  const maintenance = await admin.inject({
    method: 'POST',
    url: '/api/maintenance',
    payload: {
      title: { en: 'Classes system upgrade', es: 'Actualización del sistema de clases' },
      systemIds: ['lms'],
      startsAt: new Date(tomorrow + 2 * 3_600_000).toISOString(),
      endsAt: new Date(tomorrow + 4 * 3_600_000).toISOString(),
    },
  });
  expect(maintenance.statusCode, maintenance.body).toBe(201);
}

/** The list item of one system (its name is a heading inside it). */
const systemRow = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });

describe('the public status page', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    await seed(product);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('tells families without signing in what works, what does not and what is planned, in English and Spanish', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${product.url}/status?district=riverside`);
    await page.getByRole('heading', { level: 1, name: 'Service status' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/status');
    expect(await context.cookies()).toEqual([]);
    await page.getByText('Riverside Unified', { exact: true }).waitFor();
    // The open incident weighs on the banner, even though Sign-in's own checks pass.
    await page.getByRole('status').filter({ hasText: 'Some systems have problems' }).waitFor();

    // Public names only: no staff system, no hidden one, no internal name, no internal note.
    const systems = page.getByRole('region', { name: 'Systems' });
    expect(await systems.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['Classes and homework', 'Sign-in']);
    const body = await page.locator('body').innerText();
    for (const secret of ['Payroll', 'Okta', 'Canvas', 'Core switch', 'vault']) expect(body).not.toContain(secret);
    await systemRow(page, 'Sign-in').getByText('Operational', { exact: true }).waitFor();
    const lms = systemRow(page, 'Classes and homework');
    await lms.getByText('Unknown', { exact: true }).waitFor();
    await lms.getByText('75% uptime over the last 90 days. Problems on 1 day.').waitFor();

    // The incident with both its updates, the newest first.
    const incidents = page.getByRole('region', { name: 'Current problems' });
    const incident = incidents.getByRole('article', { name: 'Trouble signing in' });
    await incident.getByText('Major outage').waitFor();
    await incident.getByText('Affects: Sign-in', { exact: true }).waitFor();
    expect(await incident.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Identified · .+\n+We found the cause: an expired certificate\.$/),
      expect.stringMatching(/^Investigating · .+\n+Some families cannot sign in\. We are looking into it\.$/),
    ]);
    const planned = page.getByRole('region', { name: 'Planned maintenance' }).getByRole('article', { name: 'Classes system upgrade' });
    await planned.getByText('Affects: Classes and homework').waitFor();
    await expectAccessible(page, 'status-page-en');

    // A keyboard user reaches the days: one tab stop (today), then the arrow keys.
    const bars = lms.getByRole('group', { name: 'Classes and homework, day by day' });
    expect(await bars.getByRole('img').count()).toBe(90);
    await bars.getByRole('img').last().focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const twoDaysAgo = `${dayLabel(today - 2 * DAY, 'en-US')}: Minor problems, 50% uptime`;
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(twoDaysAgo);
    await lms.getByText(twoDaysAgo, { exact: true }).waitFor(); // spelled out under the bars too
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `${dayLabel(today - 3 * DAY, 'en-US')}: No problems, 100% uptime`,
    );
    expect(await bars.locator('[tabindex="0"]').count()).toBe(1);

    // Spanish: the page's words and the server's (names, labels, incident and maintenance texts).
    await page.getByRole('banner').getByText('Español', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Estado de los servicios' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByRole('status').filter({ hasText: 'Algunos sistemas tienen problemas' }).waitFor();
    const sistemas = page.getByRole('region', { name: 'Sistemas' });
    await sistemas.getByRole('heading', { name: 'Inicio de sesión' }).waitFor();
    expect(await sistemas.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['Clases y tareas', 'Inicio de sesión']);
    await systemRow(page, 'Inicio de sesión').getByText('Operativo', { exact: true }).waitFor();
    await systemRow(page, 'Clases y tareas').getByText('Desconocido', { exact: true }).waitFor();
    await systemRow(page, 'Clases y tareas')
      .getByText(/^75\s?% de disponibilidad en los últimos 90 días\. Problemas en 1 día\.$/)
      .waitFor();
    const incidente = page
      .getByRole('region', { name: 'Problemas actuales' })
      .getByRole('article', { name: 'Problemas para iniciar sesión' });
    await incidente.getByText('Interrupción grave').waitFor();
    await incidente.getByText('Afecta a: Inicio de sesión', { exact: true }).waitFor();
    await incidente.getByText(/^Identificado · /).waitFor();
    await incidente.getByText('Encontramos la causa: un certificado caducado.').waitFor();
    await page
      .getByRole('region', { name: 'Mantenimiento programado' })
      .getByRole('article', { name: 'Actualización del sistema de clases' })
      .waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Sign-in');
    await expectAccessible(page, 'status-page-es');
    expect(errors).toEqual([]);
  });

  it('fits a phone (here in the dark theme): no sideways scrolling, and a month of bars wide enough to tap', async () => {
    const { page, errors } = await openPage(browser, { colorScheme: 'dark' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${product.url}/status?district=riverside`);
    const lms = systemRow(page, 'Classes and homework');
    await lms.getByText('75% uptime over the last 90 days. Problems on 1 day.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const bars = lms.getByRole('img');
    expect(await bars.count()).toBe(30);
    expect((await bars.first().boundingBox())!.width).toBeGreaterThanOrEqual(8);
    await lms.getByText('30 days ago').waitFor();
    // A tap on a day spells it out.
    await bars.nth(27).click();
    await lms.getByText(`${dayLabel(today - 2 * DAY, 'en-US')}: Minor problems, 50% uptime`, { exact: true }).waitFor();
    await screenshot(page, 'status-page-mobile');
    await expectAccessible(page, 'status-page-mobile-axe');
    expect(errors).toEqual([]);
  });
});
