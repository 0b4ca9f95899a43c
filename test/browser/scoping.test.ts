import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage, signIn } from './browser';
import { startProduct, type Product } from './product';

/** Each role sees its own slice: a teacher their classes, a principal their school, a family their children. */
describe('what each role may see', () => {
  let product: Product;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it("a teacher sees their classes and students, and gets the not-permitted page for another school's student", async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'teacherTess@test.example.org');
    const classes = page.getByRole('region', { name: 'Your classes' });
    await classes.getByRole('link', { name: 'Algebra I' }).waitFor();
    expect(await classes.getByRole('link').count()).toBe(1);
    // No district figures and no administration for a teacher.
    expect(await page.getByText('Your district today').count()).toBe(0);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Accounts and roles' }).count()).toBe(0);
    await expectAccessible(page, 'home-teacher');

    await classes.getByRole('link', { name: 'Algebra I' }).click();
    await page.getByRole('heading', { name: 'Algebra I', level: 1 }).waitFor();
    const roster = page.getByRole('table', { name: 'Students' });
    await roster.getByRole('link', { name: 'Alvarez, Ana' }).waitFor();
    await roster.getByRole('link', { name: 'Brooks, Ben' }).waitFor();
    await expectAccessible(page, 'class-teacher');

    await page.goto(`${product.url}/people`);
    await expect.poll(() => page.getByRole('table', { name: 'People' }).innerText()).toContain('Brooks, Ben');
    const directory = await page.getByRole('table', { name: 'People' }).innerText();
    expect(directory).not.toContain('Diaz');
    expect(directory).not.toContain('Castro');

    await page.goto(`${product.url}/people/${product.fixture.people.dee}`);
    await page.getByRole('heading', { name: 'Not permitted or not found', level: 1 }).waitFor();
    expect(await page.getByText('Dee').count()).toBe(0);
    await expectAccessible(page, 'not-permitted-teacher');
    expect(errors).toEqual([]);
  });

  it("a principal sees their school's figures and not another school's students", async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'principalNorth@test.example.org');
    const school = page.getByRole('region', { name: 'North High' });
    await expect.poll(() => school.getByRole('link', { name: /^Students\s*\d/ }).innerText()).toMatch(/Students\s+3/);
    await expectAccessible(page, 'home-principal');

    await school.getByRole('link', { name: 'Open North High' }).click();
    await page.getByRole('heading', { name: 'North High', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Classes' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: 'Biology' }).waitFor();
    await page.getByRole('tab', { name: 'Staff' }).click();
    await page.getByRole('table', { name: 'Staff' }).getByRole('link', { name: 'Tutor, Tom' }).waitFor();
    await expectAccessible(page, 'school-principal');

    await page.goto(`${product.url}/people/${product.fixture.people.dee}`);
    await page.getByRole('heading', { name: 'Not permitted or not found' }).waitFor();
  });

  it('a guardian sees only their own children, in Spanish once they choose it', async () => {
    const { page, errors } = await openPage(browser);
    await signIn(page, product.url, 'guardianGia@test.example.org');
    const children = page.getByRole('region', { name: 'Your children' });
    await children.getByRole('link', { name: 'Ana Alvarez' }).waitFor();
    await children.getByRole('link', { name: 'Dee Diaz' }).waitFor();
    expect(await children.getByRole('link').count()).toBe(2);
    // Families have no directory and no school list.
    const nav = await page.getByRole('navigation').innerText();
    expect(nav).not.toContain('People');
    expect(nav).not.toContain('Schools');
    await expectAccessible(page, 'home-guardian-en');

    await page.getByRole('banner').getByText('Español', { exact: true }).click();
    const hijos = page.getByRole('region', { name: 'Sus hijos' });
    await hijos.getByRole('link', { name: 'Dee Diaz' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Le damos la bienvenida/);
    await expectAccessible(page, 'home-guardian-es');

    await hijos.getByRole('link', { name: 'Dee Diaz' }).click();
    await page.getByRole('heading', { name: 'Dee Diaz', level: 1 }).waitFor();
    await page.getByText('Estudiante · South Middle · 7.º grado').waitFor();
    await expectAccessible(page, 'child-guardian-es');

    // Another family's child (Ben) and the directory are closed to a guardian, and say so in Spanish.
    await page.goto(`${product.url}/people/${product.fixture.people.ben}`);
    await page.getByRole('heading', { name: 'No permitido o no encontrado' }).waitFor();
    await expectAccessible(page, 'not-permitted-guardian-es');
    await page.goto(`${product.url}/people`);
    await page.getByRole('heading', { name: 'No permitido o no encontrado' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('a student sees their own record', async () => {
    const { page } = await openPage(browser);
    await signIn(page, product.url, 'studentAna@test.example.org');
    const record = page.getByRole('region', { name: 'Your school record' });
    await record.getByText('North High · Grade 9').waitFor();
    await record.getByText('Algebra I (Period 1)').waitFor();
    await expectAccessible(page, 'home-student');
    await page.goto(`${product.url}/people/${product.fixture.people.ben}`);
    await page.getByRole('heading', { name: 'Not permitted or not found' }).waitFor();
  });
});
