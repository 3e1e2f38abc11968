import 'server-only';
// The approval an emailed link names, for the page the link opens: the signed token stands in for a session.
import type { Db } from '@/db/client';
import { verifyApprovalLinkToken } from './approval-link';
import { type ApprovalDto, getApproval } from './list-approvals';

/** The approval, or null when the token does not sign this approval (the page then says the link is not valid). */
export async function getApprovalByLink(db: Db, approvalId: string, token: string): Promise<ApprovalDto | null> {
  if (token.length < 20 || token.length > 200 || !verifyApprovalLinkToken(approvalId, token)) return null;
  return (await getApproval(db, { workspaceId: null }, approvalId)) ?? null;
}
