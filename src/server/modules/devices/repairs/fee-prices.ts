import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError, notFound } from '../../../platform/errors';
import type { FeePrice, feePriceInputSchema, feePricePatchSchema } from '../../../../shared/api/device-fees';
import { auditDevices, type DeviceAuthor } from '../device-author';

interface PriceRow {
  id: string;
  name: string;
  name_es: string | null;
  damage_kind: FeePrice['damageKind'];
  part_id: string | null;
  part_name: string | null;
  amount: string;
  free_per_year: number;
  active: boolean;
}

const toPrice = (r: PriceRow): FeePrice => ({
  id: r.id,
  name: r.name,
  nameEs: r.name_es,
  damageKind: r.damage_kind,
  partId: r.part_id,
  partName: r.part_name,
  amount: r.amount,
  freePerYear: r.free_per_year,
  active: r.active,
});

/** The district's price list: by damage kind first, then by part. */
export async function listFeePrices(db: Queryable, districtId: string, o: { id?: string } = {}): Promise<FeePrice[]> {
  const { rows } = await db.query<PriceRow>(
    `SELECT fp.id, fp.name, fp.name_es, fp.damage_kind, fp.part_id, pt.name AS part_name, fp.amount, fp.free_per_year, fp.active
       FROM device_fee_prices fp LEFT JOIN device_parts pt ON pt.id = fp.part_id
      WHERE fp.district_id = $1 AND ($2::uuid IS NULL OR fp.id = $2::uuid)
      ORDER BY fp.active DESC, fp.part_id IS NOT NULL, fp.damage_kind, lower(pt.name), fp.created_at`,
    [districtId, o.id ?? null],
  );
  return rows.map(toPrice);
}

export async function createFeePrice(tx: Queryable, author: DeviceAuthor, input: z.output<typeof feePriceInputSchema>): Promise<string> {
  if (input.partId) {
    const { rows } = await tx.query('SELECT 1 FROM device_parts WHERE id = $1 AND district_id = $2', [input.partId, author.districtId]);
    if (rows.length === 0) throw new AppError('validation_failed', 'No such part in this district', { field: 'partId' });
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO device_fee_prices (district_id, name, name_es, damage_kind, part_id, amount, free_per_year)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [author.districtId, input.name, input.nameEs ?? null, input.damageKind ?? null, input.partId ?? null, input.amount, input.freePerYear],
  );
  const id = rows[0]!.id;
  await auditDevices(tx, author, {
    action: 'device_fee_price.create',
    entityType: 'device_fee_price',
    entityId: id,
    details: { ...input },
  });
  return id;
}

/** Changes a price; charges already made keep the amount they were made with. */
export async function updateFeePrice(
  tx: Queryable,
  author: DeviceAuthor,
  id: string,
  input: z.output<typeof feePricePatchSchema>,
): Promise<void> {
  const { rows } = await tx.query<PriceRow>('SELECT * FROM device_fee_prices WHERE id = $1 AND district_id = $2 FOR UPDATE', [
    id,
    author.districtId,
  ]);
  const before = rows[0];
  if (!before) throw notFound('Price');
  await tx.query(
    `UPDATE device_fee_prices SET name = coalesce($2, name), amount = coalesce($3, amount), free_per_year = coalesce($4, free_per_year),
            active = coalesce($5, active), name_es = CASE WHEN $6 THEN $7 ELSE name_es END, updated_at = now() WHERE id = $1`,
    [
      id,
      input.name ?? null,
      input.amount ?? null,
      input.freePerYear ?? null,
      input.active ?? null,
      input.nameEs !== undefined,
      input.nameEs ?? null,
    ],
  );
  await auditDevices(tx, author, {
    action: 'device_fee_price.update',
    entityType: 'device_fee_price',
    entityId: id,
    details: {
      before: {
        name: before.name,
        nameEs: before.name_es,
        amount: before.amount,
        freePerYear: before.free_per_year,
        active: before.active,
      },
      ...input,
    },
  });
}
