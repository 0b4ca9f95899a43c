import { useSearchParams } from 'react-router';
import { readBoardParams } from '../../../shared/system-board';
import { useQueryUpdate } from '../../components/useQueryUpdate';

type Key = 'q' | 'status' | 'tier' | 'category' | 'view' | 'page';
/** Values the URL leaves out. */
const BOARD_DEFAULTS: Partial<Record<Key, string | number>> = { page: 1, view: 'board' };

/** The board's search, filters, view and page live in the URL, so Back, reload and shared links keep them. */
export function useBoardParams() {
  const [params] = useSearchParams();
  /** Changes some values; any change other than the page starts again at page 1. */
  const update = useQueryUpdate(BOARD_DEFAULTS);
  return { ...readBoardParams(params), update };
}
