import type { Queryable } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { permissions, rolesHave } from '../../platform/policy';
import type { Me } from '../../../shared/api/auth';

export async function describeActor(db: Queryable, actor: Actor): Promise<Me> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM districts WHERE id = $1', [actor.districtId]);
  return {
    kind: actor.kind,
    accountId: actor.accountId,
    personId: actor.personId,
    districtId: actor.districtId,
    districtName: rows[0]?.name ?? '',
    email: actor.kind === 'session' ? actor.label : null,
    displayName: actor.displayName,
    language: actor.language,
    roles: actor.roles,
    schoolIds: actor.schoolIds,
    permissions: permissions.filter((p) => p !== 'public' && p !== 'authenticated' && rolesHave(actor.roles, p)),
    csrfToken: actor.csrfToken,
  };
}
