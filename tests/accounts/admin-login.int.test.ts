import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { authorizeAdmin } from '@/lib/auth/authorize-admin';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { createTestDb, type TestDb } from '../helpers/test-db';

const env = vi.hoisted(() => ({ current: {} as Record<string, unknown> }));
vi.mock('@/lib/env', async (importOriginal) => ({ ...(await importOriginal<object>()), getEnv: () => env.current }));

let test: TestDb;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  test = await createTestDb();
  env.current = { ADMIN_EMAIL: 'ops@levqor.io', ADMIN_PASSWORD_HASH: await hashPassword(PASSWORD) };
});
afterAll(() => test.close());
beforeEach(() => test.db.deleteFrom('rate_limits').execute());

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one; each hash is salted', async () => {
    const hash = await hashPassword('s3cret passphrase');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('s3cret passphrase', hash)).toBe(true);
    expect(await verifyPassword('s3cret passphrasE', hash)).toBe(false);
    expect(await hashPassword('s3cret passphrase')).not.toBe(hash);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });
});

describe('operator login', () => {
  it('signs the operator in as a platform admin', async () => {
    const user = await authorizeAdmin(test.db, { email: 'OPS@levqor.io', password: PASSWORD });
    expect(user?.email).toBe('ops@levqor.io');
    const row = await test.db
      .selectFrom('users')
      .select('is_admin')
      .where('email', '=', 'ops@levqor.io')
      .executeTakeFirstOrThrow();
    expect(row.is_admin).toBe(true);
  });

  it('refuses a wrong password and records the failure without the raw email', async () => {
    expect(await authorizeAdmin(test.db, { email: 'ops@levqor.io', password: 'guess' })).toBeNull();
    const failure = await test.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('action', '=', 'auth.sign_in_failed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(failure.actor_label).toBe('o***@levqor.io');
  });

  it('locks the address after 10 attempts in 10 minutes, even with the right password', async () => {
    // Freeze the clock inside one 10-minute window so the attempts cannot straddle its boundary.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T12:01:00Z'));
    try {
      for (let i = 0; i < 10; i++) await authorizeAdmin(test.db, { email: 'ops@levqor.io', password: `guess ${i}` });
      expect(await authorizeAdmin(test.db, { email: 'ops@levqor.io', password: PASSWORD })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses any other email and malformed input', async () => {
    expect(await authorizeAdmin(test.db, { email: 'someone@levqor.io', password: PASSWORD })).toBeNull();
    expect(await authorizeAdmin(test.db, { email: 'not an email', password: PASSWORD })).toBeNull();
    expect(await authorizeAdmin(test.db, undefined)).toBeNull();
  });
});
