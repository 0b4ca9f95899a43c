import { AppError } from '../../../platform/errors';
import { asConflict } from '../unique-conflict';

const constraintMessages: Record<string, { message: string; field?: string }> = {
  device_repairs_open: { message: 'This device already has a repair in progress' },
  device_parts_sku: { message: 'This SKU is already in the parts catalog', field: 'sku' },
  device_fee_prices_damage: { message: 'The price list already has an active price for this damage kind', field: 'damageKind' },
  device_fee_prices_part: { message: 'The price list already has an active price for this part', field: 'partId' },
  device_repair_loans_pkey: { message: 'This loan is already linked to a repair' },
};

/** Like the devices' asConflict, for the unique indexes of repairs, parts and fees. */
export function asRepairConflict(err: unknown): never {
  const e = err as { code?: unknown; constraint?: unknown };
  if (e && e.code === '23505' && typeof e.constraint === 'string') {
    const known = constraintMessages[e.constraint];
    if (known) throw new AppError('conflict', known.message, known.field ? { field: known.field } : {});
  }
  return asConflict(err);
}
