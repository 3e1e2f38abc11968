// Secret-looking values in plain fields: what is flagged, and what ordinary text is left alone.
import { describe, expect, it } from 'vitest';
import { detectSecret } from '@/lib/workflows/detect-secret';
import { validateDefinition } from '@/lib/workflows/validate-definition';

const fake = (prefix: string, length = 24) => prefix + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ'.repeat(3).slice(0, length);

describe('detectSecret', () => {
  it.each([
    [fake('sk_live_'), 'stripe_key'],
    [`Bearer ${fake('sk_test_')}`, 'stripe_key'],
    [fake('rk_live_'), 'stripe_key'],
    [fake('xoxb-1234-'), 'slack_token'],
    [fake('xoxp-'), 'slack_token'],
    ['123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw', 'telegram_bot_token'],
    [fake('ghp_', 36), 'github_token'],
    ['AKIAIOSFODNN7EXAMPLE', 'aws_access_key'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE...', 'private_key'],
    ['-----BEGIN PRIVATE KEY-----', 'private_key'],
  ])('flags %s as %s', (value, kind) => {
    expect(detectSecret(value)).toBe(kind);
  });

  it('flags a literal bearer or basic credential only in a header value', () => {
    expect(detectSecret('Bearer abcdefghijklmnop1234', { header: true })).toBe('auth_header');
    expect(detectSecret('Basic dXNlcjpwYXNzd29yZDEyMzQ=', { header: true })).toBe('auth_header');
    expect(detectSecret('Bearer abcdefghijklmnop1234')).toBeNull();
    expect(detectSecret('Bearer {{steps.login.output.body.token}}', { header: true })).toBeNull();
  });

  it.each([
    'Your order #1234 has shipped',
    'sk_live_',
    'Task: skim the backlog',
    'https://hooks.slack.com/services/T000/B000/XXXX',
    '12:30 meeting',
    '20261203:short',
    'AKIA',
    'application/x-www-form-urlencoded',
    'Bearer short',
    '-----BEGIN CERTIFICATE-----',
    'The PUBLIC KEY is in the docs',
  ])('leaves %s alone', (value) => {
    expect(detectSecret(value, { header: true })).toBeNull();
  });
});

describe('validator readiness issues', () => {
  const definition = (config: Record<string, unknown>) => ({
    name: 'W',
    trigger: { type: 'manual' },
    steps: [{ id: 'call', type: 'http_request', config: { url: 'https://api.stripe.com/v1/refunds', ...config } }],
  });

  it('warns about a pasted key but still accepts the definition for saving', () => {
    const result = validateDefinition(definition({ headers: { Authorization: `Bearer ${fake('sk_live_')}` } }));
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([
      expect.objectContaining({
        path: 'steps.0.config.headers.Authorization',
        code: 'secret_in_plain_field',
        severity: 'warning',
        params: expect.objectContaining({ field: 'headers.Authorization', step: 'call', kind: 'stripe_key' }),
      }),
    ]);
    expect(result.issues[0]?.message).toMatch(/connection/);
  });

  it('reports an unfilled placeholder as an error that names the field, without a config error for it', () => {
    const result = validateDefinition({
      name: 'W',
      trigger: { type: 'manual' },
      steps: [
        { id: 'tell', type: 'telegram', config: { credential: 't', chatId: 'YOUR-TELEGRAM-CHAT-ID', text: 'x' } },
      ],
    });
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([
      expect.objectContaining({ path: 'steps.0.config.chatId', code: 'placeholder_unfilled', severity: 'error' }),
    ]);
    expect(result.issues[0]?.message).toContain('chatId of step tell');
  });

  it('has no issue for a workflow with its own values', () => {
    const result = validateDefinition(definition({ headers: { Authorization: 'Bearer {{trigger.payload.token}}' } }));
    expect(result).toMatchObject({ ok: true, issues: [] });
  });
});
