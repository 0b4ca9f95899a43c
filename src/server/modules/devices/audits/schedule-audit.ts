import type { z } from 'zod';
import type { Queryable } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import type { deviceAuditCreateSchema, deviceAuditUpdateSchema } from '../../../../shared/api/device-audits';
import { auditDevices, type DeviceAuthor } from '../device-author';
import { lockAudit } from './audits.repository';

type CreateInput = z.output<typeof deviceAuditCreateSchema>;
type UpdateInput = z.output<typeof deviceAuditUpdateSchema>;

/** Schedules a physical audit of one school's devices; returns its id. */
export async function scheduleAudit(tx: Queryable, author: DeviceAuthor, input: CreateInput): Promise<string> {
  const school = await tx.query<{ name: string }>('SELECT name FROM schools WHERE id = $1 AND district_id = $2', [
    input.schoolId,
    author.districtId,
  ]);
  if (!school.rows[0]) throw new AppError('validation_failed', 'No such school in this district', { field: 'schoolId' });
  const { rows } = await tx.query<{ id: string }>(
    'INSERT INTO device_audits (district_id, school_id, name, due_on, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [author.districtId, input.schoolId, input.name, input.dueOn, author.label],
  );
  const id = rows[0]!.id;
  await auditDevices(tx, author, {
    action: 'device_audit.create',
    entityType: 'device_audit',
    entityId: id,
    details: { schoolId: input.schoolId, school: school.rows[0].name, name: input.name, dueOn: input.dueOn },
  });
  return id;
}

/** Renames or reschedules an audit that is still open. */
export async function updateAudit(tx: Queryable, author: DeviceAuthor, id: string, input: UpdateInput): Promise<void> {
  const audit = await lockAudit(tx, author.districtId, id, 'update');
  if (audit.status === 'closed') throw new AppError('conflict', 'This audit is closed: its outcome can no longer change');
  if (input.name === undefined && input.dueOn === undefined) return;
  await tx.query('UPDATE device_audits SET name = coalesce($2, name), due_on = coalesce($3, due_on) WHERE id = $1', [
    id,
    input.name ?? null,
    input.dueOn ?? null,
  ]);
  await auditDevices(tx, author, { action: 'device_audit.update', entityType: 'device_audit', entityId: id, details: { ...input } });
}
