import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomFieldsList, CustomFieldsPut } from '../../src/shared/api/device-custom-fields';
import { createTestApp, signIn, type Client, type TestApp } from '../helpers/app';

let t: TestApp;
const as: Record<string, Client> = {};
const keys = ['admin', 'it', 'principalNorth', 'teacherTess', 'adminB'];
let chromebookModel: string;
let laptopModel: string;

const post = (c: Client, url: string, payload: unknown) => c.inject({ method: 'POST', url, payload: payload as object });
const put = (c: Client, category: string, payload: CustomFieldsPut | Record<string, unknown>) =>
  c.inject({ method: 'PUT', url: `/api/devices/custom-fields/${category}`, payload });
const patch = (c: Client, id: string, payload: unknown) =>
  c.inject({ method: 'PATCH', url: `/api/devices/${id}`, payload: payload as object });

const chromebookFields: CustomFieldsPut = {
  fields: [
    { key: 'insurance_policy', label: 'Insurance policy', type: 'text', required: true },
    { key: 'battery_cycles', label: 'Battery cycles', type: 'number' },
    { key: 'insured_until', label: 'Insured until', type: 'date' },
    { key: 'has_case', label: 'Has a case', type: 'boolean' },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  for (const key of keys) as[key] = await signIn(t.app, `${key}@test.example.org`);
  chromebookModel = (await post(as.it!, '/api/devices/models', { name: 'CB 100', category: 'chromebook' })).json<{ id: string }>().id;
  laptopModel = (await post(as.it!, '/api/devices/models', { name: 'LT 200', category: 'laptop' })).json<{ id: string }>().id;
  const res = await put(as.it!, 'chromebook', chromebookFields);
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

let seq = 0;
const addDevice = (body: Record<string, unknown>) => {
  seq++;
  return post(as.it!, '/api/devices', { assetTag: `CF-${seq}`, serial: `CFSN${seq}`, ...body });
};

describe('defining custom fields', () => {
  it('lists the definitions in order for every reader, and replaces one category’s list as a whole', async () => {
    const list = (await as.principalNorth!.inject({ method: 'GET', url: '/api/devices/custom-fields' })).json<CustomFieldsList>();
    expect(list.items.map((f) => [f.category, f.key, f.type, f.required, f.position])).toEqual([
      ['chromebook', 'insurance_policy', 'text', true, 0],
      ['chromebook', 'battery_cycles', 'number', false, 1],
      ['chromebook', 'insured_until', 'date', false, 2],
      ['chromebook', 'has_case', 'boolean', false, 3],
    ]);

    const tablet = await put(as.admin!, 'tablet', { fields: [{ key: 'stylus', label: 'Stylus', type: 'boolean', required: false }] });
    expect(tablet.json<CustomFieldsList>().items.map((f) => f.key)).toEqual(['stylus']);
    const replaced = await put(as.admin!, 'tablet', {
      fields: [
        { key: 'keyboard', label: 'Keyboard', type: 'text', required: false },
        { key: 'stylus', label: 'Pen', type: 'boolean', required: false },
      ],
    });
    expect(replaced.json<CustomFieldsList>().items.map((f) => [f.key, f.label, f.position])).toEqual([
      ['keyboard', 'Keyboard', 0],
      ['stylus', 'Pen', 1],
    ]);
    expect((await put(as.admin!, 'tablet', { fields: [] })).json<CustomFieldsList>().items).toEqual([]);
  });

  it('refuses a bad key, a key used twice, an unknown type or category', async () => {
    const badKey = await put(as.it!, 'laptop', { fields: [{ key: 'Insurance Policy', label: 'x', type: 'text' }] });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.field).toBe('fields.0.key');
    const twice = await put(as.it!, 'laptop', {
      fields: [
        { key: 'a', label: 'A', type: 'text' },
        { key: 'a', label: 'B', type: 'number' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.field).toBe('fields.1.key');
    expect((await put(as.it!, 'laptop', { fields: [{ key: 'a', label: 'A', type: 'color' }] })).statusCode).toBe(400);
    expect((await put(as.it!, 'toaster', { fields: [] })).statusCode).toBe(400);
  });

  it('lets only device managers change them, and keeps each district’s own', async () => {
    for (const key of ['teacherTess', 'principalNorth']) expect((await put(as[key]!, 'chromebook', { fields: [] })).statusCode).toBe(403);
    expect((await as.teacherTess!.inject({ method: 'GET', url: '/api/devices/custom-fields' })).statusCode).toBe(403);
    expect((await as.adminB!.inject({ method: 'GET', url: '/api/devices/custom-fields' })).json<CustomFieldsList>().items).toEqual([]);
    // Hilltop's own list neither shows nor replaces Riverside's.
    await put(as.adminB!, 'chromebook', { fields: [{ key: 'hilltop_only', label: 'Hilltop', type: 'text' }] });
    const riverside = (await as.it!.inject({ method: 'GET', url: '/api/devices/custom-fields' })).json<CustomFieldsList>();
    expect(riverside.items.map((f) => f.key)).toEqual(['insurance_policy', 'battery_cycles', 'insured_until', 'has_case']);
    const hilltopDevice = await post(as.adminB!, '/api/devices', { serial: 'HB-CF-1', customFields: { anything: 'goes' } });
    expect(hilltopDevice.statusCode).toBe(201);
  });

  it('audits a change with the list before and after', async () => {
    await put(as.it!, 'hotspot', { fields: [{ key: 'carrier', label: 'Carrier', type: 'text' }] });
    await put(as.it!, 'hotspot', { fields: [{ key: 'carrier', label: 'Mobile carrier', type: 'text', required: true }] });
    const { rows } = await t.testDb.db.query<{ actor_label: string; details: Record<string, unknown> }>(
      `SELECT actor_label, details FROM audit_log WHERE action = 'device_custom_fields.replace' AND details->>'category' = 'hotspot' ORDER BY id`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      actor_label: 'it@test.example.org',
      details: {
        category: 'hotspot',
        from: [{ key: 'carrier', label: 'Carrier', type: 'text', required: false }],
        to: [{ key: 'carrier', label: 'Mobile carrier', type: 'text', required: true }],
      },
    });
  });
});

describe('a device’s custom field values', () => {
  const valid = { insurance_policy: 'POL-1', battery_cycles: 12, insured_until: '2027-06-30', has_case: true };

  it('accepts values of the defined types and keeps them', async () => {
    const res = await addDevice({ modelId: chromebookModel, customFields: valid });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().customFields).toEqual(valid);
  });

  it('refuses an unknown key or a wrong type, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, colour: 'red' }, 'customFields.colour'],
      [{ ...valid, battery_cycles: '12' }, 'customFields.battery_cycles'],
      [{ ...valid, insured_until: '30/06/2027' }, 'customFields.insured_until'],
      [{ ...valid, insured_until: '2027-02-30' }, 'customFields.insured_until'],
      [{ ...valid, has_case: 'yes' }, 'customFields.has_case'],
      [{ ...valid, insurance_policy: 5 }, 'customFields.insurance_policy'],
    ];
    for (const [customFields, field] of cases) {
      const res = await addDevice({ modelId: chromebookModel, customFields });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', field });
      expect(res.json().error.message).toContain(field);
    }
  });

  it('requires a required field, on create and on update', async () => {
    const missing = await addDevice({ modelId: chromebookModel });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({
      field: 'customFields.insurance_policy',
      message: 'customFields.insurance_policy: Insurance policy is required',
    });
    const empty = await addDevice({ modelId: chromebookModel, customFields: { insurance_policy: '' } });
    expect(empty.json().error.field).toBe('customFields.insurance_policy');

    const device = (await addDevice({ modelId: chromebookModel, customFields: { insurance_policy: 'P' } })).json<{ id: string }>();
    const cleared = await patch(as.it!, device.id, { customFields: { battery_cycles: 3 } });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().error.field).toBe('customFields.insurance_policy');
    const wrongType = await patch(as.it!, device.id, { customFields: { insurance_policy: 'P', has_case: 1 } });
    expect(wrongType.json().error.field).toBe('customFields.has_case');
    const ok = await patch(as.it!, device.id, { customFields: { insurance_policy: 'P2', has_case: false } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().customFields).toEqual({ insurance_policy: 'P2', has_case: false });
    // Editing something else leaves the stored values alone.
    expect((await patch(as.it!, device.id, { location: 'Room 4' })).statusCode).toBe(200);
  });

  it('checks the values again when the model moves a device into a category with definitions', async () => {
    const laptop = await addDevice({ modelId: laptopModel, customFields: { anything: 'goes' } });
    expect(laptop.statusCode, laptop.body).toBe(201);
    const moved = await patch(as.it!, laptop.json<{ id: string }>().id, { modelId: chromebookModel });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.field).toBe('customFields.anything');
  });

  it('leaves categories without definitions, and devices without a model, free-form', async () => {
    const laptop = await addDevice({ modelId: laptopModel, customFields: { insurance: 'yes', old_count: 2 } });
    expect(laptop.statusCode).toBe(201);
    expect(laptop.json().customFields).toEqual({ insurance: 'yes', old_count: 2 });
    const noModel = await addDevice({ customFields: { whatever: true } });
    expect(noModel.statusCode).toBe(201);
  });

  it('holds a device without a model to the definitions of "other"', async () => {
    await put(as.it!, 'other', { fields: [{ key: 'owner_note', label: 'Owner note', type: 'text' }] });
    const unknown = await addDevice({ customFields: { whatever: true } });
    expect(unknown.json().error.field).toBe('customFields.whatever');
    expect((await addDevice({ customFields: { owner_note: 'Loan from PTA' } })).statusCode).toBe(201);
    await put(as.it!, 'other', { fields: [] });
  });
});
