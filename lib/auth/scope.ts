// The caller's scope: which workspace a request acts in, as whom, and with which rights.
import type { ApiKeyScope, Role } from '@/db/types';
import { AppError } from '@/lib/errors';

export type Scope = {
  workspaceId: string;
  /** The signed-in user, or the user who created the API key. */
  userId: string | null;
  role: Role;
  via: 'session' | 'apiKey';
  apiKeyId?: string;
  /** API-key scopes; a session has every scope its role allows. */
  scopes: readonly ApiKeyScope[];
};

const roleRank: Record<Role, number> = { member: 0, admin: 1, owner: 2 };

export function hasRole(scope: Scope, minimum: Role): boolean {
  return roleRank[scope.role] >= roleRank[minimum];
}

/** Throws 403 unless the caller has at least `minimum` role (and, for API keys, the scope). */
export function requireRole(
  scope: Scope,
  minimum: Role,
  apiScope: ApiKeyScope = minimum === 'member' ? 'write' : 'admin',
): void {
  if (!hasRole(scope, minimum)) throw new AppError('forbidden', `This needs the ${minimum} role in the workspace`);
  if (scope.via === 'apiKey' && !scope.scopes.includes(apiScope))
    throw new AppError('forbidden', `This API key lacks the ${apiScope} scope`);
}

/** Throws 403 unless an API key has the scope (sessions always pass). */
export function requireScope(scope: Scope, apiScope: ApiKeyScope): void {
  if (scope.via === 'apiKey' && !scope.scopes.includes(apiScope) && !scope.scopes.includes('admin')) {
    throw new AppError('forbidden', `This API key lacks the ${apiScope} scope`);
  }
}
