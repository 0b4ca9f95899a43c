import type { Actor } from '../../../platform/actor';
import type { Params } from '../../../platform/sql';
import { visibleDevices } from '../device-scope';

/**
 * The device scope applied to any row that carries its own `district_id` and `school_id` (a
 * repair, a loaner-pool entry, a part's stock): IT and administrators see the district, a
 * principal their schools, everyone else nothing.
 */
export function visibleAtSchool(actor: Actor, alias: string, params: Params): string {
  return visibleDevices(actor, alias, params);
}
