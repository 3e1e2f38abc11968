// Structured JSON logs (pino) with secrets and personal data redacted before they are written.
import pino, { type Logger } from 'pino';

const SECRET_KEYS = [
  'password', 'passwordHash', 'token', 'accessToken', 'refreshToken', 'secret', 'apiKey', 'api_key',
  'authorization', 'cookie', 'email', 'AUTH_SECRET', 'ENCRYPTION_KEY', 'STRIPE_SECRET_KEY', 'OPENAI_API_KEY',
];

const redactPaths = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]).concat(['headers["set-cookie"]', '*.headers["set-cookie"]']);

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const TOKENS = /\b(lvq_(?:live|test)_|sk_(?:live|test)_|rk_(?:live|test)_|whsec_|re_|sk-)[A-Za-z0-9_-]{6,}/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;

/** Masks emails and credentials that slipped into free text (messages, URLs, error strings). */
export function scrub(text: string): string {
  return text
    .replace(EMAIL, (email) => `${email.slice(0, 1)}***@${email.split('@')[1]}`)
    .replace(TOKENS, (_match, prefix: string) => `${prefix}[REDACTED]`)
    .replace(BEARER, 'Bearer [REDACTED]');
}

/** `scrub` applied to every string inside a value (objects and arrays, 6 levels deep). */
export function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, depth + 1)]));
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'levqor' },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths, censor: '[REDACTED]' },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubDeep(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>);
        },
      },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    options.destination,
  );
}

const globalForLogger = globalThis as unknown as { levqorLogger?: Logger };

/** The process-wide logger. */
export const logger: Logger = (globalForLogger.levqorLogger ??= createLogger());
