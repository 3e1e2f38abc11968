import 'server-only';
// Signed approval links for email: HMAC over the approval id and decision, so the link alone can decide once.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getEnv, getSecrets } from '@/lib/env';

export type LinkDecision = 'approve' | 'reject';

export function approvalLinkToken(approvalId: string, secret: string = getSecrets().AUTH_SECRET): string {
  return createHmac('sha256', secret).update(`approval:${approvalId}`).digest('base64url');
}

export function verifyApprovalLinkToken(
  approvalId: string,
  token: string,
  secret: string = getSecrets().AUTH_SECRET,
): boolean {
  const expected = Buffer.from(approvalLinkToken(approvalId, secret));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The inbox page with the approval open; the token lets the page decide without a session. */
export function approvalLinkUrl(approvalId: string, appUrl: string = getEnv().APP_URL): string {
  const url = new URL(`/approvals/${approvalId}`, appUrl);
  url.searchParams.set('token', approvalLinkToken(approvalId));
  return url.toString();
}
