import { z } from 'zod';
import type { Queryable } from '../../db/client';
import { AppError } from '../../platform/errors';
import type { CustomField, customFieldsPutSchema } from '../../../shared/api/device-custom-fields';
import { auditDevices, type DeviceAuthor } from './device-author';

type CustomFieldsPut = z.output<typeof customFieldsPutSchema>;
type Category = CustomField['category'];

interface FieldRow {
  id: string;
  category: Category;
  key: string;
  label: string;
  type: CustomField['type'];
  required: boolean;
  position: number;
}

/** The district's custom field definitions, by category then display order; one category if given. */
export async function listCustomFields(db: Queryable, districtId: string, category?: Category): Promise<CustomField[]> {
  const { rows } = await db.query<FieldRow>(
    `SELECT id, category, key, label, type, required, position FROM device_custom_fields
      WHERE district_id = $1 AND ($2::text IS NULL OR category = $2) ORDER BY category, position`,
    [districtId, category ?? null],
  );
  return rows.map((r) => ({ ...r }));
}

/**
 * Replaces one category's definitions with the list given, in its order. Values already stored on
 * devices are left alone: a removed key is only refused at the device's next edit.
 */
export async function replaceCustomFields(tx: Queryable, author: DeviceAuthor, category: Category, input: CustomFieldsPut): Promise<void> {
  // Two editors saving the same category at once would both delete, then collide on insert.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('device_custom_fields:' || $1 || ':' || $2))`, [author.districtId, category]);
  const before = await listCustomFields(tx, author.districtId, category);
  await tx.query('DELETE FROM device_custom_fields WHERE district_id = $1 AND category = $2', [author.districtId, category]);
  for (const [position, f] of input.fields.entries()) {
    await tx.query(
      `INSERT INTO device_custom_fields (district_id, category, key, label, type, required, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [author.districtId, category, f.key, f.label, f.type, f.required, position],
    );
  }
  const strip = (fs: readonly { key: string; label: string; type: string; required: boolean }[]) =>
    fs.map(({ key, label, type, required }) => ({ key, label, type, required }));
  await auditDevices(tx, author, {
    action: 'device_custom_fields.replace',
    entityType: 'device_custom_fields',
    details: { category, from: strip(before), to: strip(input.fields) },
  });
}

const isoDate = z.iso.date();

function matchesType(type: CustomField['type'], value: unknown): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return isoDate.safeParse(value).success;
    case 'boolean':
      return typeof value === 'boolean';
  }
}

const typeNames: Record<CustomField['type'], string> = {
  text: 'text',
  number: 'a number',
  date: 'a date (YYYY-MM-DD)',
  boolean: 'true or false',
};

/**
 * Checks a device's custom field values against its category's definitions. A category with no
 * definitions accepts any fields, so devices and imports from before definitions keep working.
 * A null or empty value counts as not given.
 */
export async function checkCustomFields(
  db: Queryable,
  districtId: string,
  modelId: string | null,
  values: Record<string, unknown>,
): Promise<void> {
  const { rows } = await db.query<{ category: Category }>('SELECT category FROM device_models WHERE id = $1 AND district_id = $2', [
    modelId,
    districtId,
  ]);
  const category: Category = rows[0]?.category ?? 'other';
  const defs = await listCustomFields(db, districtId, category);
  if (defs.length === 0) return;
  const byKey = new Map(defs.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    const field = `customFields.${key}`;
    if (!def) throw new AppError('validation_failed', `${field}: no such custom field for ${category} devices`, { field });
    if (value === null || value === '') continue;
    if (!matchesType(def.type, value)) {
      throw new AppError('validation_failed', `${field}: ${def.label} must be ${typeNames[def.type]}`, { field });
    }
  }
  for (const def of defs) {
    const value = values[def.key];
    if (def.required && (value === undefined || value === null || value === '')) {
      const field = `customFields.${def.key}`;
      throw new AppError('validation_failed', `${field}: ${def.label} is required`, { field });
    }
  }
}
