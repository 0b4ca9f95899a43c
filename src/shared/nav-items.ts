import type { Permission } from './permissions';

/**
 * The signed-in navigation, by group: the web app draws it (NavLinks) and the server draws the same
 * on a page it renders first (the systems board's first paint).
 */
export type NavLabel =
  | 'nav.home'
  | 'nav.people'
  | 'nav.schools'
  | 'nav.systems'
  | 'nav.incidents'
  | 'nav.maintenance'
  | 'nav.readiness'
  | 'nav.devices'
  | 'nav.scanStation'
  | 'nav.deviceReports'
  | 'nav.repairs'
  | 'nav.audits'
  | 'nav.status'
  | 'nav.accounts'
  | 'nav.tokens'
  | 'nav.audit'
  | 'nav.roster'
  | 'nav.profile';

export interface NavItem {
  to: string;
  label: NavLabel;
  /** Shown when the account holds any of these; none means everyone. */
  anyOf?: Permission[];
}

export interface NavGroup {
  label: 'nav.groups.main' | 'nav.groups.operations' | 'nav.groups.devices' | 'nav.groups.admin' | 'nav.groups.you';
  items: NavItem[];
}

const groups: NavGroup[] = [
  {
    label: 'nav.groups.main',
    items: [
      { to: '/', label: 'nav.home' },
      { to: '/people', label: 'nav.people', anyOf: ['people.read'] },
      // Families and students have no use for the district's school list; their home shows their school.
      { to: '/schools', label: 'nav.schools', anyOf: ['people.read', 'district.summary'] },
    ],
  },
  {
    label: 'nav.groups.operations',
    items: [
      { to: '/systems', label: 'nav.systems', anyOf: ['systems.read'] },
      { to: '/incidents', label: 'nav.incidents', anyOf: ['systems.read'] },
      { to: '/maintenance', label: 'nav.maintenance', anyOf: ['systems.read'] },
      { to: '/readiness', label: 'nav.readiness', anyOf: ['systems.read'] },
      // Everyone may look at what families see.
      { to: '/status', label: 'nav.status' },
    ],
  },
  {
    label: 'nav.groups.devices',
    items: [
      { to: '/devices', label: 'nav.devices', anyOf: ['devices.read'] },
      { to: '/devices/scan', label: 'nav.scanStation', anyOf: ['devices.manage'] },
      { to: '/devices/repairs', label: 'nav.repairs', anyOf: ['devices.read'] },
      { to: '/devices/audits', label: 'nav.audits', anyOf: ['devices.read'] },
      { to: '/devices/reports', label: 'nav.deviceReports', anyOf: ['devices.summary'] },
    ],
  },
  {
    label: 'nav.groups.admin',
    items: [
      { to: '/admin/accounts', label: 'nav.accounts', anyOf: ['accounts.manage'] },
      { to: '/admin/tokens', label: 'nav.tokens', anyOf: ['tokens.manage'] },
      { to: '/admin/audit', label: 'nav.audit', anyOf: ['audit.read'] },
      { to: '/admin/roster', label: 'nav.roster', anyOf: ['roster.import'] },
    ],
  },
  { label: 'nav.groups.you', items: [{ to: '/profile', label: 'nav.profile' }] },
];

/** The navigation this account may use; the server refuses the rest whatever the menu shows. */
export function navFor(held: readonly string[]): NavGroup[] {
  return groups
    .map((g) => ({ ...g, items: g.items.filter((i) => !i.anyOf || i.anyOf.some((p) => held.includes(p))) }))
    .filter((g) => g.items.length > 0);
}
