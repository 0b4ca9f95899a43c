import { useSearchParams } from 'react-router';
import type { AuditStatus } from '../../../api/device-audits';
import { useQueryUpdate } from '../../../components/useQueryUpdate';

export const AUDITS_PAGE_SIZE = 25;
type Key = 'schoolId' | 'status' | 'page';
/** Values the URL leaves out. */
const AUDIT_DEFAULTS: Partial<Record<Key, string | number>> = { page: 1 };
const isStatus = (value: string | null): value is AuditStatus => value === 'open' || value === 'closed';

/** The history's filters and page live in the URL, so Back, reload and shared links keep them. */
export function useAuditParams() {
  const [params] = useSearchParams();
  const status = params.get('status');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const state = {
    schoolId: params.get('schoolId') ?? undefined,
    status: isStatus(status) ? status : undefined,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };

  /** Changes some values; any change other than the page starts again at page 1. */
  const update = useQueryUpdate(AUDIT_DEFAULTS);

  return { state, update };
}
