import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage, Lifecycle, RefreshForecast } from '../../src/shared/api/device-reports';
import { refreshForecast } from '../../src/server/modules/devices/lifecycle/refresh-forecast';
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
const as: Record<string, Client> = {};
const keys = ['admin', 'it', 'principalNorth', 'teacherTess', 'studentAna', 'guardianGia', 'board', 'privacy', 'adminB'];

beforeAll(async () => {
  t = await createTestApp();
  for (const key of keys) as[key] = await signIn(t.app, `${key}@test.example.org`);
});
afterAll(() => t.close());

const post = (c: Client, url: string, payload: unknown) => c.inject({ method: 'POST', url, payload: payload as object });
const patch = (c: Client, url: string, payload: unknown) => c.inject({ method: 'PATCH', url, payload: payload as object });
const get = (c: Client, url: string) => c.inject({ method: 'GET', url });

async function addModel(body: Record<string, unknown>) {
  const res = await post(as.it!, '/api/devices/models', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}
async function addDevice(assetTag: string, body: Record<string, unknown> = {}, by = as.it!) {
  const res = await post(by, '/api/devices', { assetTag, serial: `SN-${assetTag}`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** A day relative to today, as 'YYYY-MM-DD' (the lifecycle counts are against the real today). */
function daysFromToday(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

it('documents the fleet endpoints in the OpenAPI document', async () => {
  const doc = (await get(as.it!, '/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
  for (const [path, method] of [
    ['/api/devices/audits', 'post'],
    ['/api/devices/audits/{id}/scan', 'post'],
    ['/api/devices/audits/{id}/devices', 'get'],
    ['/api/devices/audits/{id}/close', 'post'],
    ['/api/devices/forecast', 'get'],
    ['/api/devices/lifecycle', 'get'],
    ['/api/devices/coverage', 'get'],
    ['/api/devices/export', 'get'],
    ['/api/devices/assignments/import', 'post'],
  ]) {
    expect(doc.paths[path!]?.[method!], `${method} ${path}`).toBeDefined();
  }
});

describe('refresh forecast', () => {
  const models: Record<string, string> = {};

  beforeAll(async () => {
    const { north, south } = t.fixture.schools;
    models.a = await addModel({
      manufacturer: 'Dell',
      name: 'Chromebook 3110',
      category: 'chromebook',
      expectedLifeYears: 4,
      replacementPrice: '300.00',
      aueDate: '2031-06-01',
    });
    models.b = await addModel({ manufacturer: 'Apple', name: 'iPad 9', category: 'tablet' });
    models.c = await addModel({
      manufacturer: 'Dell',
      name: 'Latitude 3140',
      category: 'laptop',
      expectedLifeYears: 5,
      replacementPrice: 900,
    });
    // End of life 2030-08-01 (2030–31) comes before the AUE (2031-06-01, also 2030–31).
    await addDevice('F-A1', { modelId: models.a, schoolId: north, purchaseDate: '2026-08-01' });
    // End of life 2029-03-01: before the first year forecast.
    await addDevice('F-A2', { modelId: models.a, schoolId: north, purchaseDate: '2025-03-01' });
    // No purchase date: the model's AUE alone.
    await addDevice('F-A3', { modelId: models.a, schoolId: north });
    // The device's own AUE (2029-07-15, 2029–30) overrides the model's and comes before its end of life.
    await addDevice('F-A4', { modelId: models.a, schoolId: north, purchaseDate: '2027-01-01', aueDate: '2029-07-15' });
    await addDevice('F-A5', { modelId: models.a, schoolId: north, purchaseDate: '2020-01-01', status: 'retired' });
    // No expected life, no AUE: unknown.
    await addDevice('F-B1', { modelId: models.b, schoolId: south, purchaseDate: '2024-01-01' });
    await addDevice('F-B2', { modelId: models.b, schoolId: south, aueDate: '2032-02-01' });
    await addDevice('F-X1');
    await addDevice('F-X2', { aueDate: '2040-01-01' });
    await addDevice('F-C1', { modelId: models.c, schoolId: north, purchaseDate: '2030-07-01' });
  });

  it('counts devices reaching AUE or end of life per school year with their replacement cost, and drops none', async () => {
    const res = await get(as.it!, '/api/devices/forecast?fromYear=2030&years=3');
    expect(res.statusCode).toBe(200);
    const f = res.json<RefreshForecast>();
    expect(f.fromYear).toBe(2030);
    expect(f.years).toEqual([
      {
        schoolYear: 2030,
        label: '2029–30',
        startsOn: '2029-07-01',
        endsOn: '2030-06-30',
        devices: 1,
        reachingAue: 1,
        reachingEndOfLife: 0,
        cost: '300.00',
        unpricedDevices: 0,
      },
      {
        schoolYear: 2031,
        label: '2030–31',
        startsOn: '2030-07-01',
        endsOn: '2031-06-30',
        devices: 2,
        reachingAue: 1,
        reachingEndOfLife: 1,
        cost: '600.00',
        unpricedDevices: 0,
      },
      {
        schoolYear: 2032,
        label: '2031–32',
        startsOn: '2031-07-01',
        endsOn: '2032-06-30',
        devices: 1,
        reachingAue: 1,
        reachingEndOfLife: 0,
        cost: '0.00',
        unpricedDevices: 1,
      },
    ]);
    expect(f.overdue).toEqual({ devices: 1, reachingAue: 0, reachingEndOfLife: 1, cost: '300.00', unpricedDevices: 0 });
    expect(f.beyondHorizon).toEqual({ devices: 2 });
    expect(f.unknownDates).toEqual({ devices: 2, noModel: 1, noPurchaseDate: 0, noExpectedLife: 1 });
    expect(f.totals).toEqual({ devices: 4, reachingAue: 3, reachingEndOfLife: 1, cost: '900.00', unpricedDevices: 1 });
    // Nine devices in service (the retired one is not), each counted exactly once.
    expect(f.fleet).toBe(9);

    expect(
      f.byModel.map((m) => [m.modelName, m.fleet, m.total.devices, m.total.cost, m.overdue.devices, m.beyondHorizon, m.unknownDates]),
    ).toEqual([
      ['iPad 9', 2, 1, '0.00', 0, 0, 1],
      ['Chromebook 3110', 4, 3, '900.00', 1, 0, 0],
      ['Latitude 3140', 1, 0, '0.00', 0, 1, 0],
      [null, 2, 0, '0.00', 0, 1, 1],
    ]);
    const chromebook = f.byModel.find((m) => m.modelName === 'Chromebook 3110')!;
    expect(chromebook.replacementPrice).toBe('300.00');
    expect(chromebook.years.map((y) => [y.schoolYear, y.devices, y.cost])).toEqual([
      [2030, 1, '300.00'],
      [2031, 2, '600.00'],
      [2032, 0, '0.00'],
    ]);
  });

  it('prices a model from its editable replacement price', async () => {
    const set = await patch(as.it!, `/api/devices/models/${models.b}`, { replacementPrice: 449.5 });
    expect(set.statusCode).toBe(200);
    expect(set.json().replacementPrice).toBe('449.50');
    let f = (await get(as.it!, '/api/devices/forecast?fromYear=2030&years=3')).json<RefreshForecast>();
    expect(f.years[2]).toMatchObject({ schoolYear: 2032, devices: 1, cost: '449.50', unpricedDevices: 0 });
    expect(f.totals.cost).toBe('1349.50');

    await patch(as.it!, `/api/devices/models/${models.a}`, { replacementPrice: '279.99' });
    f = (await get(as.it!, '/api/devices/forecast?fromYear=2030&years=3')).json<RefreshForecast>();
    expect(f.years.map((y) => y.cost)).toEqual(['279.99', '559.98', '449.50']);
    expect(f.totals.cost).toBe('1289.47');
    expect((await patch(as.it!, `/api/devices/models/${models.a}`, { replacementPrice: '-5' })).statusCode).toBe(400);
    expect((await patch(as.principalNorth!, `/api/devices/models/${models.a}`, { replacementPrice: '1' })).statusCode).toBe(403);
  });

  it('defaults to five school years from the current one', async () => {
    const f = (await get(as.board!, '/api/devices/forecast')).json<RefreshForecast>();
    const today = new Date().toISOString().slice(0, 10);
    const current = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 7 ? 1 : 0);
    expect(f.years.map((y) => y.schoolYear)).toEqual([current, current + 1, current + 2, current + 3, current + 4]);
    expect(f.fleet).toBe(9);
    expect((await get(as.it!, '/api/devices/forecast?years=0')).statusCode).toBe(400);
  });

  it('is the service the Budget module imports: the same figures for a district id', async () => {
    const viaHttp = (await get(as.it!, '/api/devices/forecast?fromYear=2030&years=3')).json<RefreshForecast>();
    const direct = await refreshForecast(t.testDb.db, t.fixture.districtA, { fromYear: 2030, years: 3 });
    expect(direct).toEqual(viaHttp);
  });

  it('shows a principal their schools only, refuses teachers and students, and keeps districts apart', async () => {
    const p = (await get(as.principalNorth!, '/api/devices/forecast?fromYear=2030&years=3')).json<RefreshForecast>();
    expect(p.fleet).toBe(5); // A1–A4 and C1 are North High's
    expect(p.unknownDates.devices).toBe(0);
    const other = (await get(as.principalNorth!, `/api/devices/forecast?schoolId=${t.fixture.schools.south}`)).json<RefreshForecast>();
    expect(other.fleet).toBe(0);
    for (const key of ['teacherTess', 'studentAna', 'guardianGia'])
      expect((await get(as[key]!, '/api/devices/forecast')).statusCode, key).toBe(403);
    expect((await get(as.adminB!, '/api/devices/forecast')).json().fleet).toBe(0);
  });
});

describe('lifecycle by model', () => {
  it('counts devices in service by age, AUE and end of life', async () => {
    const model = await addModel({
      manufacturer: 'Acer',
      name: 'Spin 511',
      category: 'chromebook',
      expectedLifeYears: 3,
      aueDate: daysFromToday(100),
    });
    const { south } = t.fixture.schools;
    await addDevice('L-1', { modelId: model, schoolId: south, purchaseDate: daysFromToday(-180) });
    await addDevice('L-2', { modelId: model, schoolId: south, purchaseDate: daysFromToday(-(2 * 365 + 40)), aueDate: daysFromToday(-10) });
    await addDevice('L-3', { modelId: model, schoolId: south, purchaseDate: daysFromToday(-(3 * 365 + 60)) });
    await addDevice('L-4', { modelId: model, schoolId: south, aueDate: daysFromToday(5 * 365) });
    await addDevice('L-5', { modelId: model, schoolId: south, purchaseDate: daysFromToday(-30), status: 'retired' });

    const res = await get(as.privacy!, '/api/devices/lifecycle');
    expect(res.statusCode).toBe(200);
    const life = res.json<Lifecycle>();
    const spin = life.models.find((m) => m.modelName === 'Spin 511')!;
    expect(spin).toMatchObject({
      manufacturer: 'Acer',
      devices: 4,
      expectedLifeYears: 3,
      byAge: { under1: 1, years1to2: 0, years2to3: 1, years3to4: 1, years4to5: 0, years5plus: 0, unknown: 1 },
      aue: { past: 1, withinYear: 2, later: 1, unknown: 0 },
      pastEndOfLife: 1,
    });
    expect(spin.averageAgeYears).toBeGreaterThan(1.8);
    expect(spin.averageAgeYears).toBeLessThan(2.1);
    expect(life.totals.devices).toBe(life.models.reduce((n, m) => n + m.devices, 0));

    const north = (await get(as.principalNorth!, '/api/devices/lifecycle')).json<Lifecycle>();
    expect(north.models.find((m) => m.modelName === 'Spin 511')).toBeUndefined();
    expect((await get(as.teacherTess!, '/api/devices/lifecycle')).statusCode).toBe(403);
  });
});

describe('1:1 coverage by school', () => {
  beforeAll(async () => {
    const { north, south } = t.fixture.schools;
    const { ana, ben } = t.fixture.people;
    const mine = await addDevice('C-1', { schoolId: north });
    await post(as.it!, `/api/devices/${mine}/checkout`, { assignee: { type: 'student', personId: ana } });
    const loaner = await addDevice('C-2', { schoolId: north });
    await post(as.it!, `/api/devices/${loaner}/checkout`, { assignee: { type: 'student', personId: ben }, kind: 'loaner' });
    await addDevice('C-3', { schoolId: north, status: 'in_repair' });
    await addDevice('C-4', { schoolId: south, status: 'stolen' });
    await addDevice('C-5', { schoolId: south, status: 'lost' });
  });

  const row = (c: Coverage, name: string) => c.schools.find((s) => s.schoolName === name)!;

  it('counts enrolled students, those holding a device of their own, and the school’s devices by state', async () => {
    const res = await get(as.board!, '/api/devices/coverage');
    expect(res.statusCode).toBe(200);
    const c = res.json<Coverage>();
    expect(c.session).toBeNull();
    expect(c.schools.map((s) => s.schoolName)).toEqual(['North High', 'South Middle']);
    // Ana holds her own device; Ben only a loaner; Cal nothing.
    expect(row(c, 'North High')).toMatchObject({ enrolledStudents: 3, studentsWithDevice: 1, coveragePercent: 33.3 });
    expect(row(c, 'North High').devices).toMatchObject({ assigned: 1, onLoan: 1, inRepair: 1, lost: 0, stolen: 0 });
    expect(row(c, 'South Middle')).toMatchObject({ enrolledStudents: 1, studentsWithDevice: 0, coveragePercent: 0 });
    expect(row(c, 'South Middle').devices).toMatchObject({ lost: 1, stolen: 1, assigned: 0 });
    expect(c.totals).toMatchObject({ enrolledStudents: 4, studentsWithDevice: 1, coveragePercent: 25 });
    expect(c.noSchool.inStock).toBeGreaterThan(0); // F-X1, F-X2 belong to no school
    expect(c.totals.devices.inStock).toBe(c.schools.reduce((n, s) => n + s.devices.inStock, 0) + c.noSchool.inStock);
  });

  it('counts only the current session’s enrollments, and a student at two schools once in the totals', async () => {
    const db = t.testDb.db;
    const { districtA, schools, classes, people } = t.fixture;
    const session = async (sid: string, type: string, start: string, end: string, year: number) =>
      (
        await db.query<{ id: string }>(
          `INSERT INTO academic_sessions (district_id, sourced_id, title, session_type, start_date, end_date, school_year)
           VALUES ($1, $2, $2, $3, $4, $5, $6) RETURNING id`,
          [districtA, sid, type, start, end, year],
        )
      ).rows[0]!.id;
    const current = await session('sy-now', 'schoolYear', daysFromToday(-100), daysFromToday(200), 2099);
    await session('sy-old', 'schoolYear', daysFromToday(-500), daysFromToday(-150), 2098);
    const oldTerm = await session('term-old', 'semester', daysFromToday(-500), daysFromToday(-320), 2098);
    // Tom's Biology (Cal) ran in an old term; Dee also takes a class at North High now.
    await db.query('UPDATE classes SET term_ids = $2 WHERE id = $1', [classes.classTom, [oldTerm]]);
    await db.query(
      `INSERT INTO enrollments (district_id, sourced_id, class_id, person_id, school_id, role) VALUES ($1, 'dee-north', $2, $3, $4, 'student')`,
      [districtA, classes.classTess, people.dee, schools.north],
    );
    const c = (await get(as.it!, '/api/devices/coverage')).json<Coverage>();
    expect(c.session).toMatchObject({ id: current, title: 'sy-now', schoolYear: 2099 });
    expect(row(c, 'North High')).toMatchObject({ enrolledStudents: 3, studentsWithDevice: 1 }); // Ana, Ben, Dee
    expect(row(c, 'South Middle').enrolledStudents).toBe(1);
    expect(c.totals.enrolledStudents).toBe(3); // Ana, Ben, Dee: Dee once
  });

  it('shows a principal their school only, refuses teachers and students, and keeps districts apart', async () => {
    const p = (await get(as.principalNorth!, '/api/devices/coverage')).json<Coverage>();
    expect(p.schools.map((s) => s.schoolName)).toEqual(['North High']);
    expect(p.totals.enrolledStudents).toBe(3);
    expect(p.totals.devices.stolen).toBe(0); // South Middle's stolen device is not North High's
    expect(p.noSchool).toEqual({ assigned: 0, inRepair: 0, lost: 0, stolen: 0, onLoan: 0, inStock: 0 });
    for (const key of ['teacherTess', 'studentAna', 'guardianGia'])
      expect((await get(as[key]!, '/api/devices/coverage')).statusCode, key).toBe(403);
    const b = (await get(as.adminB!, '/api/devices/coverage')).json<Coverage>();
    expect(b.schools.map((s) => s.schoolName)).toEqual(['Hilltop High']);
    expect(b.totals).toMatchObject({ enrolledStudents: 0, coveragePercent: null });
  });
});

describe('export', () => {
  const csvOf = (body: string): string[][] => parse(body, { bom: true });
  let exported: string;

  beforeAll(async () => {
    const { north } = t.fixture.schools;
    const model = await addModel({ manufacturer: 'HP', name: 'Fortis 14', category: 'laptop' });
    await addDevice('E-1', {
      modelId: model,
      schoolId: north,
      location: 'Library',
      purchaseDate: '2024-08-15',
      cost: '1249.5',
      fundingSource: 'esser',
      warrantyEnd: '2027-08-15',
      aueDate: '2030-06-01',
      notes: 'Dented lid, "fine"\nsecond line',
      customFields: { Insurance: 'yes', Color: 'grey' },
    });
    const e2 = await addDevice('E-2', { modelId: model, schoolId: north, fundingSource: 'e_rate' });
    await post(as.it!, `/api/devices/${e2}/checkout`, { assignee: { type: 'student', personId: t.fixture.people.cal } });
    await addDevice('E-3', { modelId: model, schoolId: north, status: 'in_repair' });
  });

  it('writes a CSV of every device the list would show, with the import’s headers and a file name', async () => {
    const res = await get(as.it!, '/api/devices/export?format=csv&q=E-');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="devices-\d{4}-\d{2}-\d{2}\.csv"$/);
    exported = res.body;
    const [header, ...rows] = csvOf(exported);
    expect(header).toEqual([
      'Asset Tag',
      'Serial Number',
      'Model',
      'Manufacturer',
      'Category',
      'Status',
      'School',
      'Location',
      'Purchase Date',
      'Cost',
      'Funding Source',
      'Warranty End',
      'AUE Date',
      'Notes',
      'MAC Address',
      'custom:Color',
      'custom:Insurance',
      'Checked Out To',
    ]);
    expect(rows).toEqual([
      [
        'E-1',
        'SN-E-1',
        'Fortis 14',
        'HP',
        'Laptop',
        'In stock',
        'North High',
        'Library',
        '2024-08-15',
        '1249.50',
        'ESSER',
        '2027-08-15',
        '2030-06-01',
        'Dented lid, "fine"\nsecond line',
        '',
        'grey',
        'yes',
        '',
      ],
      ['E-2', 'SN-E-2', 'Fortis 14', 'HP', 'Laptop', '', 'North High', '', '', '', 'E-Rate', '', '', '', '', '', '', 'Cal Castro (ID-cal)'],
      ['E-3', 'SN-E-3', 'Fortis 14', 'HP', 'Laptop', 'In repair', 'North High', '', '', '', '', '', '', '', '', '', '', ''],
    ]);
    const { rows: audit } = await t.testDb.db.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_log WHERE action = 'device.export' ORDER BY id DESC LIMIT 1",
    );
    expect(audit[0]!.details).toMatchObject({ format: 'csv', devices: 3, filters: { q: 'E-' } });
  });

  it('imports back unchanged', async () => {
    const res = await as.it!.inject({
      method: 'POST',
      url: '/api/devices/import?fileName=export.csv',
      headers: { 'content-type': 'text/csv' },
      payload: exported,
    });
    expect(res.json()).toMatchObject({
      status: 'ok',
      rows: 3,
      counts: { devices: { created: 0, updated: 0, unchanged: 3 }, models: { created: 0 } },
      errors: [],
      warnings: ['Column "Checked Out To" is not imported: it is not a device field (name it "custom:Checked Out To" to keep it)'],
    });
    // And an edit made in the spreadsheet comes back as that one change.
    const edited = exported.replace('Library', 'Room 12');
    const again = await as.it!.inject({
      method: 'POST',
      url: '/api/devices/import',
      headers: { 'content-type': 'text/csv' },
      payload: edited,
    });
    expect(again.json().counts.devices).toEqual({ created: 0, updated: 1, unchanged: 2 });
  });

  it('applies the list’s filters, search, sort and scope', async () => {
    const list = (await get(as.it!, `/api/devices?schoolId=${t.fixture.schools.north}&sort=-serial&pageSize=200`)).json<{
      items: { serial: string }[];
    }>();
    const file = csvOf((await get(as.it!, `/api/devices/export?schoolId=${t.fixture.schools.north}&sort=-serial`)).body);
    expect(file.slice(1).map((r) => r[1])).toEqual(list.items.map((d) => d.serial));
    const repair = csvOf((await get(as.it!, '/api/devices/export?status=in_repair')).body);
    expect(
      repair
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['C-3', 'E-3']);

    const principal = csvOf((await get(as.principalNorth!, '/api/devices/export')).body);
    expect(principal.length).toBeGreaterThan(1);
    expect(principal.slice(1).every((r) => r[6] === 'North High')).toBe(true);
    for (const key of ['teacherTess', 'studentAna', 'board'])
      expect((await get(as[key]!, '/api/devices/export')).statusCode, key).toBe(403);
    const other = csvOf((await get(as.adminB!, '/api/devices/export')).body);
    expect(other).toHaveLength(1); // the header: district A's devices are not there
    expect((await get(as.it!, '/api/devices/export?format=pdf')).statusCode).toBe(400);
  });

  it('writes an XLSX workbook with dates as dates and costs as numbers', async () => {
    const res = await get(as.it!, '/api/devices/export?format=xlsx&q=E-');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="devices-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Devices')!;
    expect(sheet.rowCount).toBe(4);
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1).slice(0, 3)).toEqual(['Asset Tag', 'Serial Number', 'Model']);
    expect(values(1).at(-1)).toBe('Checked Out To');
    const e1 = values(2);
    expect(e1[0]).toBe('E-1');
    expect(e1[7]).toBe('Room 12');
    expect(e1[8]).toEqual(new Date('2024-08-15T00:00:00Z'));
    expect(e1[9]).toBe(1249.5);
    expect(e1[13]).toBe('Dented lid, "fine"\nsecond line');
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('yyyy-mm-dd');
    expect(values(3).at(-1)).toBe('Cal Castro (ID-cal)');
    expect(values(4)[5]).toBe('In repair');
  });

  it('streams 50,000 devices', async () => {
    // Another district, so the counts above are untouched; inserted in SQL, as an import would.
    await t.testDb.db.query(
      `INSERT INTO devices (district_id, serial, asset_tag, purchase_date, cost)
       SELECT $1, 'BULK-' || lpad(n::text, 6, '0'), 'B-' || lpad(n::text, 6, '0'), DATE '2024-01-01' + (n % 365), 199.99
         FROM generate_series(1, 50000) AS n`,
      [t.fixture.districtB],
    );
    const csv = await get(as.adminB!, '/api/devices/export?format=csv');
    expect(csv.statusCode).toBe(200);
    const rows = csvOf(csv.body);
    expect(rows).toHaveLength(50_001);
    expect(rows[1]!.slice(0, 2)).toEqual(['B-000001', 'BULK-000001']);
    expect(rows[50_000]![0]).toBe('B-050000');
    const xlsx = await get(as.adminB!, '/api/devices/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Devices')!.rowCount).toBe(50_001);
  });
});
