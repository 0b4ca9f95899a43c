import type { z } from 'zod';
import type { Queryable } from '../../db/client';
import { AppError, notFound } from '../../platform/errors';
import type { DeviceStatus, deviceCreateSchema, deviceUpdateSchema } from '../../../shared/api/devices';
import { appendDeviceEvent, lockDevice } from './devices.repository';
import { auditDevices, type DeviceAuthor } from './device-author';
import { checkCustomFields } from './custom-fields';

type CreateInput = z.output<typeof deviceCreateSchema>;
type UpdateInput = z.output<typeof deviceUpdateSchema>;

/** API field → column, for every field a create or an update may set. */
const columns = {
  assetTag: 'asset_tag',
  serial: 'serial',
  modelId: 'model_id',
  schoolId: 'school_id',
  location: 'location',
  purchaseDate: 'purchase_date',
  cost: 'cost',
  fundingSource: 'funding_source',
  warrantyEnd: 'warranty_end',
  aueDate: 'aue_date',
  notes: 'notes',
  customFields: 'custom_fields',
} as const;
type Field = keyof typeof columns;

/** Refuses references to another district's school or model, and a tag or serial already in use. */
async function checkReferences(
  db: Queryable,
  districtId: string,
  v: { assetTag?: string | null; serial?: string; modelId?: string | null; schoolId?: string | null },
  exceptId: string | null,
) {
  if (v.modelId) {
    const { rows } = await db.query('SELECT 1 FROM device_models WHERE id = $1 AND district_id = $2', [v.modelId, districtId]);
    if (!rows[0]) throw new AppError('validation_failed', 'No such device model in this district', { field: 'modelId' });
  }
  if (v.schoolId) {
    const { rows } = await db.query('SELECT 1 FROM schools WHERE id = $1 AND district_id = $2', [v.schoolId, districtId]);
    if (!rows[0]) throw new AppError('validation_failed', 'No such school in this district', { field: 'schoolId' });
  }
  for (const [field, column, value] of [
    ['assetTag', 'asset_tag', v.assetTag],
    ['serial', 'serial', v.serial],
  ] as const) {
    if (!value) continue;
    const { rows } = await db.query<{ asset_tag: string | null; serial: string }>(
      `SELECT asset_tag, serial FROM devices WHERE district_id = $1 AND upper(${column}) = upper($2) AND id IS DISTINCT FROM $3`,
      [districtId, value, exceptId],
    );
    if (rows[0]) {
      const other = rows[0].asset_tag ?? rows[0].serial;
      throw new AppError('conflict', `${field === 'assetTag' ? 'Asset tag' : 'Serial'} ${value} is already used by device ${other}`, {
        field,
      });
    }
  }
}

/** The stored form of a field's value (jsonb as text). */
function dbValue(field: Field, value: unknown): unknown {
  return field === 'customFields' ? JSON.stringify(value ?? {}) : (value ?? null);
}

/** Adds a device to the inventory; returns its id. */
export async function createDevice(tx: Queryable, author: DeviceAuthor, input: CreateInput): Promise<string> {
  await checkReferences(tx, author.districtId, input, null);
  await checkCustomFields(tx, author.districtId, input.modelId ?? null, input.customFields ?? {});
  const status: DeviceStatus = input.status ?? 'in_stock';
  const fields = (Object.keys(columns) as Field[]).filter((f) => input[f] !== undefined);
  const values = fields.map((f) => dbValue(f, input[f]));
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO devices (district_id, status, ${fields.map((f) => columns[f]).join(', ')})
     VALUES ($1, $2, ${fields.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING id`,
    [author.districtId, status, ...values],
  );
  const id = rows[0]!.id;
  await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'created',
    toStatus: status,
  });
  await auditDevices(tx, author, {
    action: 'device.create',
    entityType: 'device',
    entityId: id,
    details: { assetTag: input.assetTag ?? null, serial: input.serial, status },
  });
  return id;
}

function same(a: unknown, b: unknown) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Changes a device's details (not its status); records what changed, from what, to what. */
export async function updateDevice(tx: Queryable, author: DeviceAuthor, id: string, input: UpdateInput): Promise<void> {
  if (!(await lockDevice(tx, author.districtId, id))) throw notFound('Device');
  await checkReferences(tx, author.districtId, input, id);
  const { rows } = await tx.query<Record<string, unknown>>(`SELECT ${Object.values(columns).join(', ')} FROM devices WHERE id = $1`, [id]);
  const current = rows[0]!;
  // Stored values are checked again only when they or the model (and so the category) change.
  if (input.customFields !== undefined || input.modelId !== undefined) {
    const modelId = input.modelId !== undefined ? input.modelId : (current.model_id as string | null);
    await checkCustomFields(tx, author.districtId, modelId, input.customFields ?? (current.custom_fields as Record<string, unknown>));
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of Object.keys(columns) as Field[]) {
    const to = input[f];
    if (to === undefined) continue;
    const from = current[columns[f]];
    const normalised = f === 'cost' && to !== null ? Number(to).toFixed(2) : to;
    if (!same(from, normalised)) changes[f] = { from: from ?? null, to: normalised ?? null };
  }
  const changed = Object.keys(changes) as Field[];
  if (changed.length === 0) return;
  await tx.query(`UPDATE devices SET ${changed.map((f, i) => `${columns[f]} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
    id,
    ...changed.map((f) => dbValue(f, input[f])),
  ]);
  await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'updated',
    details: { changes },
  });
  await auditDevices(tx, author, { action: 'device.update', entityType: 'device', entityId: id, details: { changes } });
}
