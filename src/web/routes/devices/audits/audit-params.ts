import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditStatus } from '../../../api/device-audits';

export const AUDITS_PAGE_SIZE = 25;
type Key = 'schoolId' | 'status' | 'page';
const isStatus = (value: string | null): value is AuditStatus => value === 'open' || value === 'closed';

/** The history's filters and page live in the URL, so Back, reload and shared links keep them. */
export function useAuditParams() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const state = {
    schoolId: params.get('schoolId') ?? undefined,
    status: isStatus(status) ? status : undefined,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };

  /** Changes some values; a change of filter starts again at page 1. */
  const update = useCallback(
    (changes: Partial<Record<Key, string | number | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '' || (key === 'page' && value === 1)) next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { state, update };
}
