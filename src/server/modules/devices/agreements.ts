import type { z } from 'zod';
import type { Queryable } from '../../db/client';
import { AppError } from '../../platform/errors';
import type { Agreement, agreementCreateSchema } from '../../../shared/api/device-holds';
import { personById } from './device-people';
import { auditDevices, type DeviceAuthor } from './device-author';

interface AgreementRow {
  id: string;
  person_id: string;
  signed_by: Agreement['signedBy'];
  signer_person_id: string | null;
  signer_name: string;
  version: string;
  signed_at: Date;
  recorded_by: string;
}

export const toAgreement = (r: AgreementRow): Agreement => ({
  id: r.id,
  personId: r.person_id,
  signedBy: r.signed_by,
  signerPersonId: r.signer_person_id,
  signerName: r.signer_name,
  version: r.version,
  signedAt: r.signed_at.toISOString(),
  recordedBy: r.recorded_by,
});

export async function agreementsOf(db: Queryable, districtId: string, personId: string): Promise<Agreement[]> {
  const { rows } = await db.query<AgreementRow>(
    'SELECT * FROM use_agreements WHERE person_id = $1 AND district_id = $2 ORDER BY signed_at DESC',
    [personId, districtId],
  );
  return rows.map(toAgreement);
}

/**
 * Records a signed use agreement for a student: signed by the student, or by a guardian — a
 * rostered one must be linked to the student; one not in the roster is named.
 */
export async function recordAgreement(tx: Queryable, author: DeviceAuthor, input: z.output<typeof agreementCreateSchema>): Promise<string> {
  const student = await personById(tx, author.districtId, input.personId);
  if (!student) throw new AppError('validation_failed', 'No such person in this district', { field: 'personId' });
  if (student.primaryRole !== 'student') {
    throw new AppError('validation_failed', `${student.name} is not a student`, { field: 'personId' });
  }
  let signerName: string;
  let signerPersonId: string | null = null;
  if (input.signedBy === 'student') {
    signerName = student.name;
    signerPersonId = student.id;
  } else if (input.signerPersonId) {
    const { rows } = await tx.query<{ name: string }>(
      `SELECT coalesce(g.preferred_given_name, g.given_name) || ' ' || g.family_name AS name
         FROM guardian_links gl JOIN people g ON g.id = gl.guardian_id
        WHERE gl.guardian_id = $1 AND gl.student_id = $2 AND gl.district_id = $3`,
      [input.signerPersonId, student.id, author.districtId],
    );
    if (!rows[0]) throw new AppError('validation_failed', `That person is not a guardian of ${student.name}`, { field: 'signerPersonId' });
    signerName = rows[0].name;
    signerPersonId = input.signerPersonId;
  } else if (input.signerName) {
    signerName = input.signerName;
  } else {
    throw new AppError('validation_failed', 'Name the guardian who signed (signerPersonId or signerName)', { field: 'signerName' });
  }
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO use_agreements (district_id, person_id, signed_by, signer_person_id, signer_name, version, signed_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()), $8) RETURNING id`,
    [author.districtId, student.id, input.signedBy, signerPersonId, signerName, input.version, input.signedAt ?? null, author.label],
  );
  const id = rows[0]!.id;
  await auditDevices(tx, author, {
    action: 'device.agreement_record',
    entityType: 'person',
    entityId: student.id,
    details: { agreementId: id, signedBy: input.signedBy, signerName, version: input.version },
  });
  return id;
}
