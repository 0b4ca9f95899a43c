import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { systemCategorySchema } from '../../../shared/api/systems';
import { statusGroupSchema, statusGroups, statusGroup, type BoardSystem, type StatusGroup } from '../../../shared/api/system-views';
import { useQueryUpdate } from '../../components/useQueryUpdate';

export const PAGE_SIZE = 50;

const groupSchema = statusGroupSchema;
const tierSchema = z.enum(['1', '2', '3']);
const viewSchema = z.enum(['board', 'graph']);

export interface BoardFilter {
  q: string;
  group?: StatusGroup;
  tier?: '1' | '2' | '3';
  category?: z.infer<typeof systemCategorySchema>;
}

type Key = 'q' | 'status' | 'tier' | 'category' | 'view' | 'page';
/** Values the URL leaves out. */
const BOARD_DEFAULTS: Partial<Record<Key, string | number>> = { page: 1, view: 'board' };

/** The board's search, filters, view and page live in the URL, so Back, reload and shared links keep them. */
export function useBoardParams() {
  const [params] = useSearchParams();
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const filter: BoardFilter = {
    q: params.get('q') ?? '',
    group: groupSchema.safeParse(params.get('status')).data,
    tier: tierSchema.safeParse(params.get('tier')).data,
    category: systemCategorySchema.safeParse(params.get('category')).data,
  };
  const view = viewSchema.safeParse(params.get('view')).data ?? 'board';

  /** Changes some values; any change other than the page starts again at page 1. */
  const update = useQueryUpdate(BOARD_DEFAULTS);

  return { filter, view, page: Number.isFinite(page) && page > 0 ? page : 1, update };
}

const severity = new Map(statusGroups.map((g, i) => [g, i]));

const collators = new Map<string, Intl.Collator>();

/**
 * Most urgent first: down, impacted, degraded…, then by tier (1 first), then by name in the reader's
 * locale (the server's render and the browser sort alike). One collator per locale: `localeCompare`
 * with options builds one per call, ten thousand of them to sort a thousand systems.
 */
export function urgencyOrder(locale: string): (a: BoardSystem, b: BoardSystem) => number {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { sensitivity: 'base' })));
  const byName = collator;
  return (a, b) => severity.get(statusGroup(a))! - severity.get(statusGroup(b))! || a.tier - b.tier || byName.compare(a.name, b.name);
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
