import { createContext, useContext } from 'react';
import { queryOptions } from '@tanstack/react-query';
import type { Me } from '../../shared/api/auth';
import { fetchMe } from '../api/auth';
import type { Permission } from './permissions';

export type { Me };

export const meQuery = queryOptions({ queryKey: ['me'], queryFn: fetchMe, staleTime: 5 * 60_000 });

/** The signed-in account; provided by RequireAuth, so pages behind it never see null. */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside RequireAuth');
  return me;
}

/** Permissions are a UI hint only: hidden items are still refused by the server. */
export function can(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}
