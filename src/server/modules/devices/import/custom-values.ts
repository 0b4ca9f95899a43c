import type { CustomField } from '../../../../shared/api/device-custom-fields';
import { parseDate, type Parsed } from './parse-values';

/** A "custom:Name" cell of one row: the name after the prefix, the header as written, the cell. */
export interface CustomCell {
  name: string;
  header: string;
  raw: string;
}

/** Where a custom value is refused: the column (null: the row as a whole), the cell and why. */
export type CustomProblem = (header: string | null, value: string | null, message: string) => void;

const truthy = new Set(['yes', 'y', 'true', 't', '1', 'x', 'sí', 'si']);
const falsy = new Set(['no', 'n', 'false', 'f', '0']);

/** A cell as the definition's type: "1,250.5" a number, "8/15/2027" a date, "Yes" true. */
export function parseCustomCell(type: CustomField['type'], raw: string): Parsed<string | number | boolean> {
  switch (type) {
    case 'text':
      return raw.length > 500 ? { ok: false, message: 'is longer than 500 characters' } : { ok: true, value: raw };
    case 'number': {
      const plain = raw.replace(/,/g, '');
      const n = Number(plain);
      return /^-?\d+(\.\d+)?$/.test(plain) && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: 'is not a number' };
    }
    case 'date':
      return parseDate(raw);
    case 'boolean': {
      const word = raw.toLowerCase();
      if (truthy.has(word)) return { ok: true, value: true };
      if (falsy.has(word)) return { ok: true, value: false };
      return { ok: false, message: 'is not yes or no (Yes, No, True, False, 1, 0)' };
    }
  }
}

/**
 * A row's custom cells as the device will store them. Where the device's category defines custom
 * fields, a column must name one of them (by key or label, in any case), its cell is stored under
 * the field's key as the field's type (a number, a date, true or false), and a required field must
 * have a value, in the file or already on the device. A category without definitions keeps any
 * column as text under its name, as devices did before definitions.
 */
export function customValues(
  cells: readonly CustomCell[],
  defs: readonly CustomField[],
  stored: Readonly<Record<string, unknown>>,
  categoryName: string,
  problem: CustomProblem,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (defs.length === 0) {
    for (const c of cells) {
      const parsed = parseCustomCell('text', c.raw);
      if (parsed.ok) out[c.name] = parsed.value;
      else problem(c.header, c.raw, parsed.message);
    }
    return out;
  }
  const byName = new Map<string, CustomField>();
  for (const d of defs) byName.set(d.label.toLowerCase(), d);
  for (const d of defs) byName.set(d.key.toLowerCase(), d);
  for (const c of cells) {
    const def = byName.get(c.name.toLowerCase());
    if (!def) {
      const known = defs.map((d) => d.label).join(', ');
      problem(c.header, c.raw, `is not a custom field of ${categoryName} devices (they have: ${known})`);
      continue;
    }
    const parsed = parseCustomCell(def.type, c.raw);
    if (parsed.ok) out[def.key] = parsed.value;
    else problem(c.header, c.raw, parsed.message);
  }
  for (const d of defs) {
    if (!d.required) continue;
    const value = d.key in out ? out[d.key] : stored[d.key];
    if (value === undefined || value === null || value === '') {
      problem(null, null, `${d.label} is required for ${categoryName} devices: add a "custom:${d.label}" column`);
    }
  }
  return out;
}
