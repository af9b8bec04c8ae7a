// Permissions are computed once, from common's menu table, and used by the menu, the routes
// and any button that depends on a role. The API enforces the same table.
import { useMemo } from 'react';
import { menuFor, type MenuItem, type Role } from '@hq/common';
import { useMe } from './auth';

export interface Access {
  /** The menu this person sees. */
  menu: MenuItem[];
  /** The pages they may open: the menu's leaves. */
  pages: MenuItem[];
  hasRole(...roles: Role[]): boolean;
}

function leaves(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => (item.children ? leaves(item.children) : [item]));
}

export function useAccess(): Access {
  const { roles } = useMe();
  return useMemo(() => {
    const menu = menuFor(roles);
    return { menu, pages: leaves(menu), hasRole: (...wanted) => wanted.some((r) => roles.includes(r)) };
  }, [roles]);
}

export const useMenu = (): MenuItem[] => useAccess().menu;
export const useHasRole = (): Access['hasRole'] => useAccess().hasRole;
