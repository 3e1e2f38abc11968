// Authenticates a request for withApi: a session (cookie) or an API key (Authorization: Bearer lvq_live_…).
import 'server-only';
import { getDb } from '@/db';
import type { ApiKeyScope } from '@/db/types';
import { hasRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { verifyApiKey } from '@/lib/api-keys/verify-api-key';
import { assertWorkspaceActive, getMembershipScope } from '@/lib/workspaces/list-workspaces';

export type Caller = { scope: Scope | null; userId: string | null; isAdmin: boolean; rateLimitKey: string | null };

export async function authenticateApiKey(req: Request): Promise<Caller | null> {
  const header = req.headers.get('authorization');
  if (!header?.startsWith('Bearer ')) return null;
  const db = await getDb();
  const key = await verifyApiKey(db, header.slice('Bearer '.length).trim());
  if (!key) throw new AppError('unauthorized', 'The API key is invalid, expired or revoked');
  await assertWorkspaceActive(db, key.workspaceId);
  // A key acts as its creator and never above the creator's current role.
  const creator = key.createdBy ? await getMembershipScope(db, key.createdBy, key.workspaceId) : null;
  if (!creator) throw new AppError('unauthorized', 'The API key belongs to someone who is no longer a member');
  const canAdmin = key.scopes.includes('admin') && hasRole(creator, 'admin');
  const scopes = key.scopes.filter((keyScope) => keyScope !== 'admin' || canAdmin) as ApiKeyScope[];
  const scope: Scope = {
    workspaceId: key.workspaceId,
    userId: key.createdBy,
    role: canAdmin ? 'admin' : 'member',
    via: 'apiKey',
    apiKeyId: key.apiKeyId,
    scopes,
  };
  return { scope, userId: key.createdBy, isAdmin: false, rateLimitKey: `api-key:${key.apiKeyId}` };
}

export async function authenticateSession(): Promise<Caller | null> {
  const { getSessionScope, getSessionUser } = await import('@/lib/auth/session-scope');
  const user = await getSessionUser();
  if (!user) return null;
  const scope = await getSessionScope(user);
  if (scope) await assertWorkspaceActive(await getDb(), scope.workspaceId);
  return { scope, userId: user.id, isAdmin: user.isAdmin, rateLimitKey: `user:${user.id}` };
}
