import type { TemplateItem } from '../../../../shared/api/readiness';

/**
 * The default back-to-school checklist, applied to every tier-1 and tier-2 system of a year.
 * Due dates count back from the first day of school: what needs a vendor or a fix if it fails
 * (licenses, restore tests, certificates) comes early, the final rehearsals late.
 */
export const defaultTemplate: readonly TemplateItem[] = [
  { key: 'licenses-renewed', title: 'Licenses and support contracts renewed for the new year', daysBefore: 45 },
  { key: 'backups-restored', title: 'A backup restored and checked (not only taken)', daysBefore: 30 },
  { key: 'sso-certificates', title: 'SSO / SAML signing and TLS certificates valid past the first semester', daysBefore: 30 },
  { key: 'rostering-sync-tested', title: 'Rostering sync tested with the new year’s classes and enrollments', daysBefore: 14 },
  { key: 'capacity-checked', title: 'Capacity checked for the first-day peak (accounts, bandwidth, load)', daysBefore: 14 },
  { key: 'monitoring-alerts', title: 'Health checks and alert recipients up to date', daysBefore: 10 },
  { key: 'runbook-reviewed', title: 'Runbook and vendor escalation contacts reviewed', daysBefore: 7 },
];
