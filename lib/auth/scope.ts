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

/** "read and write", "admin": the scopes a key has, for an error message. */
function listScopes(scopes: readonly ApiKeyScope[]): string {
  if (scopes.length === 0) return 'no';
  return scopes.length === 1 ? scopes[0]! : `${scopes.slice(0, -1).join(', ')} and ${scopes.at(-1)}`;
}

/** The 403 for an API key that lacks a scope: it names the key's scopes, the one needed, and where to change them. */
function missingKeyScope(scope: Scope, needed: ApiKeyScope, action?: string): AppError {
  const has = `This API key has the ${listScopes(scope.scopes)} scope${scope.scopes.length === 1 ? '' : 's'}`;
  return new AppError(
    'forbidden',
    `${has}; ${action ?? 'this action'} needs the ${needed} scope. Edit the key's scopes under Settings → API keys.`,
    { reason: 'api_key_scope', scopes: [...scope.scopes], requiredScope: needed },
  );
}

/**
 * Throws 403 unless the caller has at least `minimum` role (and, for API keys, the scope). An API key is checked for
 * its scope first, so its error says the key (not the person) lacks the right. `action` ("deleting a workflow") names
 * what was attempted in the message.
 */
export function requireRole(
  scope: Scope,
  minimum: Role,
  apiScope: ApiKeyScope = minimum === 'member' ? 'write' : 'admin',
  action?: string,
): void {
  if (scope.via === 'apiKey') {
    if (!scope.scopes.includes(apiScope)) throw missingKeyScope(scope, apiScope, action);
    if (!hasRole(scope, minimum))
      throw new AppError(
        'forbidden',
        minimum === 'owner'
          ? `API keys act with at most the admin role; ${action ?? 'this action'} needs the workspace owner, signed in`
          : `This API key acts for its creator, who needs the ${minimum} role in the workspace`,
        { reason: 'role', requiredRole: minimum },
      );
    return;
  }
  if (!hasRole(scope, minimum))
    throw new AppError('forbidden', `This needs the ${minimum} role in the workspace`, {
      reason: 'role',
      requiredRole: minimum,
    });
}

/** Throws 403 unless an API key has the scope (sessions always pass). */
export function requireScope(scope: Scope, apiScope: ApiKeyScope, action?: string): void {
  if (scope.via === 'apiKey' && !scope.scopes.includes(apiScope) && !scope.scopes.includes('admin')) {
    throw missingKeyScope(scope, apiScope, action);
  }
}
