import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError, notFound } from '../../../platform/errors';
import type { repairPatchSchema } from '../../../../shared/api/device-repairs';
import { appendDeviceEvent } from '../devices.repository';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { isRepairFinished } from './repair-transitions';
import { lockRepair } from './repairs.repository';
import { usePart, type PartUse } from './use-part';

const columns = { kind: 'kind', description: 'description', vendor: 'vendor', laborCost: 'labor_cost', ticketRef: 'ticket_ref' } as const;

/** Changes a repair's details while it is in progress; what changed goes to the device's history. */
export async function updateRepair(
  tx: Queryable,
  author: DeviceAuthor,
  repairId: string,
  input: z.output<typeof repairPatchSchema>,
): Promise<void> {
  const repair = await lockRepair(tx, author.districtId, repairId);
  if (!repair) throw notFound('Repair');
  if (isRepairFinished(repair.status)) throw new AppError('conflict', `The repair is ${repair.status}: it can no longer be changed`);
  const sets: string[] = [];
  const values: unknown[] = [repair.id];
  const changed: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
    const value = input[key];
    if (value === undefined) continue;
    values.push(value);
    sets.push(`${column} = $${values.length}`);
    changed[key] = value;
  }
  if (sets.length === 0) return;
  await tx.query(`UPDATE device_repairs SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, values);
  await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: repair.device_id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'repair_updated',
    personId: repair.person_id,
    details: { repairId: repair.id, changed },
  });
  await auditDevices(tx, author, { action: 'device_repair.update', entityType: 'device_repair', entityId: repair.id, details: changed });
}

/** Adds a part to a repair in progress, taking it from stock. */
export async function addRepairPart(tx: Queryable, author: DeviceAuthor, repairId: string, use: PartUse): Promise<string[]> {
  const repair = await lockRepair(tx, author.districtId, repairId);
  if (!repair) throw notFound('Repair');
  return usePart(tx, author, repair, use);
}
