// Environment: read once, validated by zod; a bad value stops start-up naming the variable.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const optionalString = z.string().trim().min(1).optional();
const postgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
  .optional();
const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NEXT_PHASE: z.string().optional(),
  APP_URL: z.url({ error: 'must be an absolute URL such as https://levqor.io' }).default('http://localhost:3000'),
  LEVQOR_DATA_DIR: z.string().trim().min(1).default('.data'),
  LEVQOR_LAUNCH_STAGE: z.enum(['pre-launch', 'post-launch']).default('pre-launch'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl,
  /** Connections in the `pg` pool (concurrent commits share WAL flushes, so more helps under load). */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  /** Hot queries as named (prepared) statements on `pg`; turn off behind a pooler that cannot keep them (PgBouncer < 1.21 in transaction mode). */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  POSTGRES_URL: postgresUrl,
  VERCEL: flag,
  /** Trust X-Forwarded-Host/-Proto/-For from a reverse proxy in front of the app (default: on when VERCEL=1). */
  TRUSTED_PROXY: z.enum(['0', '1', 'true', 'false']).optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')
    .optional(),
  SENTRY_DSN: z.url().optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/, 'must start with sk_test_, sk_live_, rk_test_ or rk_live_')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must start with whsec_').optional(),
  STRIPE_API_BASE: z.url().optional(),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.url().optional(),
  /** The model every AI answer asks (default gpt-4o-mini). */
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  /** How long one model request may take before the answer falls back, in ms (default 20 s). */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(20_000),
  RESEND_API_KEY: z.string().startsWith('re_', 'must start with re_').optional(),
  EMAIL_FROM: z.string().default('Levqor <hello@levqor.io>'),
  ADMIN_EMAIL: z
    .email()
    .transform((v) => v.toLowerCase())
    .optional(),
  ADMIN_PASSWORD_HASH: z.string().startsWith('scrypt$', 'must be a hash from `npm run hash-password`').optional(),
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_ID: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_SECRET: optionalString,
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.url().optional(),
  LEVQOR_DEV_MAILBOX: flag,
  /** Acknowledges that LEVQOR_DEV_MAILBOX in production shows every sign-in link to anyone (browser tests only). */
  LEVQOR_DEV_MAILBOX_INSECURE: flag,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_DEV: flag,
  LEVQOR_SCHEDULER: z.enum(['on', 'off']).default('on'),
  /** Hosts, IPs or CIDRs that workflow steps may reach although they are private (comma-separated). */
  WORKFLOW_EGRESS_ALLOWLIST: z.string().default(''),
  /** Largest backup snapshot a `backup` step may store, in bytes (default 10 MiB). */
  BACKUP_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Operator alerts to a Telegram chat (both needed). */
  TELEGRAM_ALERT_BOT_TOKEN: optionalString,
  TELEGRAM_ALERT_CHAT_ID: optionalString,
  /** Base URL of the Telegram Bot API (tests point it at a local server). */
  TELEGRAM_API_BASE: z.url().default('https://api.telegram.org'),
  /** Base URL of the Notion API (tests point it at a local server). */
  NOTION_API_BASE: z.url().default('https://api.notion.com'),
  /** Base URL of the Google Sheets API (tests point it at a local server). */
  GOOGLE_SHEETS_API_BASE: z.url().default('https://sheets.googleapis.com'),
});

export type Env = Omit<z.infer<typeof envSchema>, 'TRUSTED_PROXY'> & { isProduction: boolean; TRUSTED_PROXY: boolean };
export type Secrets = { AUTH_SECRET: string; ENCRYPTION_KEY: string };

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`Invalid environment:\n${issues.map((i) => `  - ${i.variable}: ${i.message}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Empty strings count as unset, as in most .env tooling. */
function withoutBlanks(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(withoutBlanks(source));
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => ({ variable: i.path.join('.'), message: i.message })));
  }
  const env = result.data;
  const isProduction = env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build';
  const issues: EnvError['issues'] = [];
  if (isProduction) {
    const missing = (['AUTH_SECRET', 'ENCRYPTION_KEY'] as const).filter((name) => !env[name]);
    issues.push(
      ...missing.map((variable) => ({
        variable,
        message: 'is required in production (generate one with: openssl rand -base64 32)',
      })),
    );
    if (env.LEVQOR_DEV_MAILBOX && !env.RESEND_API_KEY && !env.LEVQOR_DEV_MAILBOX_INSECURE) {
      issues.push({
        variable: 'LEVQOR_DEV_MAILBOX',
        message:
          'would show every sign-in link to anyone at /dev/mailbox; in production it also needs LEVQOR_DEV_MAILBOX_INSECURE=1 (browser tests only)',
      });
    }
  }
  if (issues.length > 0) throw new EnvError(issues);
  const trustedProxy =
    env.TRUSTED_PROXY === undefined ? env.VERCEL : env.TRUSTED_PROXY === '1' || env.TRUSTED_PROXY === 'true';
  return { ...env, isProduction, TRUSTED_PROXY: trustedProxy };
}

/** Secrets from the environment; in development, generated once and kept under the data folder. */
export function resolveSecrets(env: Env): Secrets {
  if (env.AUTH_SECRET && env.ENCRYPTION_KEY)
    return { AUTH_SECRET: env.AUTH_SECRET, ENCRYPTION_KEY: env.ENCRYPTION_KEY };
  const file = path.resolve(env.LEVQOR_DATA_DIR, 'secrets.json');
  let stored: Secrets;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  } else {
    stored = { AUTH_SECRET: randomBytes(32).toString('base64url'), ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    AUTH_SECRET: env.AUTH_SECRET ?? stored.AUTH_SECRET,
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? stored.ENCRYPTION_KEY,
  };
}

let cachedEnv: Env | undefined;
let cachedSecrets: Secrets | undefined;

/** The validated environment of this process, parsed on first use. */
export function getEnv(): Env {
  cachedEnv ??= parseEnv(process.env);
  return cachedEnv;
}

/** Forgets the parsed environment, so a test that changed process.env sees its values. */
export function resetEnvCache(): void {
  cachedEnv = undefined;
  cachedSecrets = undefined;
}

/** True when APP_URL was set, rather than left at its development default. */
export function isAppUrlConfigured(): boolean {
  return Boolean(process.env.APP_URL);
}

export function getSecrets(): Secrets {
  cachedSecrets ??= resolveSecrets(getEnv());
  return cachedSecrets;
}

/** Which production services are configured; the rest run on embedded defaults. */
export function configuredServices(env: Env = getEnv()) {
  return {
    database: env.DATABASE_URL
      ? 'postgres'
      : env.POSTGRES_URL && env.VERCEL
        ? 'vercel-postgres'
        : env.POSTGRES_URL
          ? 'postgres'
          : 'pglite',
    jobs: env.INNGEST_EVENT_KEY || env.INNGEST_DEV ? 'inngest' : 'embedded',
    email: env.RESEND_API_KEY ? 'resend' : 'outbox',
    payments: env.STRIPE_SECRET_KEY ? 'stripe' : 'not_configured',
    ai: env.OPENAI_API_KEY ? 'openai' : 'fallback',
    errors: env.SENTRY_DSN ? 'sentry' : 'logs',
  } as const;
}
