import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError, notFound } from '../../../platform/errors';
import type { repairPartUseSchema } from '../../../../shared/api/device-repairs';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { isRepairFinished } from './repair-transitions';
import type { LockedRepair } from './repairs.repository';

export type PartUse = z.output<typeof repairPartUseSchema>;

/** A site's name for messages: a school, or the district's depot. */
export async function siteName(db: Queryable, districtId: string, schoolId: string | null): Promise<string> {
  if (schoolId === null) return 'the district depot';
  const { rows } = await db.query<{ name: string }>('SELECT name FROM schools WHERE id = $1 AND district_id = $2', [schoolId, districtId]);
  if (!rows[0]) throw new AppError('validation_failed', 'No such school in this district', { field: 'schoolId' });
  return rows[0].name;
}

/**
 * Records a part used by a repair and takes it from a site's stock in the same transaction:
 * the repair's school unless another site (or the depot) is named. Refuses when the site has
 * too few; warns when the part is for another model or the site's stock reaches its reorder level.
 */
export async function usePart(tx: Queryable, author: DeviceAuthor, repair: LockedRepair, use: PartUse): Promise<string[]> {
  if (isRepairFinished(repair.status)) throw new AppError('conflict', `The repair is ${repair.status}: parts can no longer be added`);
  const { rows } = await tx.query<{
    id: string;
    name: string;
    sku: string;
    cost: string;
    model_id: string | null;
    model_name: string | null;
    reorder_level: number;
    active: boolean;
  }>(
    `SELECT pt.id, pt.name, pt.sku, pt.cost, pt.model_id, m.name AS model_name, pt.reorder_level, pt.active
       FROM device_parts pt LEFT JOIN device_models m ON m.id = pt.model_id WHERE pt.id = $1 AND pt.district_id = $2`,
    [use.partId, author.districtId],
  );
  const part = rows[0];
  if (!part) throw notFound('Part');
  if (!part.active) throw new AppError('conflict', `${part.name} (${part.sku}) is no longer in the catalog`, { field: 'partId' });
  const schoolId = use.schoolId === undefined ? repair.school_id : use.schoolId;
  const site = await siteName(tx, author.districtId, schoolId);

  const taken = await tx.query<{ quantity: number }>(
    `UPDATE device_part_stock SET quantity = quantity - $3, updated_at = now()
      WHERE part_id = $1 AND school_id IS NOT DISTINCT FROM $2::uuid AND quantity >= $3 RETURNING quantity`,
    [part.id, schoolId, use.quantity],
  );
  const left = taken.rows[0];
  if (!left) {
    const { rows: have } = await tx.query<{ quantity: number }>(
      'SELECT quantity FROM device_part_stock WHERE part_id = $1 AND school_id IS NOT DISTINCT FROM $2::uuid',
      [part.id, schoolId],
    );
    const n = have[0]?.quantity ?? 0;
    throw new AppError('conflict', `Only ${n} of ${part.name} (${part.sku}) left at ${site}, and ${use.quantity} are needed`, {
      field: 'quantity',
      details: { partId: part.id, schoolId, inStock: n },
    });
  }
  await tx.query(
    `INSERT INTO device_repair_parts (district_id, repair_id, part_id, school_id, quantity, unit_cost, used_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [author.districtId, repair.id, part.id, schoolId, use.quantity, part.cost, author.label],
  );
  await auditDevices(tx, author, {
    action: 'device_repair.part_used',
    entityType: 'device_repair',
    entityId: repair.id,
    details: { partId: part.id, sku: part.sku, quantity: use.quantity, schoolId, stockLeft: left.quantity },
  });

  const warnings: string[] = [];
  if (part.model_id && part.model_id !== repair.model_id) warnings.push(`${part.name} (${part.sku}) is made for ${part.model_name}`);
  if (left.quantity <= part.reorder_level) warnings.push(`${part.name} (${part.sku}) at ${site} is down to ${left.quantity}: reorder`);
  return warnings;
}
