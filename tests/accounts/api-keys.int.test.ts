import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, createApiKeySchema } from '@/lib/api-keys/create-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { verifyApiKey } from '@/lib/api-keys/verify-api-key';
import { AppError, fieldIssues } from '@/lib/errors';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { type Seeded, seedMember } from './seed';

let test: TestDb;
let owner: Seeded;
let member: Seeded;
let other: Seeded;
beforeAll(async () => {
  test = await createTestDb();
  owner = await seedMember(test.db, 'owner');
  member = await seedMember(test.db, 'member', owner.workspaceId);
  other = await seedMember(test.db, 'admin');
});
afterAll(() => test.close());

describe('creating an API key', () => {
  it('returns a well-formed key once and stores only its hash', async () => {
    const { key, apiKey } = await createApiKey(test.db, owner.scope, { name: 'CI', scopes: ['read', 'write'] });
    expect(key).toMatch(/^lvq_live_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({
      name: 'CI',
      prefix: key.slice(0, 12),
      last4: key.slice(-4),
      scopes: ['read', 'write'],
      status: 'active',
      revokedAt: null,
    });
    expect(JSON.stringify(apiKey)).not.toContain(key);
    const row = await test.db.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow();
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(row).some((value) => String(value).includes(key))).toBe(false);
  });

  it('is refused to a plain member', async () => {
    const attempt = createApiKey(test.db, member.scope, { name: 'mine', scopes: ['read'] });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('is audited', async () => {
    const { apiKey } = await createApiKey(test.db, owner.scope, { name: 'Audited', scopes: ['read'] });
    const entry = await test.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('target_id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      action: 'api_key.created',
      workspace_id: owner.workspaceId,
      actor_user_id: owner.userId,
    });
  });
});

describe('verifying an API key', () => {
  it('resolves a valid key to its workspace and scopes and marks it used', async () => {
    const { key, apiKey } = await createApiKey(test.db, owner.scope, { name: 'Verify', scopes: ['read'] });
    expect(await verifyApiKey(test.db, key)).toEqual({
      apiKeyId: apiKey.id,
      workspaceId: owner.workspaceId,
      createdBy: owner.userId,
      scopes: ['read'],
    });
    const [listed] = (await listApiKeys(test.db, owner.scope)).filter((k) => k.id === apiKey.id);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('refreshes last use at most once a minute', async () => {
    const { key, apiKey } = await createApiKey(test.db, owner.scope, { name: 'Busy', scopes: ['read'] });
    const recent = new Date(Date.now() - 30_000);
    await test.db.updateTable('api_keys').set({ last_used_at: recent }).where('id', '=', apiKey.id).execute();
    await verifyApiKey(test.db, key);
    const kept = await test.db
      .selectFrom('api_keys')
      .select('last_used_at')
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(kept.last_used_at).toEqual(recent);
    await test.db
      .updateTable('api_keys')
      .set({ last_used_at: new Date(Date.now() - 120_000) })
      .where('id', '=', apiKey.id)
      .execute();
    await verifyApiKey(test.db, key);
    const touched = await test.db
      .selectFrom('api_keys')
      .select('last_used_at')
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(touched.last_used_at?.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it('refuses malformed and unknown keys', async () => {
    expect(await verifyApiKey(test.db, 'not-a-key')).toBeNull();
    expect(await verifyApiKey(test.db, `lvq_live_${'A'.repeat(43)}`)).toBeNull();
  });

  it('refuses a key on the first call after it is revoked', async () => {
    const { key, apiKey } = await createApiKey(test.db, owner.scope, { name: 'Revoke me', scopes: ['read'] });
    expect(await verifyApiKey(test.db, key)).not.toBeNull();
    const revoked = await revokeApiKey(test.db, owner.scope, apiKey.id);
    expect(revoked.status).toBe('revoked');
    expect(await verifyApiKey(test.db, key)).toBeNull();
  });

  it('refuses an expired key', async () => {
    const { key, apiKey } = await createApiKey(test.db, owner.scope, {
      name: 'Short-lived',
      scopes: ['read'],
      expiresAt: new Date(Date.now() + 60_000),
    });
    await test.db
      .updateTable('api_keys')
      .set({ expires_at: new Date(Date.now() - 1_000) })
      .where('id', '=', apiKey.id)
      .execute();
    expect(await verifyApiKey(test.db, key)).toBeNull();
    const [listed] = (await listApiKeys(test.db, owner.scope)).filter((k) => k.id === apiKey.id);
    expect(listed?.status).toBe('expired');
  });
});

describe('revoking an API key', () => {
  it('is harmless the second time and keeps the first revocation time', async () => {
    const { apiKey } = await createApiKey(test.db, owner.scope, { name: 'Twice', scopes: ['read'] });
    const first = await revokeApiKey(test.db, owner.scope, apiKey.id);
    const second = await revokeApiKey(test.db, owner.scope, apiKey.id);
    expect(second.revokedAt).toEqual(first.revokedAt);
    const audits = await test.db
      .selectFrom('audit_logs')
      .select('id')
      .where('action', '=', 'api_key.revoked')
      .where('target_id', '=', apiKey.id)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('answers not found for unknown and malformed ids', async () => {
    await expect(revokeApiKey(test.db, owner.scope, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(revokeApiKey(test.db, owner.scope, 'nonsense')).rejects.toMatchObject({
      code: 'not_found',
      message: 'API key not found',
    });
  });
});

describe('workspace isolation', () => {
  it('hides another workspace’s keys from listing and revocation', async () => {
    const { key, apiKey } = await createApiKey(test.db, other.scope, { name: 'Theirs', scopes: ['admin'] });
    const ownerKeys = await listApiKeys(test.db, owner.scope);
    expect(ownerKeys.map((k) => k.id)).not.toContain(apiKey.id);
    expect(ownerKeys.length).toBeGreaterThan(0);
    await expect(revokeApiKey(test.db, owner.scope, apiKey.id)).rejects.toMatchObject({
      code: 'not_found',
      message: 'API key not found',
    });
    const row = await test.db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
    expect(await verifyApiKey(test.db, key)).not.toBeNull();
    expect((await listApiKeys(test.db, other.scope)).map((k) => k.id)).toEqual([apiKey.id]);
  });

  it('never lists hashes', async () => {
    const keys = await listApiKeys(test.db, owner.scope);
    for (const listed of keys) expect(Object.keys(listed)).not.toContain('key_hash');
  });
});

describe('createApiKeySchema', () => {
  it('accepts a valid body, trimming the name and coercing the expiry', () => {
    const expiry = new Date(Date.now() + 86_400_000).toISOString();
    expect(createApiKeySchema.parse({ name: '  Deploy  ', scopes: ['read'], expiresAt: expiry })).toEqual({
      name: 'Deploy',
      scopes: ['read'],
      expiresAt: new Date(expiry),
    });
    expect(createApiKeySchema.parse({ name: 'Forever', scopes: ['admin'] }).expiresAt).toBeNull();
  });

  it('rejects empty or repeated scopes, a blank name and a past expiry with field paths', () => {
    const empty = createApiKeySchema.safeParse({ name: '   ', scopes: [], expiresAt: '2020-01-01T00:00:00Z' });
    expect(empty.success).toBe(false);
    const paths = empty.error ? fieldIssues(empty.error).map((issue) => issue.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['name', 'scopes', 'expiresAt']));
    const repeated = createApiKeySchema.safeParse({ name: 'x', scopes: ['read', 'read'] });
    expect(repeated.error && fieldIssues(repeated.error)).toEqual([expect.objectContaining({ path: 'scopes' })]);
    const unknown = createApiKeySchema.safeParse({ name: 'x', scopes: ['root'] });
    expect(unknown.error && fieldIssues(unknown.error)[0]?.path).toBe('scopes.0');
  });
});
