import { useQuery } from '@tanstack/react-query';
import { fetchSchools } from '../../../api/people';

/** The district's schools, shared with every other page that lists them (same query key). */
export function useSchools() {
  return useQuery({ queryKey: ['schools'], queryFn: fetchSchools });
}
