import { useSearchParams } from 'react-router';
import { deviceSortSchema, deviceStatusSchema } from '../../../shared/api/devices';
import { useQueryUpdate } from '../../components/useQueryUpdate';

export const PAGE_SIZE = 25;
export type DeviceSort = ReturnType<typeof deviceSortSchema.parse>;
type Key = 'q' | 'status' | 'schoolId' | 'modelId' | 'sort' | 'page';
/** Values the URL leaves out. */
const DEVICE_DEFAULTS: Partial<Record<Key, string | number>> = { page: 1, sort: 'tag' };

/** The inventory's search, filters, sort and page live in the URL, so Back, reload and shared links keep them. */
export function useDeviceParams() {
  const [params] = useSearchParams();
  const status = deviceStatusSchema.safeParse(params.get('status'));
  const sort = deviceSortSchema.safeParse(params.get('sort'));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const state = {
    q: params.get('q') ?? '',
    status: status.success ? status.data : undefined,
    schoolId: params.get('schoolId') ?? undefined,
    modelId: params.get('modelId') ?? undefined,
    sort: sort.success ? sort.data : ('tag' as const),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };

  /** Changes some values; any change other than the page starts again at page 1. */
  const update = useQueryUpdate(DEVICE_DEFAULTS);

  return { state, update };
}
