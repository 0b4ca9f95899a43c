import { z } from 'zod';
import { systemCategorySchema } from './api/systems';
import { statusGroup, statusGroupSchema, statusGroups, type BoardSystem, type StatusGroup } from './api/system-views';

/**
 * The systems board's search, filters, order and pages: the web app's board (SystemsPage) and the
 * server's first paint of it (modules/systems/status/board-first-paint.ts) show the same rows in
 * the same order for the same URL.
 */
export const PAGE_SIZE = 50;

const tierSchema = z.enum(['1', '2', '3']);
const viewSchema = z.enum(['board', 'graph']);

export interface BoardFilter {
  q: string;
  group?: StatusGroup;
  tier?: '1' | '2' | '3';
  category?: z.infer<typeof systemCategorySchema>;
}

export interface BoardParams {
  filter: BoardFilter;
  view: 'board' | 'graph';
  /** From 1; past the last page means the last page. */
  page: number;
}

/** The board's state as the URL's query holds it (`?q=&status=&tier=&category=&view=&page=`); anything unknown is ignored. */
export function readBoardParams(params: URLSearchParams): BoardParams {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    filter: {
      q: params.get('q') ?? '',
      group: statusGroupSchema.safeParse(params.get('status')).data,
      tier: tierSchema.safeParse(params.get('tier')).data,
      category: systemCategorySchema.safeParse(params.get('category')).data,
    },
    view: viewSchema.safeParse(params.get('view')).data ?? 'board',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

const severity = new Map(statusGroups.map((g, i) => [g, i]));

/** Latin letters with accents, lower case, and the letter each sorts as. */
const accented = 'àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ';
const plain = 'aaaaaaceeeeiiiinoooooouuuuyy';

/** A name as it sorts: case and the common Latin accents ignored ("Évaluation" among the e's). */
export function sortKey(name: string): string {
  return name.toLowerCase().replace(/[\u00e0-\u00ff]/g, (c) => plain[accented.indexOf(c)] ?? c);
}

/**
 * Most urgent first: down, impacted, degraded…, then by tier (1 first), then by name, case and
 * accents ignored. The same in the browser and on the server, which draws the board first, so
 * the rows never move when the app takes over; plain string comparison rather than `Intl.Collator`,
 * whose collation tables cost the server ~5 MB of memory (ICU's data, paged in on first use).
 */
export function urgencyOrder(): (a: BoardSystem, b: BoardSystem) => number {
  const keys = new Map<string, string>();
  const key = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) keys.set(name, (k = sortKey(name)));
    return k;
  };
  const byName = (a: string, b: string) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  return (a, b) => severity.get(statusGroup(a))! - severity.get(statusGroup(b))! || a.tier - b.tier || byName(a.name, b.name);
}

/** The systems the filters keep; `label` gives the words a search also matches (the category in the reader's language). */
export function filterSystems(systems: readonly BoardSystem[], f: BoardFilter, label: (s: BoardSystem) => string): BoardSystem[] {
  const words = f.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return systems.filter((s) => {
    if (f.group && statusGroup(s) !== f.group) return false;
    if (f.tier && String(s.tier) !== f.tier) return false;
    if (f.category && s.category !== f.category) return false;
    if (words.length === 0) return true;
    const text = `${s.name} ${s.id} ${s.ownerName ?? ''} ${label(s)}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export const hasFilter = (f: BoardFilter) => Boolean(f.q.trim() || f.group || f.tier || f.category);

/** The page shown (the last one when `page` is past it) and its rows. */
export function boardPage<T>(rows: readonly T[], page: number): { current: number; pages: number; rows: T[] } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  return { current, pages, rows: rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE) };
}
