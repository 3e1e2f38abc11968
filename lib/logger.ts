// Structured JSON logs (pino) with secrets and personal data redacted before they are written.
import pino, { type Logger } from 'pino';

const SECRET_KEYS = [
  'password',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'apiKey',
  'api_key',
  'authorization',
  'cookie',
  'email',
  'AUTH_SECRET',
  'ENCRYPTION_KEY',
  'STRIPE_SECRET_KEY',
  'OPENAI_API_KEY',
];

const SECRET_KEY_NAMES = new Set([...SECRET_KEYS, 'set-cookie'].map((key) => key.toLowerCase()));

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const TOKENS = /\b(lvq_(?:live|test)_|sk_(?:live|test)_|rk_(?:live|test)_|whsec_|wh_|re_|sk-)[A-Za-z0-9_-]{6,}/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;
/** Path segments that are credentials: an inbound webhook's token, an invitation's token. */
const PATH_TOKENS = /(\/(?:hooks|invite)\/)[^/?#\s"'<>]+/gi;
/** Query parameters that carry credentials: magic-link and approval-link tokens, OAuth codes, signatures. */
const QUERY_SECRETS = /([?&](?:token|code|secret|signature|sig|key|api_key|apikey|password|state)=)[^&#\s"'<>]+/gi;
/** A cheap test first: most log strings hold nothing to mask. */
const MAYBE_SENSITIVE = /@|lvq_|sk_|rk_|whsec_|wh_|re_|sk-|bearer|\/hooks\/|\/invite\/|=/i;

/** Masks emails and credentials that slipped into free text (messages, URLs and paths, error strings). */
export function scrub(text: string): string {
  if (!MAYBE_SENSITIVE.test(text)) return text;
  return text
    .replace(EMAIL, (email) => `${email.slice(0, 1)}***@${email.split('@')[1]}`)
    .replace(TOKENS, (_match, prefix: string) => `${prefix}[REDACTED]`)
    .replace(BEARER, 'Bearer [REDACTED]')
    .replace(PATH_TOKENS, '$1[REDACTED]')
    .replace(QUERY_SECRETS, '$1[REDACTED]');
}

/**
 * One pass over a value: fields named like secrets (password, token, email, authorization…) are replaced
 * (unless `redactSecretFields` is false), every other string is scrubbed, errors keep type, message and stack.
 */
export function scrubDeep(value: unknown, options: { redactSecretFields?: boolean } = {}, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return { type: value.name, message: scrub(value.message), stack: value.stack ? scrub(value.stack) : undefined };
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, options, depth + 1));
  const redact = options.redactSecretFields ?? true;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      redact && SECRET_KEY_NAMES.has(key.toLowerCase()) ? '[REDACTED]' : scrubDeep(item, options, depth + 1),
    ]),
  );
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'levqor' },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubDeep(object) as Record<string, unknown>,
      },
      // NOTE: errors are already turned into { type, message, stack } by scrubDeep above; pino's own err serializer
      // would relabel that plain object as type "Object".
      serializers: { err: (value: unknown) => value, error: (value: unknown) => value },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    options.destination,
  );
}

const globalForLogger = globalThis as unknown as { levqorLogger?: Logger };

/** The process-wide logger. */
export const logger: Logger = (globalForLogger.levqorLogger ??= createLogger());
