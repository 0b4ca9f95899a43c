import type { TFunction } from 'i18next';
import { formatDuration, systemSpecSchema, type SystemSpecInput } from '../../../shared/api/systems';
import type { BoardSystem, SystemDetail } from '../../api/systems';
import { checkForm } from '../../components/errors';

export interface DependencyRow {
  id: string | null;
  kind: 'hard' | 'soft';
}

export interface SystemFormValues {
  id: string;
  name: string;
  category: SystemSpecInput['category'] & string;
  tier: '1' | '2' | '3';
  owner: string;
  vendor: string;
  hosting: '' | 'cloud' | 'on-premises';
  description: string;
  runbook: string;
  publicEn: string;
  publicEs: string;
  audience: NonNullable<SystemSpecInput['audience']>;
  dependencies: DependencyRow[];
}

export function initialValues(system: SystemDetail | null): SystemFormValues {
  if (!system) {
    return {
      id: '',
      name: '',
      category: 'other',
      tier: '3',
      owner: '',
      vendor: '',
      hosting: '',
      description: '',
      runbook: '',
      publicEn: '',
      publicEs: '',
      audience: 'staff',
      dependencies: [],
    };
  }
  return {
    id: system.id,
    name: system.name,
    category: system.category,
    tier: system.tier === 1 ? '1' : system.tier === 2 ? '2' : '3',
    // An account's email reads better than an id and is accepted back; a rostered person is named by id.
    owner: (system.owner?.kind === 'account' ? system.owner.email : null) ?? system.ownerId ?? '',
    vendor: system.vendor ?? '',
    hosting: system.hosting ?? '',
    description: system.description ?? '',
    runbook: system.runbookUrl ?? '',
    publicEn: system.publicName?.en ?? '',
    publicEs: system.publicName?.es ?? '',
    audience: system.audience,
    dependencies: system.dependsOn.map((d) => ({ id: d.id, kind: d.kind })),
  };
}

const durationKeys = ['interval', 'timeout', 'grace'];

/**
 * A stored check back in the form the API accepts: durations are stored in milliseconds but read
 * as seconds when they are bare numbers, so they go back spelled out ("60s").
 */
export function checkAsInput(spec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...spec };
  for (const k of durationKeys) if (typeof out[k] === 'number') out[k] = formatDuration(out[k]);
  const expect = out.expect;
  if (expect && typeof expect === 'object' && !Array.isArray(expect)) {
    const e = { ...(expect as Record<string, unknown>) };
    if (typeof e.maxLatency === 'number') e.maxLatency = formatDuration(e.maxLatency);
    out.expect = e;
  }
  return out;
}

const blank = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** The request body: the form's fields, and the system's checks kept as they are. */
export function toBody(v: SystemFormValues, checks: Record<string, unknown>[]): SystemSpecInput {
  const hasPublic = v.publicEn.trim() !== '' || v.publicEs.trim() !== '';
  return {
    id: v.id.trim(),
    name: v.name,
    category: v.category,
    tier: v.tier === '1' ? 1 : v.tier === '2' ? 2 : 3,
    owner: blank(v.owner),
    vendor: blank(v.vendor),
    hosting: v.hosting === '' ? undefined : v.hosting,
    description: blank(v.description),
    runbook: blank(v.runbook),
    public: hasPublic ? { en: v.publicEn, es: v.publicEs } : undefined,
    audience: v.audience,
    dependsOn: v.dependencies.flatMap((d) => (d.id ? [{ id: d.id, kind: d.kind }] : [])),
    checks: checks.map(checkAsInput) as SystemSpecInput['checks'],
  };
}

/** Checks with the shared schema before sending; errors keyed by the API's field paths ("public.en", "dependsOn.0"). */
export function validate(v: SystemFormValues, checks: Record<string, unknown>[], t: TFunction) {
  const body = toBody(v, checks);
  const checked = checkForm(systemSpecSchema, body, t);
  const errors = { ...checked.errors };
  if ((v.publicEn.trim() === '') !== (v.publicEs.trim() === '')) {
    errors[v.publicEn.trim() === '' ? 'public.en' : 'public.es'] = t('systems.form.publicBoth');
  }
  v.dependencies.forEach((d, i) => {
    if (!d.id) errors[`dependsOn.${i}`] = t('validation.required');
  });
  return Object.keys(errors).length === 0 ? { body, errors } : { body: undefined, errors };
}

/** "dependency cycle: sso → lms → sso" with names where the board knows them. */
export function cyclePath(message: string, systems: readonly Pick<BoardSystem, 'id' | 'name'>[]): string | undefined {
  const m = /dependency cycle: (.+)$/.exec(message);
  if (!m) return undefined;
  const names = new Map(systems.map((s) => [s.id, s.name]));
  return m[1]!
    .split(' → ')
    .map((id) => (names.has(id) ? `${names.get(id)} (${id})` : id))
    .join(' → ');
}

/** The server's message without the field it already names ("dependsOn.0: unknown system" → "unknown system"). */
export const withoutField = (message: string, field: string | undefined) =>
  field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
