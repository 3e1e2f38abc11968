// Sends a sign-in link (valid 10 minutes, single use), rate limited per address.
import 'server-only';
import type { Db } from '@/db/client';
import { consumeRateLimit, rateLimitPolicies } from '@/lib/api/rate-limit';
import { sendEmail } from '@/lib/email/send-email';
import { AppError } from '@/lib/errors';

export async function sendMagicLink(db: Db, email: string, url: string): Promise<void> {
  const limit = await consumeRateLimit(db, `magic-link:${email.toLowerCase()}`, rateLimitPolicies.magicLink);
  if (!limit.allowed)
    throw new AppError('rate_limited', `Too many sign-in links requested; try again in ${limit.retryAfterSeconds} s`);
  const { host } = new URL(url);
  await sendEmail(db, {
    to: email,
    kind: 'magic_link',
    subject: 'Your Levqor sign-in link',
    text: `Sign in to Levqor (${host}) with this link:\n\n${url}\n\nThe link works once and expires in 10 minutes. If you did not ask for it, ignore this email.`,
    html: `<p>Sign in to Levqor (${host}):</p><p><a href="${url}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:#7c6cff;color:#020617;font-weight:600;text-decoration:none">Sign in</a></p><p>The link works once and expires in 10 minutes. If you did not ask for it, ignore this email.</p>`,
  });
}
