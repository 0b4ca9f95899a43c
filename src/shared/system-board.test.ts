import { describe, expect, it } from 'vitest';
import type { BoardSystem } from './api/system-views';
import { boardSystem } from '../../test/helpers/board-system';
import { boardPage, readBoardParams, sortKey, urgencyOrder } from './system-board';

const system = (name: string, status: BoardSystem['status'], tier: number, impactedBy: string[] = []): BoardSystem =>
  boardSystem({ id: name.toLowerCase(), name, tier, status, own: status, impactedBy });

describe('the board’s order and pages (the app’s and the server’s first paint alike)', () => {
  it('puts the most urgent first, then tier 1, then names with case and accents ignored', () => {
    const rows = [
      system('zoom', 'operational', 1),
      system('Évaluation', 'operational', 1),
      system('email', 'operational', 1),
      system('Firewall', 'operational', 1),
      system('Gradebook', 'major_outage', 2, ['sis']),
      system('SIS', 'major_outage', 2),
      system('Alarms', 'operational', 3),
      system('Wi-Fi', 'degraded', 3),
    ];
    expect(rows.sort(urgencyOrder()).map((s) => s.name)).toEqual([
      'SIS',
      'Gradebook',
      'Wi-Fi',
      'email',
      'Évaluation',
      'Firewall',
      'zoom',
      'Alarms',
    ]);
    expect(sortKey('Árbol Ñandú')).toBe('arbol nandu');
  });

  it('reads the URL as the board writes it, ignoring what it does not know, and keeps a page past the last on the last', () => {
    expect(readBoardParams(new URLSearchParams('q=sso&status=down&tier=1&category=identity&page=2'))).toEqual({
      filter: { q: 'sso', group: 'down', tier: '1', category: 'identity' },
      view: 'board',
      page: 2,
    });
    expect(readBoardParams(new URLSearchParams('status=exploded&tier=9&page=-3&view=graph'))).toEqual({
      filter: { q: '', group: undefined, tier: undefined, category: undefined },
      view: 'graph',
      page: 1,
    });
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(boardPage(rows, 9)).toMatchObject({ current: 3, pages: 3 });
    expect(boardPage(rows, 9).rows).toEqual(rows.slice(100));
  });
});
