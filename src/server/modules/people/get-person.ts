import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { auditFrom, writeAudit, type RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { districtWideRoles, rolesHave } from '../../platform/policy';
import type { PersonDetail } from '../../../shared/api/people';
import { findVisiblePerson, personChildren, personClasses, personGuardians, personRoles, toPersonSummary } from './people.repository';

/**
 * A person's record as this actor may see it. A person outside the actor's scope is
 * answered exactly like one that does not exist (404), so scope cannot be probed.
 * Every read of a student's record is written to the audit log.
 */
export async function getPerson(db: Db, ctx: RequestContext & { actor: Actor }, id: string): Promise<PersonDetail> {
  const { actor } = ctx;
  const row = await findVisiblePerson(db, actor, id);
  if (!row) {
    // An attempt on a real record outside one's scope is what a privacy officer wants to see.
    const { rows } = await db.query('SELECT 1 FROM people WHERE id = $1 AND district_id = $2', [id, actor.districtId]);
    if (rows.length > 0) await writeAudit(db, auditFrom(ctx, { action: 'person.read_denied', entityType: 'person', entityId: id }));
    throw new AppError('not_found', 'Person not found');
  }
  const roles = await personRoles(db, id);
  const isStudent = row.primary_role === 'student' || roles.some((r) => r.role === 'student');
  const isSelf = actor.personId === id;
  if (isStudent && !isSelf && !rolesHave(actor.roles, 'students.read')) throw new AppError('not_found', 'Person not found');
  if (!isStudent && !isSelf && !rolesHave(actor.roles, 'people.read')) throw new AppError('not_found', 'Person not found');

  const seesDemographics = actor.roles.some((r) => districtWideRoles.includes(r) || r === 'principal');
  const [classes, guardians, children] = await Promise.all([
    personClasses(db, actor, id),
    isStudent ? personGuardians(db, id) : Promise.resolve([]),
    personChildren(db, actor, id),
  ]);
  if (isStudent) {
    await writeAudit(
      db,
      auditFrom(ctx, { action: 'student.read', entityType: 'person', entityId: id, details: { sourcedId: row.sourced_id } }),
    );
  }
  return {
    ...toPersonSummary(row),
    middleName: row.middle_name,
    preferredFamilyName: row.preferred_family_name,
    username: row.username,
    phone: row.phone,
    birthDate: row.birth_date,
    roles,
    classes,
    guardians,
    children,
    demographics: seesDemographics ? row.demographics : null,
  };
}
