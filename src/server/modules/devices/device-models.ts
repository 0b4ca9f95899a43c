import type { z } from 'zod';
import type { Queryable } from '../../db/client';
import { AppError, notFound } from '../../platform/errors';
import type { DeviceModel, deviceModelInputSchema, deviceModelPatchSchema } from '../../../shared/api/devices';
import { auditDevices, type DeviceAuthor } from './device-author';

type ModelInput = z.output<typeof deviceModelInputSchema>;
type ModelPatch = z.output<typeof deviceModelPatchSchema>;

interface ModelRow {
  id: string;
  manufacturer: string | null;
  name: string;
  category: DeviceModel['category'];
  expected_life_years: number | null;
  replacement_price: string | null;
  aue_date: string | null;
  device_count: number;
}

const toModel = (r: ModelRow): DeviceModel => ({
  id: r.id,
  manufacturer: r.manufacturer,
  name: r.name,
  category: r.category,
  expectedLifeYears: r.expected_life_years,
  replacementPrice: r.replacement_price,
  aueDate: r.aue_date,
  deviceCount: r.device_count,
});

const columns = {
  manufacturer: 'manufacturer',
  name: 'name',
  category: 'category',
  expectedLifeYears: 'expected_life_years',
  replacementPrice: 'replacement_price',
  aueDate: 'aue_date',
} as const;
type Field = keyof typeof columns;

export async function listModels(db: Queryable, districtId: string, id?: string): Promise<DeviceModel[]> {
  const { rows } = await db.query<ModelRow>(
    `SELECT m.*, (SELECT count(*)::int FROM devices d WHERE d.model_id = m.id) AS device_count
       FROM device_models m WHERE m.district_id = $1 AND ($2::uuid IS NULL OR m.id = $2)
      ORDER BY lower(coalesce(m.manufacturer, '')), lower(m.name)`,
    [districtId, id ?? null],
  );
  return rows.map(toModel);
}

async function refuseDuplicate(db: Queryable, districtId: string, manufacturer: string | null, name: string, exceptId: string | null) {
  const { rows } = await db.query(
    `SELECT 1 FROM device_models WHERE district_id = $1 AND lower(coalesce(manufacturer, '')) = lower($2) AND lower(name) = lower($3)
        AND id IS DISTINCT FROM $4`,
    [districtId, manufacturer ?? '', name, exceptId],
  );
  if (rows[0])
    throw new AppError('conflict', `The model ${[manufacturer, name].filter(Boolean).join(' ')} already exists`, { field: 'name' });
}

export async function createModel(tx: Queryable, author: DeviceAuthor, input: ModelInput): Promise<string> {
  await refuseDuplicate(tx, author.districtId, input.manufacturer ?? null, input.name, null);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO device_models (district_id, manufacturer, name, category, expected_life_years, replacement_price, aue_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      author.districtId,
      input.manufacturer ?? null,
      input.name,
      input.category,
      input.expectedLifeYears ?? null,
      input.replacementPrice ?? null,
      input.aueDate ?? null,
    ],
  );
  const id = rows[0]!.id;
  await auditDevices(tx, author, { action: 'device_model.create', entityType: 'device_model', entityId: id, details: { ...input } });
  return id;
}

export async function updateModel(tx: Queryable, author: DeviceAuthor, id: string, patch: ModelPatch): Promise<void> {
  const [current] = await listModels(tx, author.districtId, id);
  if (!current) throw notFound('Device model');
  await refuseDuplicate(tx, author.districtId, patch.manufacturer ?? current.manufacturer, patch.name ?? current.name, id);
  const fields = (Object.keys(columns) as Field[]).filter((f) => patch[f] !== undefined);
  if (fields.length === 0) return;
  await tx.query(
    `UPDATE device_models SET ${fields.map((f, i) => `${columns[f]} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
    [id, ...fields.map((f) => patch[f] ?? null)],
  );
  await auditDevices(tx, author, { action: 'device_model.update', entityType: 'device_model', entityId: id, details: { ...patch } });
}

/** Deletes a model no device uses; one in use is refused with the count. */
export async function deleteModel(tx: Queryable, author: DeviceAuthor, id: string): Promise<void> {
  const [current] = await listModels(tx, author.districtId, id);
  if (!current) throw notFound('Device model');
  if (current.deviceCount > 0) {
    throw new AppError(
      'conflict',
      `${current.deviceCount} device${current.deviceCount === 1 ? ' uses' : 's use'} this model: move them first`,
    );
  }
  await tx.query('DELETE FROM device_models WHERE id = $1', [id]);
  await auditDevices(tx, author, {
    action: 'device_model.delete',
    entityType: 'device_model',
    entityId: id,
    details: { manufacturer: current.manufacturer, name: current.name },
  });
}
