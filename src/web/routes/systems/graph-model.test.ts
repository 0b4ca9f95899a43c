import { describe, expect, it } from 'vitest';
import type { BoardSystem } from '../../api/systems';
import { boardSystem } from '../../../../test/helpers/board-system';
import { graphOf, neighbourhoodOf } from './graph-model';

const system = (id: string, dependsOn: BoardSystem['dependsOn'] = [], impactedBy: string[] = []): BoardSystem =>
  boardSystem({ id, dependsOn, impactedBy, status: impactedBy.length ? 'major_outage' : 'operational' });

// sis ← lms ← gradebook ← state; sso ← lms; email ← sso (soft); printers stands alone.
const all = [
  system('sis'),
  system('sso', [{ id: 'email', kind: 'soft' }]),
  system('email'),
  system('lms', [
    { id: 'sso', kind: 'hard' },
    { id: 'sis', kind: 'hard' },
  ]),
  system('gradebook', [{ id: 'lms', kind: 'hard' }], ['sso']),
  system('state', [{ id: 'gradebook', kind: 'soft' }]),
  system('printers'),
];

describe('the dependency graph model', () => {
  it('shows a system with everything it needs and everything that needs it, transitively, and nothing else', () => {
    const g = neighbourhoodOf('lms', all);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['email', 'gradebook', 'lms', 'sis', 'sso', 'state']);
    expect(g.nodes.find((n) => n.current)?.id).toBe('lms');
    expect(g.edges).toContainEqual({ from: 'sso', to: 'email', kind: 'soft' });
    expect(g.nodes.find((n) => n.id === 'gradebook')?.impactedBy).toEqual(['SSO']);
  });

  it('stops at the limit, nearest systems first', () => {
    const g = neighbourhoodOf('lms', all, 3);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['lms', 'sis', 'sso']);
    expect(g.edges.every((e) => g.nodes.some((n) => n.id === e.from) && g.nodes.some((n) => n.id === e.to))).toBe(true);
  });

  it('draws only the edges between the systems the board filter kept', () => {
    const g = graphOf(
      all.filter((s) => ['lms', 'sso', 'printers'].includes(s.id)),
      all,
    );
    expect(g.edges).toEqual([{ from: 'lms', to: 'sso', kind: 'hard' }]);
  });
});
