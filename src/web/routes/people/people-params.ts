import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { peopleQuerySchema, peopleSortSchema, type PeopleQuery } from '../../../shared/api/people';

export const PAGE_SIZE = 25;
export type PeopleSort = NonNullable<PeopleQuery['sort']>;
export type PeopleRole = NonNullable<PeopleQuery['role']>;

const roleSchema = peopleQuerySchema.shape.role.unwrap();

/** The directory's search, filters, sort and page live in the URL, so Back, reload and shared links keep them. */
export function usePeopleParams() {
  const [params, setParams] = useSearchParams();
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
  const update = useCallback(
    (changes: Partial<Record<'q' | 'role' | 'schoolId' | 'grade' | 'classId' | 'sort' | 'page', string | number | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '' || (key === 'page' && value === 1) || (key === 'sort' && value === 'name'))
              next.delete(key);
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
