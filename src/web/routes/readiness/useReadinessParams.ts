import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { readinessFilters, type ReadinessFilter } from './readiness-dates';

const isFilter = (v: string | null): v is ReadinessFilter => (readinessFilters as readonly (string | null)[]).includes(v);

/** The chosen school year and filter live in the URL, so reload, Back and a shared link keep them. */
export function useReadinessParams() {
  const [params, setParams] = useSearchParams();
  const year = Number.parseInt(params.get('year') ?? '', 10);
  const filter = params.get('show');
  const update = useCallback(
    (changes: { year?: number; filter?: ReadinessFilter }) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (changes.year !== undefined) next.set('year', String(changes.year));
          if (changes.filter !== undefined) {
            if (changes.filter === 'all') next.delete('show');
            else next.set('show', changes.filter);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { year: Number.isFinite(year) ? year : undefined, filter: isFilter(filter) ? filter : ('all' as const), update };
}
