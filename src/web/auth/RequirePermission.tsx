import type { ReactNode } from 'react';
import { NotPermitted } from '../components/NotPermitted';
import { useMe } from './me';
import type { Permission } from './permissions';

/** Pages behind a permission show the "not permitted" page to others (the server refuses their requests anyway). */
export function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const me = useMe();
  return anyOf.some((p) => me.permissions.includes(p)) ? children : <NotPermitted />;
}
