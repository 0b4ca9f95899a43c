import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useQueryUpdate } from '../../components/useQueryUpdate';
import { readinessFilters, type ReadinessFilter } from './readiness-dates';

const isFilter = (v: string | null): v is ReadinessFilter => (readinessFilters as readonly (string | null)[]).includes(v);
/** Values the URL leaves out. */
const READINESS_DEFAULTS = { show: 'all' };

/** The chosen school year and filter live in the URL, so reload, Back and a shared link keep them. */
export function useReadinessParams() {
  const [params] = useSearchParams();
  const year = Number.parseInt(params.get('year') ?? '', 10);
  const filter = params.get('show');
  const set = useQueryUpdate<'year' | 'show'>(READINESS_DEFAULTS);
  const update = useCallback(
    (changes: { year?: number; filter?: ReadinessFilter }) =>
      set({
        ...(changes.year !== undefined ? { year: changes.year } : {}),
        ...(changes.filter !== undefined ? { show: changes.filter } : {}),
      }),
    [set],
  );
  return { year: Number.isFinite(year) ? year : undefined, filter: isFilter(filter) ? filter : ('all' as const), update };
}
