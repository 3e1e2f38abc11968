// Runs once per server start: validates the environment (a bad value stops start-up) and wires Sentry.
import * as Sentry from '@sentry/nextjs';

export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/startup');
    await startServer();
  }
}

export const onRequestError = Sentry.captureRequestError;
