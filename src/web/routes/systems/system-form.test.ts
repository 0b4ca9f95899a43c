import { describe, expect, it } from 'vitest';
import { systemSpecSchema } from '../../../shared/api/systems';
import { type SystemDetail } from '../../../shared/api/system-views';
import { cyclePath, initialValues, toBody } from './system-form';

// What the API answers for a system, with its checks stored in their normalised form (milliseconds).
const stored = systemSpecSchema.parse({
  id: 'sso',
  name: 'Single sign-on',
  category: 'identity',
  tier: 1,
  checks: [
    {
      type: 'http',
      url: 'https://sso.example.org/health',
      interval: '30s',
      timeout: '2s',
      expect: { status: '200-299', maxLatency: '1500ms' },
    },
    { type: 'heartbeat', name: 'nightly', interval: '1d', grace: '30m' },
    { type: 'dns', host: 'sso.example.org', expect: '10.0.0.5' },
  ],
});

const detail: SystemDetail = {
  id: 'sso',
  name: 'Single sign-on',
  category: 'identity',
  ownerId: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  owner: { id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b', kind: 'person', name: 'Tess Teacher', email: 'tess@example.org' },
  vendor: 'Okta',
  tier: 1,
  hosting: 'cloud',
  description: null,
  runbookUrl: null,
  publicName: { en: 'Sign-in', es: 'Inicio de sesión' },
  audience: 'both',
  dependsOn: [],
  neededBy: [],
  checks: stored.checks.map((spec, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    key: spec.name ?? spec.type,
    type: spec.type,
    intervalMs: spec.interval,
    state: 'up' as const,
    lastCheckedAt: null,
    lastLatencyMs: null,
    lastMessage: null,
    spec: spec,
  })),
  updatedAt: '2030-01-01T00:00:00.000Z',
  uptime: { day: null, month: null, quarter: null },
  recentIncidents: [],
};

describe('the system form', () => {
  it('sends the checks back unchanged, so saving a system does not alter or reset them', () => {
    const body = toBody(
      initialValues(detail),
      detail.checks.map((c) => c.spec),
    );
    expect(systemSpecSchema.parse(body).checks).toEqual(stored.checks);
  });

  it('names a rostered person owner by id (their email is not an account), an account by email', () => {
    expect(initialValues(detail).owner).toBe(detail.ownerId);
    const account = { ...detail, owner: { ...detail.owner!, kind: 'account' as const, email: 'it@example.org' } };
    expect(initialValues(account).owner).toBe('it@example.org');
  });

  it('spells a refused cycle with the systems’ names', () => {
    const systems = [
      { id: 'sso', name: 'Single sign-on' },
      { id: 'lms', name: 'Learning management system' },
    ];
    expect(cyclePath('dependsOn.0: dependency cycle: sso → lms → sso', systems)).toBe(
      'Single sign-on (sso) → Learning management system (lms) → Single sign-on (sso)',
    );
    expect(cyclePath('owner: not an account', systems)).toBeUndefined();
  });
});
