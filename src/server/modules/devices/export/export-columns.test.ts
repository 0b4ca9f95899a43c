import { describe, expect, it } from 'vitest';
import { deviceCategories, deviceStatuses, fundingSources } from '../../../../shared/api/devices';
import { headerMeaning } from '../import/header-aliases';
import { parseCategory, parseFunding, parseStatus } from '../import/parse-values';
import { customHeader, exportColumns, holderCell, holderHeader, type ExportRow } from './export-columns';

const base: ExportRow = {
  asset_tag: 'T-1',
  serial: 'S-1',
  model_name: null,
  manufacturer: null,
  category: null,
  status: 'in_stock',
  school_name: null,
  location: null,
  purchase_date: null,
  cost: null,
  funding_source: null,
  warranty_end: null,
  aue_date: null,
  notes: null,
  mac_address: null,
  custom_fields: {},
  kind: null,
  assignee_type: null,
  assignee_name: null,
  assignee_identifier: null,
  assignee_label: null,
};
const cell = (header: string, r: Partial<ExportRow>) => exportColumns.find((c) => c.header === header)!.value({ ...base, ...r });

describe('export columns read back by the CSV import', () => {
  it('uses a header the import maps to the same field, for every column', () => {
    for (const c of exportColumns) expect(headerMeaning(c.header), c.header).toEqual({ kind: 'field', field: c.field });
    expect(headerMeaning(customHeader('Insurance'))).toEqual({ kind: 'custom', name: 'Insurance' });
    expect(headerMeaning(holderHeader)).toEqual({ kind: 'unknown' });
  });

  it('writes categories, funding sources and statuses in words the import parses to the same value', () => {
    for (const c of deviceCategories) expect(parseCategory(cell('Category', { category: c })!)).toEqual({ ok: true, value: c });
    for (const f of fundingSources) expect(parseFunding(cell('Funding Source', { funding_source: f })!)).toEqual({ ok: true, value: f });
    for (const s of deviceStatuses) {
      const written = cell('Status', { status: s });
      if (s === 'assigned' || s === 'loaner') expect(written).toBeNull();
      else expect(parseStatus(written!)).toEqual({ ok: true, value: s });
    }
  });

  it('names who holds a device', () => {
    expect(holderCell(base)).toBeNull();
    const student = { ...base, kind: 'assigned' as const, assignee_type: 'student' as const, assignee_name: 'Ana Alvarez' };
    expect(holderCell({ ...student, assignee_identifier: 'ID-ana' })).toBe('Ana Alvarez (ID-ana)');
    expect(holderCell({ ...student, kind: 'loaner' })).toBe('Loaner: Ana Alvarez');
    expect(holderCell({ ...base, kind: 'assigned', assignee_type: 'cart', assignee_label: 'Library 2' })).toBe('Cart: Library 2');
  });
});
