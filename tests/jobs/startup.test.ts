import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const startEmbeddedScheduler = vi.fn();
vi.mock('@/lib/jobs/embedded-scheduler', () => ({ startEmbeddedScheduler }));
vi.mock('@/db', () => ({ getDb: vi.fn() }));

async function startWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  vi.stubEnv('AUTH_SECRET', randomBytes(32).toString('base64url'));
  vi.stubEnv('ENCRYPTION_KEY', randomBytes(32).toString('base64'));
  vi.stubEnv('NEXT_RUNTIME', 'nodejs');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { startServer } = await import('@/lib/startup');
  await startServer();
}

beforeEach(() => startEmbeddedScheduler.mockClear());
afterEach(() => vi.unstubAllEnvs());

describe('starting the server', () => {
  it('starts the embedded scheduler with every job when Inngest is not configured', async () => {
    await startWith({ INNGEST_EVENT_KEY: undefined, INNGEST_DEV: undefined });
    expect(startEmbeddedScheduler).toHaveBeenCalledTimes(1);
    const { jobDefinitions } = await import('@/lib/jobs/definitions');
    expect(startEmbeddedScheduler.mock.calls[0]![0]).toMatchObject({ jobs: jobDefinitions });
  });

  it.each([
    ['Inngest drives the jobs', { INNGEST_EVENT_KEY: 'test-key' }],
    ['LEVQOR_SCHEDULER is off', { LEVQOR_SCHEDULER: 'off', INNGEST_EVENT_KEY: undefined, INNGEST_DEV: undefined }],
    [
      'next build is running',
      { NEXT_PHASE: 'phase-production-build', INNGEST_EVENT_KEY: undefined, INNGEST_DEV: undefined },
    ],
    ['the runtime is not Node.js', { NEXT_RUNTIME: 'edge', INNGEST_EVENT_KEY: undefined, INNGEST_DEV: undefined }],
  ])('does not start it when %s', async (_reason, env) => {
    await startWith(env);
    expect(startEmbeddedScheduler).not.toHaveBeenCalled();
  });
});
