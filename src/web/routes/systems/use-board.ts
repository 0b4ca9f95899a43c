import { useQuery } from '@tanstack/react-query';
import { fetchBoard, systemKeys } from '../../api/systems';

/** The board refreshes itself: an outage should show up without anyone reloading the page. */
export const BOARD_REFRESH_MS = 30_000;

/** Every system's live status, shared by the board, the graph and each system's page. */
export function useBoard() {
  return useQuery({ queryKey: systemKeys.board, queryFn: fetchBoard, refetchInterval: BOARD_REFRESH_MS, staleTime: 10_000 });
}
