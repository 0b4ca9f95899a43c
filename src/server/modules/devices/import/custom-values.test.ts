import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../../shared/api/device-custom-fields';
import { customValues, parseCustomCell } from './custom-values';

const def = (key: string, label: string, type: CustomField['type'], required = false): CustomField => ({
  id: key,
  category: 'hotspot',
  key,
  label,
  type,
  required,
  position: 0,
});

describe('a custom column’s cell as its field’s type', () => {
  it('reads numbers, dates and yes/no as spreadsheets write them, and refuses the rest', () => {
    expect(parseCustomCell('number', '-3.5')).toEqual({ ok: true, value: -3.5 });
    expect(parseCustomCell('number', '12,000')).toEqual({ ok: true, value: 12000 });
    expect(parseCustomCell('number', '1e3')).toEqual({ ok: false, message: 'is not a number' });
    expect(parseCustomCell('date', '08/15/2027')).toEqual({ ok: true, value: '2027-08-15' });
    expect(parseCustomCell('date', '2027-02-30')).toEqual({ ok: false, message: 'is not a real date' });
    expect(parseCustomCell('boolean', 'Sí')).toEqual({ ok: true, value: true });
    expect(parseCustomCell('boolean', 'FALSE')).toEqual({ ok: true, value: false });
    expect(parseCustomCell('text', 'x'.repeat(501))).toEqual({ ok: false, message: 'is longer than 500 characters' });
  });

  it('keeps a value already on the device for a required field the file leaves out', () => {
    const problems: string[] = [];
    const defs = [def('carrier', 'Carrier', 'text', true)];
    const report = (_h: string | null, _v: string | null, m: string) => problems.push(m);
    expect(customValues([], defs, { carrier: 'Verizon' }, 'Hotspot', report)).toEqual({});
    expect(problems).toEqual([]);
    customValues([], defs, {}, 'Hotspot', report);
    expect(problems).toEqual(['Carrier is required for Hotspot devices: add a "custom:Carrier" column']);
  });
});
