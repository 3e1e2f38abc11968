// The one signing scheme, as a receiver of Levqor's deliveries (and a sender to Levqor's triggers) relies on it.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedHeaders, signWebhookPayload, verifyWebhookSignature } from '@/lib/webhooks/signature';

const secret = 'whsec_test-secret';
const body = '{"id":"e1","type":"run.failed"}';
const at = new Date('2026-12-03T10:00:00Z');
const seconds = String(at.getTime() / 1000);

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256, as the documented openssl/node recipe computes it', () => {
    const headers = signedHeaders(secret, body, at);
    expect(headers['x-levqor-timestamp']).toBe(seconds);
    const expected = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
    expect(headers['x-levqor-signature']).toBe(`sha256=${expected}`);
  });

  it('accepts a fresh signature made with the secret', () => {
    const headers = signedHeaders(secret, body, at);
    const check = verifyWebhookSignature({
      secrets: [secret],
      body,
      signature: headers['x-levqor-signature'],
      timestamp: headers['x-levqor-timestamp'],
      now: new Date(at.getTime() + 60_000),
    });
    expect(check).toEqual({ ok: true });
  });

  it('refuses a timestamp more than 5 minutes off, even with a correct signature', () => {
    const headers = signedHeaders(secret, body, at);
    for (const offset of [-301_000, 301_000]) {
      const check = verifyWebhookSignature({
        secrets: [secret],
        body,
        signature: headers['x-levqor-signature'],
        timestamp: headers['x-levqor-timestamp'],
        now: new Date(at.getTime() + offset),
      });
      expect(check).toEqual({ ok: false, reason: 'stale' });
    }
  });

  it('refuses a wrong secret, a changed body and a changed timestamp', () => {
    const headers = signedHeaders(secret, body, at);
    const base = { signature: headers['x-levqor-signature'], timestamp: seconds, now: at };
    expect(verifyWebhookSignature({ ...base, secrets: ['not-the-secret'], body })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyWebhookSignature({ ...base, secrets: [secret], body: `${body} ` }).ok).toBe(false);
    expect(
      verifyWebhookSignature({ ...base, secrets: [secret], body, timestamp: String(Number(seconds) + 1) }).ok,
    ).toBe(false);
  });

  it('accepts the body-only form only where it is allowed (inbound triggers), and never without a signature', () => {
    const bodyOnly = signWebhookPayload(secret, null, body);
    const input = { secrets: [secret], body, signature: bodyOnly, timestamp: null, now: at };
    expect(verifyWebhookSignature({ ...input, allowBodyOnly: true })).toEqual({ ok: true });
    expect(verifyWebhookSignature(input)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyWebhookSignature({ ...input, signature: null, allowBodyOnly: true })).toEqual({
      ok: false,
      reason: 'missing',
    });
  });
});
