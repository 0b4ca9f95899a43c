import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError, notFound } from '../../../platform/errors';
import type { repairCreateSchema } from '../../../../shared/api/device-repairs';
import type { DeviceStatus } from '../../../../shared/api/devices';
import { appendDeviceEvent, lockDevice, setDeviceStatus } from '../devices.repository';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { personById } from '../device-people';
import { checkinDevice } from '../checkin';
import { assertTransition } from '../status-machine';
import { lockRepair } from './repairs.repository';
import { usePart } from './use-part';

export type RepairCreateInput = z.output<typeof repairCreateSchema>;

interface Holder {
  previousStatus: DeviceStatus;
  assignmentId: string | null;
  personId: string | null;
}

/**
 * Takes the device into repair through the status machine. A device someone has is checked in
 * as damaged (closing their assignment, which the repair remembers so closing it gives the
 * device back); a device in stock moves to in repair; a device already checked in damaged
 * belongs to whoever returned it.
 */
async function intoRepair(tx: Queryable, author: DeviceAuthor, deviceId: string, status: DeviceStatus, note: string): Promise<Holder> {
  switch (status) {
    case 'assigned':
    case 'loaner': {
      const back = await checkinDevice(tx, author, deviceId, { condition: 'damaged', note });
      return { previousStatus: status, assignmentId: back.assignmentId, personId: back.personId };
    }
    case 'in_stock':
      assertTransition(status, 'in_repair', 'status');
      await setDeviceStatus(tx, deviceId, 'in_repair');
      return { previousStatus: status, assignmentId: null, personId: null };
    case 'in_repair': {
      const { rows } = await tx.query<{ id: string; kind: 'assigned' | 'loaner'; person_id: string | null }>(
        `SELECT a.id, a.kind, a.person_id FROM device_assignments a
          WHERE a.device_id = $1 AND a.voided_at IS NULL AND a.condition_in = 'damaged'
            AND a.checked_in_at > coalesce((SELECT max(closed_at) FROM device_repairs WHERE device_id = $1), '-infinity')
          ORDER BY a.checked_in_at DESC LIMIT 1`,
        [deviceId],
      );
      const last = rows[0];
      return last
        ? { previousStatus: last.kind, assignmentId: last.id, personId: last.person_id }
        : { previousStatus: 'in_stock', assignmentId: null, personId: null };
    }
    case 'lost':
    case 'stolen':
    case 'retired':
    case 'ewaste':
      assertTransition(status, 'in_repair', 'status');
      throw new Error('unreachable: the status machine refuses this move');
  }
}

/** Opens a repair on a device, with the parts used so far; returns its id and any warnings. */
export async function openRepair(
  tx: Queryable,
  author: DeviceAuthor,
  deviceId: string,
  input: RepairCreateInput,
): Promise<{ repairId: string; warnings: string[] }> {
  const device = await lockDevice(tx, author.districtId, deviceId);
  if (!device) throw notFound('Device');
  const { rows: inProgress } = await tx.query<{ id: string }>(
    `SELECT id FROM device_repairs WHERE device_id = $1 AND status NOT IN ('closed', 'cancelled')`,
    [device.id],
  );
  if (inProgress[0]) {
    throw new AppError('conflict', `${device.asset_tag ?? device.serial} already has a repair in progress`, {
      details: { repairId: inProgress[0].id },
    });
  }
  if (input.personId && !(await personById(tx, author.districtId, input.personId))) {
    throw new AppError('validation_failed', 'No such person in this district', { field: 'personId' });
  }
  const holder = await intoRepair(tx, author, device.id, device.status, `Repair: ${input.description}`.slice(0, 500));
  const personId = input.personId ?? holder.personId;

  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO device_repairs (district_id, device_id, school_id, person_id, kind, description, vendor, labor_cost, ticket_ref,
                                 previous_status, previous_assignment_id, opened_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      author.districtId,
      device.id,
      device.school_id,
      personId,
      input.kind,
      input.description,
      input.vendor ?? null,
      input.laborCost ?? '0',
      input.ticketRef ?? null,
      holder.previousStatus,
      holder.assignmentId,
      author.label,
    ],
  );
  const repairId = rows[0]!.id;
  const moved = device.status === 'in_stock';
  await appendDeviceEvent(tx, {
    districtId: author.districtId,
    deviceId: device.id,
    actorAccountId: author.accountId,
    actorLabel: author.label,
    type: 'repair_opened',
    fromStatus: moved ? device.status : null,
    toStatus: moved ? 'in_repair' : null,
    personId,
    note: input.description.slice(0, 500),
    details: { repairId, kind: input.kind, ticketRef: input.ticketRef ?? null },
  });
  await auditDevices(tx, author, {
    action: 'device_repair.open',
    entityType: 'device',
    entityId: device.id,
    details: { repairId, kind: input.kind, personId, previousStatus: holder.previousStatus },
  });

  const warnings: string[] = [];
  if (input.parts.length > 0) {
    const repair = (await lockRepair(tx, author.districtId, repairId))!;
    for (const use of input.parts) warnings.push(...(await usePart(tx, author, repair, use)));
  }
  return { repairId, warnings };
}
