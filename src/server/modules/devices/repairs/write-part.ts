import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError, notFound } from '../../../platform/errors';
import type { partInputSchema, partPatchSchema, partStockSetSchema } from '../../../../shared/api/device-parts';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { siteName } from './use-part';

async function assertModel(tx: Queryable, districtId: string, modelId: string | null | undefined): Promise<void> {
  if (!modelId) return;
  const { rows } = await tx.query('SELECT 1 FROM device_models WHERE id = $1 AND district_id = $2', [modelId, districtId]);
  if (rows.length === 0) throw new AppError('validation_failed', 'No such model in this district', { field: 'modelId' });
}

/** Adds a part to the catalog (SKU unique in the district, in either case). */
export async function createPart(tx: Queryable, author: DeviceAuthor, input: z.output<typeof partInputSchema>): Promise<string> {
  await assertModel(tx, author.districtId, input.modelId);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO device_parts (district_id, name, sku, cost, model_id, reorder_level) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [author.districtId, input.name, input.sku, input.cost, input.modelId ?? null, input.reorderLevel ?? 0],
  );
  const id = rows[0]!.id;
  await auditDevices(tx, author, { action: 'device_part.create', entityType: 'device_part', entityId: id, details: { ...input } });
  return id;
}

const columns = { name: 'name', sku: 'sku', cost: 'cost', modelId: 'model_id', reorderLevel: 'reorder_level', active: 'active' } as const;

export async function updatePart(tx: Queryable, author: DeviceAuthor, id: string, input: z.output<typeof partPatchSchema>): Promise<void> {
  const { rows } = await tx.query('SELECT 1 FROM device_parts WHERE id = $1 AND district_id = $2 FOR UPDATE', [id, author.districtId]);
  if (rows.length === 0) throw notFound('Part');
  await assertModel(tx, author.districtId, input.modelId);
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [key, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
    if (input[key] === undefined) continue;
    values.push(input[key]);
    sets.push(`${column} = $${values.length}`);
  }
  if (sets.length === 0) return;
  await tx.query(`UPDATE device_parts SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
  await auditDevices(tx, author, { action: 'device_part.update', entityType: 'device_part', entityId: id, details: { ...input } });
}

/** Sets the count of a part at a site (a stock take or a delivery); the change is audited with the old count. */
export async function setPartStock(
  tx: Queryable,
  author: DeviceAuthor,
  partId: string,
  input: z.output<typeof partStockSetSchema>,
): Promise<void> {
  const { rows } = await tx.query('SELECT 1 FROM device_parts WHERE id = $1 AND district_id = $2 FOR UPDATE', [partId, author.districtId]);
  if (rows.length === 0) throw notFound('Part');
  await siteName(tx, author.districtId, input.schoolId);
  const { rows: old } = await tx.query<{ quantity: number }>(
    'SELECT quantity FROM device_part_stock WHERE part_id = $1 AND school_id IS NOT DISTINCT FROM $2::uuid',
    [partId, input.schoolId],
  );
  if (old[0]) {
    await tx.query(
      'UPDATE device_part_stock SET quantity = $3, updated_at = now() WHERE part_id = $1 AND school_id IS NOT DISTINCT FROM $2::uuid',
      [partId, input.schoolId, input.quantity],
    );
  } else {
    await tx.query('INSERT INTO device_part_stock (district_id, part_id, school_id, quantity) VALUES ($1, $2, $3, $4)', [
      author.districtId,
      partId,
      input.schoolId,
      input.quantity,
    ]);
  }
  await auditDevices(tx, author, {
    action: 'device_part.stock',
    entityType: 'device_part',
    entityId: partId,
    details: { schoolId: input.schoolId, from: old[0]?.quantity ?? 0, to: input.quantity },
  });
}
