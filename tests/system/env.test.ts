import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredServices, EnvError, parseEnv, resolveSecrets } from '@/lib/env';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'levqor-env-'));

describe('environment', () => {
  it('starts on embedded defaults when nothing is set', () => {
    const env = parseEnv({ NODE_ENV: 'development' });
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(configuredServices(env)).toEqual({
      database: 'pglite',
      jobs: 'embedded',
      email: 'outbox',
      payments: 'not_configured',
      ai: 'fallback',
      errors: 'logs',
    });
  });

  it('names the variable that has a bad value', () => {
    const attempt = () =>
      parseEnv({ NODE_ENV: 'development', DATABASE_URL: 'mysql://localhost/levqor', STRIPE_SECRET_KEY: 'pk_live_123' });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const { issues, message } = error as EnvError;
      expect(issues.map((i) => i.variable).sort()).toEqual(['DATABASE_URL', 'STRIPE_SECRET_KEY']);
      expect(message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    }
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ NODE_ENV: 'development', DATABASE_URL: '', SENTRY_DSN: '' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses to start in production without secrets', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: is required in production/);
    expect(() => parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) })).toThrow(/ENCRYPTION_KEY/);
  });

  describe('the development mailbox', () => {
    const production = {
      NODE_ENV: 'production' as const,
      AUTH_SECRET: 'a'.repeat(32),
      ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    };

    it('refuses to start in production with the mailbox on, naming the variable', () => {
      const attempt = () => parseEnv({ ...production, LEVQOR_DEV_MAILBOX: '1' });
      expect(attempt).toThrow(EnvError);
      expect(attempt).toThrow(/LEVQOR_DEV_MAILBOX: .*LEVQOR_DEV_MAILBOX_INSECURE=1/);
    });

    it('starts in production when LEVQOR_DEV_MAILBOX_INSECURE=1 acknowledges it', () => {
      const env = parseEnv({ ...production, LEVQOR_DEV_MAILBOX: '1', LEVQOR_DEV_MAILBOX_INSECURE: '1' });
      expect(env).toMatchObject({ isProduction: true, LEVQOR_DEV_MAILBOX: true, LEVQOR_DEV_MAILBOX_INSECURE: true });
    });

    it('leaves development, next build and production with an email provider unaffected', () => {
      expect(parseEnv({ NODE_ENV: 'development', LEVQOR_DEV_MAILBOX: '1' }).LEVQOR_DEV_MAILBOX).toBe(true);
      expect(
        parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build', LEVQOR_DEV_MAILBOX: '1' })
          .isProduction,
      ).toBe(false);
      expect(parseEnv({ ...production, LEVQOR_DEV_MAILBOX: '1', RESEND_API_KEY: 're_123' }).isProduction).toBe(true);
    });
  });

  describe('TRUSTED_PROXY', () => {
    it('is off by default, on when VERCEL=1, and an explicit value wins', () => {
      expect(parseEnv({ NODE_ENV: 'development' }).TRUSTED_PROXY).toBe(false);
      expect(parseEnv({ NODE_ENV: 'development', VERCEL: '1' }).TRUSTED_PROXY).toBe(true);
      expect(parseEnv({ NODE_ENV: 'development', TRUSTED_PROXY: '1' }).TRUSTED_PROXY).toBe(true);
      expect(parseEnv({ NODE_ENV: 'development', VERCEL: '1', TRUSTED_PROXY: '0' }).TRUSTED_PROXY).toBe(false);
    });

    it('names the variable when its value is not a flag', () => {
      expect(() => parseEnv({ NODE_ENV: 'development', TRUSTED_PROXY: 'yes' })).toThrow(/TRUSTED_PROXY/);
    });
  });

  it('lets a production build run without runtime secrets', () => {
    expect(parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }).isProduction).toBe(false);
  });

  it('rejects an encryption key that is not 32 bytes', () => {
    expect(() => parseEnv({ NODE_ENV: 'development', ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /ENCRYPTION_KEY: must be 32 bytes/,
    );
  });

  it('generates development secrets once and keeps them in the data folder', () => {
    const dataDir = tempDir();
    const env = parseEnv({ NODE_ENV: 'development', LEVQOR_DATA_DIR: dataDir });
    const first = resolveSecrets(env);
    const second = resolveSecrets(env);
    expect(first).toEqual(second);
    expect(Buffer.from(first.ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'secrets.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('prefers secrets from the environment over generated ones', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const env = parseEnv({
      NODE_ENV: 'development',
      LEVQOR_DATA_DIR: tempDir(),
      AUTH_SECRET: 'a'.repeat(32),
      ENCRYPTION_KEY: key,
    });
    expect(resolveSecrets(env)).toEqual({ AUTH_SECRET: 'a'.repeat(32), ENCRYPTION_KEY: key });
  });

  it('switches each part to its production service by environment alone', () => {
    const env = parseEnv({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgres://levqor@db.internal/levqor',
      INNGEST_EVENT_KEY: 'evt',
      RESEND_API_KEY: 're_123',
      STRIPE_SECRET_KEY: 'sk_test_123',
      OPENAI_API_KEY: 'sk-abc',
      SENTRY_DSN: 'https://key@o1.ingest.sentry.io/1',
    });
    expect(configuredServices(env)).toEqual({
      database: 'postgres',
      jobs: 'inngest',
      email: 'resend',
      payments: 'stripe',
      ai: 'openai',
      errors: 'sentry',
    });
    expect(
      configuredServices(parseEnv({ NODE_ENV: 'development', POSTGRES_URL: 'postgres://x@y/z', VERCEL: '1' })).database,
    ).toBe('vercel-postgres');
  });
});
