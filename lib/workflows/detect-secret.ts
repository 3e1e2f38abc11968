// Recognises values that look like a real secret (API keys, bot tokens, private keys) typed into a plain field.
const patterns = [
  { kind: 'stripe_key', pattern: /(?<![A-Za-z0-9])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}/ },
  { kind: 'slack_token', pattern: /(?<![A-Za-z0-9])xox[bpas]-[A-Za-z0-9-]{10,}/ },
  { kind: 'telegram_bot_token', pattern: /(?<![\d/])\d{6,}:[A-Za-z0-9_-]{30,}/ },
  { kind: 'github_token', pattern: /(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/ },
  { kind: 'aws_access_key', pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/ },
  { kind: 'private_key', pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
] as const;

/** `Bearer …`/`Basic …`/`Token …` with a literal credential: only in header values. */
const authHeader = /^\s*(?:Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{16,}\s*$/i;

export type SecretKind = (typeof patterns)[number]['kind'] | 'auth_header';

/** The kind of secret a value looks like, or null. Values with a `{{template}}` are never flagged as a header. */
export function detectSecret(value: string, { header = false }: { header?: boolean } = {}): SecretKind | null {
  for (const { kind, pattern } of patterns) if (pattern.test(value)) return kind;
  if (header && !value.includes('{{') && authHeader.test(value)) return 'auth_header';
  return null;
}
