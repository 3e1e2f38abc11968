import 'server-only';
// Where a webhook may point: https (http only to an allow-listed host outside production), no credentials in the URL,
// no private or internal address unless allow-listed. Checked when subscribing and again before every send.
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { checkUrlStatically, type PolicyResult } from '@/lib/workflows/egress/address-policy';
import { getEnvAllowlist, isHostAllowlisted } from '@/lib/workflows/egress/allowlist';

export function checkWebhookUrl(url: string): PolicyResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'It is not a valid URL' };
  }
  if (parsed.protocol === 'http:') {
    const allowed = getEnv().NODE_ENV !== 'production' && isHostAllowlisted(parsed.hostname, getEnvAllowlist());
    if (!allowed) return { ok: false, reason: 'Webhook URLs must use https' };
  } else if (parsed.protocol !== 'https:') return { ok: false, reason: 'Webhook URLs must use https' };
  return checkUrlStatically(url);
}

/** 422 naming `url` when the URL may not receive deliveries. */
export function assertWebhookUrl(url: string): void {
  const verdict = checkWebhookUrl(url);
  if (!verdict.ok)
    throw new AppError('validation_failed', verdict.reason, {
      issues: [{ path: 'url', message: verdict.reason, code: 'invalid_url' }],
    });
}
