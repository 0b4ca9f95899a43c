import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { PASSWORD } from '../helpers/fixture';
import { chromiumLaunchOptions } from './chromium';
import { screenshotDir } from './paths';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's chromium, headless, with everything that would phone home turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark';
  locale?: string;
}

/**
 * A fresh browser profile (no cookies, no saved language) and a page that fails the test on script
 * errors and on anything our Content-Security-Policy refused (an eval, an outside script), which
 * the browser reports without throwing.
 */
export async function openPage(
  browser: Browser,
  opts: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    colorScheme: opts.colorScheme ?? 'light',
    locale: opts.locale ?? 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const errors: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, text: string) => errors.push(`CSP refused ${text}`));
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

export async function signIn(page: Page, url: string, email: string, password = PASSWORD) {
  await page.goto(`${url}/sign-in`);
  await page.getByRole('textbox', { name: /^(email|correo electrónico)/i }).fill(email);
  await page.getByLabel(/^(password|contraseña)/i).fill(password);
  await page.getByRole('button', { name: /^(sign in|iniciar sesión)$/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Keeps a screenshot of the page as a test artifact (test-results/screenshots, not committed). */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and fails on any serious or
 * critical violation, listing each rule and where it fails. Also keeps a screenshot.
 */
export async function expectAccessible(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  // Evaluated through the DevTools protocol rather than a <script> tag, so the app's CSP stays on during tests.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(serious, `axe violations on ${name}`).toEqual([]);
}
