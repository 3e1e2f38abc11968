// Server start-up (Node.js runtime): validate the environment, then start error reporting.
import * as Sentry from '@sentry/nextjs';
import { devMailboxEnabled } from './auth/providers';
import { configuredServices, EnvError, getEnv, getSecrets } from './env';
import { logger } from './logger';

export async function startServer(): Promise<void> {
  try {
    getEnv();
    getSecrets();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`Levqor cannot start. ${error.message}`);
    process.exit(1);
  }
  const env = getEnv();
  if (env.isProduction && devMailboxEnabled()) {
    const warning =
      'INSECURE: LEVQOR_DEV_MAILBOX is on in production (acknowledged by LEVQOR_DEV_MAILBOX_INSECURE=1): anyone can read every sign-in link at /dev/mailbox. Use this for browser tests only.';
    logger.warn({ variable: 'LEVQOR_DEV_MAILBOX' }, warning);
    console.warn(warning);
  }
  if (env.SENTRY_DSN) {
    Sentry.init({ dsn: env.SENTRY_DSN, tracesSampleRate: 0.1, environment: process.env.VERCEL_ENV ?? env.NODE_ENV });
  }
  // Without Inngest, scheduled jobs (lib/jobs/) run in-process; never during `next build`, and LEVQOR_SCHEDULER=off opts out.
  const buildPhase = env.NEXT_PHASE === 'phase-production-build';
  if (
    configuredServices(env).jobs === 'embedded' &&
    process.env.NEXT_RUNTIME === 'nodejs' &&
    !buildPhase &&
    env.LEVQOR_SCHEDULER === 'on'
  ) {
    const [{ startEmbeddedScheduler }, { jobDefinitions }, { getDb }] = await Promise.all([
      import('./jobs/embedded-scheduler'),
      import('./jobs/definitions'),
      import('@/db'),
    ]);
    startEmbeddedScheduler({ getDb, jobs: jobDefinitions });
  }
  // Without Inngest, workflow runs are driven in-process by the embedded driver (same opt-out).
  if (
    configuredServices(env).jobs === 'embedded' &&
    process.env.NEXT_RUNTIME === 'nodejs' &&
    !buildPhase &&
    env.LEVQOR_SCHEDULER === 'on'
  ) {
    const [{ startEmbeddedDriver }, { defaultEngineDeps }, { getDb }] = await Promise.all([
      import('./workflows/engine/embedded-driver'),
      import('./workflows/engine/default-deps'),
      import('@/db'),
    ]);
    startEmbeddedDriver({ getDb, deps: defaultEngineDeps });
  }
}
