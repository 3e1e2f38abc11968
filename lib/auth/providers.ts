// Which sign-in methods are configured (for the sign-in page and /auth/status); never exposes secrets.
import { getEnv } from '@/lib/env';

export function configuredProviders() {
  const env = getEnv();
  return {
    magicLink: true,
    emailDelivery: env.RESEND_API_KEY ? ('resend' as const) : ('outbox' as const),
    google: Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
    microsoft: Boolean(env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET),
    admin: Boolean(env.ADMIN_EMAIL && env.ADMIN_PASSWORD_HASH),
  };
}

/** The development mailbox is on when email is not configured and the app runs in development (or, in production, it is asked for and acknowledged as insecure). */
export function devMailboxEnabled(): boolean {
  const env = getEnv();
  return !env.RESEND_API_KEY && (!env.isProduction || (env.LEVQOR_DEV_MAILBOX && env.LEVQOR_DEV_MAILBOX_INSECURE));
}
