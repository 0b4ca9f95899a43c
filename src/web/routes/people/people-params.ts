import { useSearchParams } from 'react-router';
import { peopleQuerySchema, peopleSortSchema, type PeopleQuery } from '../../../shared/api/people';
import { useQueryUpdate } from '../../components/useQueryUpdate';

export const PAGE_SIZE = 25;
export type PeopleSort = NonNullable<PeopleQuery['sort']>;
export type PeopleRole = NonNullable<PeopleQuery['role']>;

const roleSchema = peopleQuerySchema.shape.role.unwrap();
type Key = 'q' | 'role' | 'schoolId' | 'grade' | 'classId' | 'sort' | 'page';
/** Values the URL leaves out. */
const PEOPLE_DEFAULTS: Partial<Record<Key, string | number>> = { page: 1, sort: 'name' };

/** The directory's search, filters, sort and page live in the URL, so Back, reload and shared links keep them. */
export function usePeopleParams() {
  const [params] = useSearchParams();
  const role = roleSchema.safeParse(params.get('role'));
  const sort = peopleSortSchema.safeParse(params.get('sort'));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const state = {
    q: params.get('q') ?? '',
    role: role.success ? role.data : undefined,
    schoolId: params.get('schoolId') ?? undefined,
    grade: params.get('grade') ?? undefined,
    classId: params.get('classId') ?? undefined,
    sort: sort.success ? sort.data : ('name' as const),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };

  /** Changes some values; any change other than the page starts again at page 1. */
  const update = useQueryUpdate(PEOPLE_DEFAULTS);

  return { state, update };
}
