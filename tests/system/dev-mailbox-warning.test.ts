import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/jobs/embedded-scheduler', () => ({ startEmbeddedScheduler: vi.fn() }));
vi.mock('@/lib/workflows/engine/embedded-driver', () => ({ startEmbeddedDriver: vi.fn() }));
vi.mock('@/db', () => ({ getDb: vi.fn() }));

async function startWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  vi.stubEnv('AUTH_SECRET', randomBytes(32).toString('base64url'));
  vi.stubEnv('ENCRYPTION_KEY', randomBytes(32).toString('base64'));
  vi.stubEnv('LEVQOR_SCHEDULER', 'off');
  vi.stubEnv('RESEND_API_KEY', undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const { logger } = await import('@/lib/logger');
  const logged = vi.spyOn(logger, 'warn').mockImplementation(() => {});
  const { startServer } = await import('@/lib/startup');
  await startServer();
  return { console: warn.mock.calls.flat().join('\n'), logged: logged.mock.calls.flat().map(String).join('\n') };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('starting with the development mailbox in production', () => {
  it('warns loudly, on the console and in the log, when LEVQOR_DEV_MAILBOX_INSECURE=1 acknowledges it', async () => {
    const warnings = await startWith({
      NODE_ENV: 'production',
      LEVQOR_DEV_MAILBOX: '1',
      LEVQOR_DEV_MAILBOX_INSECURE: '1',
    });
    expect(warnings.console).toMatch(/INSECURE: LEVQOR_DEV_MAILBOX is on in production/);
    expect(warnings.logged).toMatch(/anyone can read every sign-in link/);
  });

  it('says nothing in development', async () => {
    const warnings = await startWith({ NODE_ENV: 'development', LEVQOR_DEV_MAILBOX: '1' });
    expect(warnings.console).toBe('');
    expect(warnings.logged).not.toMatch(/LEVQOR_DEV_MAILBOX/);
  });
});
