import type { BoardSystem } from '../../src/shared/api/system-views';

/** A board row for tests: operational, tier 1, nothing known beyond what the test says. */
export function boardSystem(fields: Partial<BoardSystem> & Pick<BoardSystem, 'id'>): BoardSystem {
  return {
    name: fields.id.toUpperCase(),
    tier: 1,
    audience: 'staff',
    publicName: null,
    status: 'operational',
    own: 'operational',
    impactedBy: [],
    degradedBy: [],
    since: null,
    category: 'other',
    ownerName: null,
    uptime: { day: null, month: null },
    dependsOn: [],
    ...fields,
  };
}
