import { useState } from 'react';
import type { PeopleSearch } from '../../api/people';
import { PeopleTable } from '../people/PeopleTable';
import type { PeopleSort } from '../people/people-params';

/** The people of a school or class, sorted and paged by the server like the directory. */
export function Roster({ filter, caption }: { filter: Pick<PeopleSearch, 'schoolId' | 'classId' | 'role'>; caption: string }) {
  const [sort, setSort] = useState<PeopleSort>('name');
  const [page, setPage] = useState(1);
  return (
    <PeopleTable
      caption={caption}
      query={{ ...filter, sort, page }}
      onSort={(s) => {
        setSort(s);
        setPage(1);
      }}
      onPage={setPage}
    />
  );
}
