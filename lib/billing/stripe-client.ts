// The Stripe SDK client, built from the environment; STRIPE_API_BASE points it at another host (a local stand-in).
import Stripe from 'stripe';
import { type Env, getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';

type StripeEnv = Pick<Env, 'STRIPE_SECRET_KEY' | 'STRIPE_API_BASE'>;

/** SDK options for the configured API base: `http://127.0.0.1:12111` → host, port and protocol. */
export function stripeOptions(env: StripeEnv): Stripe.StripeConfig {
  const options: Stripe.StripeConfig = {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: 'Levqor' },
  };
  if (!env.STRIPE_API_BASE) return options;
  const base = new URL(env.STRIPE_API_BASE);
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  return { ...options, host: base.hostname, port: base.port || (protocol === 'http' ? 80 : 443), protocol };
}

const clients = new Map<string, Stripe>();

/** The client for the configured key, or null when billing is not configured. */
export function getStripe(env: StripeEnv = getEnv()): Stripe | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  const cacheKey = `${env.STRIPE_SECRET_KEY}@${env.STRIPE_API_BASE ?? ''}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = new Stripe(env.STRIPE_SECRET_KEY, stripeOptions(env));
    clients.set(cacheKey, client);
  }
  return client;
}

export function billingNotConfigured(): AppError {
  return new AppError(
    'not_configured',
    'Billing is not configured on this server (STRIPE_SECRET_KEY is not set); no payment can be taken',
  );
}

export function requireStripe(env: StripeEnv = getEnv()): Stripe {
  const stripe = getStripe(env);
  if (!stripe) throw billingNotConfigured();
  return stripe;
}

/** Runs Stripe calls, turning SDK errors into a clear 503 (the details go to the log, never to the caller). */
export async function callStripe<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    logger.error(
      { err: error, stripe_type: error.type, stripe_code: error.code ?? null, status: error.statusCode ?? null },
      `stripe request failed: ${what}`,
    );
    throw new AppError('unavailable', `Stripe could not ${what} right now; please try again in a moment`);
  }
}
