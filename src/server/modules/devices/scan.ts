import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { ScanRefusal, ScanResult, scanRequestSchema } from '../../../shared/api/device-checkout';
import { deviceSummaryById, lockDeviceByTag } from './devices.repository';
import {
  activeHolds,
  hasSignedAgreement,
  personByBadge,
  personById,
  staffRoles,
  type ActiveHold,
  type DevicePerson,
} from './device-people';
import { checkoutDevice } from './checkout';
import { checkinDevice } from './checkin';
import type { DeviceAuthor } from './device-author';
import { refusalReason, statusLabel } from './status-machine';

type ScanInput = z.output<typeof scanRequestSchema>;

/**
 * One scan at the scan station: a badge and a device tag in, the whole check-out or check-in
 * done in one transaction, and what the screen shows out. A mistake (unknown tag, a device
 * already out, a student with a hold) is an answer, not an error: `result: 'refused'` with a
 * reason the screen turns into its own words and sound, and nothing changed.
 */
export async function scan(db: Db, author: DeviceAuthor, input: ScanInput): Promise<ScanResult> {
  return db.transaction(async (tx) => {
    let student: DevicePerson | undefined;
    const screenPerson = async (p: DevicePerson, agreementSigned?: boolean | null) => ({
      id: p.id,
      name: p.name,
      identifier: p.identifier,
      grades: p.grades,
      schoolName: p.schoolName,
      agreementSigned: agreementSigned ?? (await hasSignedAgreement(tx, author.districtId, p.id)),
    });
    const refuse = async (reason: ScanRefusal, message: string, deviceId?: string, holds: ActiveHold[] = []): Promise<ScanResult> => ({
      result: 'refused',
      reason,
      message,
      student: student ? await screenPerson(student) : null,
      device: deviceId ? ((await deviceSummaryById(tx, author.districtId, deviceId)) ?? null) : null,
      undoToken: null,
      warnings: [],
      holds,
    });

    if (input.studentId) {
      student = await personByBadge(tx, author.districtId, input.studentId);
      if (!student) return refuse('unknown_student', `No student or staff member with ID ${input.studentId}`);
    }
    const device = await lockDeviceByTag(tx, author.districtId, input.tag);
    if (!device) return refuse('unknown_tag', `No device with tag or serial ${input.tag}`);
    const deviceId = device.id;

    if (input.mode === 'checkout') {
      if (!student) return refuse('student_required', 'Scan the student’s ID before the device', deviceId);
      if (!student.active) return refuse('unknown_student', `${student.name} is no longer active in the roster`, deviceId);
      const isStudent = student.primaryRole === 'student';
      if (!isStudent && !staffRoles.includes(student.primaryRole)) {
        return refuse('unknown_student', `${student.name} is a ${student.primaryRole}, not a student or staff member`, deviceId);
      }
      if (device.status === 'assigned' || device.status === 'loaner') {
        const current = await deviceSummaryById(tx, author.districtId, deviceId);
        const holder = current?.assignee?.personId === student.id ? 'this person' : (current?.assignee?.name ?? 'someone');
        return refuse('already_assigned', `${device.asset_tag ?? device.serial} is already checked out to ${holder}`, deviceId);
      }
      const notAvailable = refusalReason(device.status, 'assigned', 'checkout');
      if (notAvailable)
        return refuse('not_available', `${device.asset_tag ?? device.serial} is ${statusLabel(device.status)}: ${notAvailable}`, deviceId);
      const holds = await activeHolds(tx, author.districtId, student.id);
      if (holds.length > 0 && !input.holdOverrideReason) {
        return refuse('hold', `${student.name} has a hold: ${holds.map((h) => h.reason).join('; ')}`, deviceId, holds);
      }
      const out = await checkoutDevice(
        tx,
        author,
        deviceId,
        {
          assignee: { type: isStudent ? 'student' : 'staff', personId: student.id },
          kind: 'assigned',
          accessories: input.accessories ?? [],
          condition: input.condition,
          holdOverrideReason: input.holdOverrideReason,
        },
        { device, person: student, holds },
      );
      return {
        result: 'checked_out',
        reason: null,
        message: `${device.asset_tag ?? device.serial} checked out to ${student.name}`,
        student: await screenPerson(student, out.agreementSigned),
        device: (await deviceSummaryById(tx, author.districtId, deviceId))!,
        undoToken: out.eventId,
        warnings: out.warnings,
        holds,
      };
    }

    if (device.status !== 'assigned' && device.status !== 'loaner') {
      return refuse(
        'not_checked_out',
        `${device.asset_tag ?? device.serial} is not checked out (it is ${statusLabel(device.status)})`,
        deviceId,
      );
    }
    const before = (await deviceSummaryById(tx, author.districtId, deviceId))!;
    if (student && before.assignee?.personId !== student.id) {
      return refuse(
        'wrong_student',
        `${device.asset_tag ?? device.serial} is checked out to ${before.assignee?.name ?? 'someone else'}, not ${student.name}`,
        deviceId,
      );
    }
    const back = await checkinDevice(
      tx,
      author,
      deviceId,
      { condition: input.condition ?? 'good', accessoriesReturned: input.accessories },
      device,
    );
    const holder = before.assignee!;
    const warnings = back.missingAccessories.length > 0 ? [`Not returned: ${back.missingAccessories.join(', ')}`] : [];
    const returnedBy = student ?? (holder.personId ? await personById(tx, author.districtId, holder.personId) : undefined);
    return {
      result: 'checked_in',
      reason: null,
      message: `${device.asset_tag ?? device.serial} checked in from ${holder.name}${input.condition === 'damaged' ? ': sent to repair' : ''}`,
      student: returnedBy ? await screenPerson(returnedBy) : null,
      device: (await deviceSummaryById(tx, author.districtId, deviceId))!,
      undoToken: back.eventId,
      warnings,
      holds: [],
    };
  });
}
