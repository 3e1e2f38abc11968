// Role and scope checks: an API key's 403 names the key's scopes and the one needed; a person's names the role.
import { describe, expect, it } from 'vitest';
import { requireRole, requireScope, type Scope } from '@/lib/auth/scope';

const key = (scopes: Scope['scopes'], role: Scope['role'] = 'member'): Scope => ({
  workspaceId: 'w',
  userId: 'u',
  role,
  via: 'apiKey',
  apiKeyId: 'k',
  scopes,
});
const person = (role: Scope['role']): Scope => ({ workspaceId: 'w', userId: 'u', role, via: 'session', scopes: [] });

describe('requireRole', () => {
  it("tells an API key without the admin scope that the key's scopes are the cause, and where to edit them", () => {
    expect(() => requireRole(key(['read', 'write']), 'admin', 'admin', 'deleting a workflow')).toThrow(
      "This API key has the read and write scopes; deleting a workflow needs the admin scope. Edit the key's scopes under Settings → API keys.",
    );
  });

  it('names the missing write scope for a read-only key', () => {
    expect(() => requireRole(key(['read']), 'member')).toThrow(
      /^This API key has the read scope; this action needs the write scope\./,
    );
  });

  it('tells a signed-in member that their role is the cause, not a key', () => {
    let message = '';
    try {
      requireRole(person('member'), 'admin');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('This needs the admin role in the workspace');
    expect(message).not.toContain('API key');
  });

  it('lets an owner, and an admin key, through', () => {
    expect(() => requireRole(person('owner'), 'admin')).not.toThrow();
    expect(() => requireRole(key(['read', 'write', 'admin'], 'admin'), 'admin')).not.toThrow();
  });

  it('explains that keys never act as the owner', () => {
    expect(() => requireRole(key(['read', 'write', 'admin'], 'admin'), 'owner')).toThrow(/at most the admin role/);
  });
});

describe('requireScope', () => {
  it('names the scope a write-only key lacks to read', () => {
    expect(() => requireScope(key(['write']), 'read')).toThrow(/has the write scope; this action needs the read scope/);
    expect(() => requireScope(person('member'), 'admin')).not.toThrow();
  });
});
