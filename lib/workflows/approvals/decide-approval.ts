import 'server-only';
// Approves or rejects a pending approval (from the app, the API or a signed email link) and resumes its run.
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { getApprovers } from '@/lib/workspaces/approvers';
import { AppError } from '@/lib/errors';
import { dispatchApprovalDecided } from '../engine/dispatch';
import { verifyApprovalLinkToken } from './approval-link';
import { type ApprovalDto, getApproval } from './list-approvals';
import { type DecideApprovalInput, decideApprovalSchema, decideByLinkSchema } from './schemas';

export { decideApprovalSchema, decideByLinkSchema, type DecideApprovalInput };

type Decider = { workspaceId: string | null; userId: string | null; via: 'app' | 'api' | 'email_link' };

async function decide(
  db: Db,
  approvalId: string,
  input: DecideApprovalInput,
  decider: Decider,
  now: Date,
): Promise<ApprovalDto> {
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  const decided = await db.transaction().execute(async (trx) => {
    let update = trx
      .updateTable('workflow_approvals')
      .set({
        status,
        decided_by: decider.userId,
        decided_via: decider.via,
        comment: input.comment ?? null,
        decided_at: now,
      })
      .where('id', '=', approvalId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', now);
    if (decider.workspaceId) update = update.where('workspace_id', '=', decider.workspaceId);
    const row = await update.returning(['run_id', 'workspace_id']).executeTakeFirst();
    if (!row) return null;
    await trx
      .updateTable('workflow_runs')
      .set({ waiting: null, wake_at: now, updated_at: now })
      .where('id', '=', row.run_id)
      .where('waiting', '=', 'approval')
      .execute();
    await recordAudit(trx, {
      workspaceId: row.workspace_id,
      actorUserId: decider.userId,
      actorLabel: decider.via === 'email_link' ? 'email link' : null,
      action: status === 'approved' ? 'approval.approved' : 'approval.rejected',
      targetType: 'approval',
      targetId: approvalId,
      meta: { run_id: row.run_id },
    });
    return row;
  });
  const approval = await getApproval(
    db,
    decider.workspaceId ? ({ workspaceId: decider.workspaceId } as Scope) : { workspaceId: null },
    approvalId,
  );
  if (!approval) throw new AppError('not_found', 'Approval not found');
  if (!decided)
    throw new AppError(
      'conflict',
      approval.status === 'pending' ? 'This approval has expired' : `This approval was already ${approval.status}`,
    );
  await dispatchApprovalDecided({ id: approvalId, runId: approval.runId, status });
  return approval;
}

export async function decideApproval(
  db: Db,
  scope: Scope,
  approvalId: string,
  input: DecideApprovalInput,
  now: Date = new Date(),
): Promise<ApprovalDto> {
  // NOTE: the workspace setting decides who may approve; an API key still needs the scope that matches.
  const approvers = await getApprovers(db, scope.workspaceId);
  if (approvers === 'members') requireRole(scope, 'member', 'write', 'deciding an approval');
  else requireRole(scope, 'admin', 'admin', 'deciding an approval');
  return decide(
    db,
    approvalId,
    input,
    { workspaceId: scope.workspaceId, userId: scope.userId, via: scope.via === 'apiKey' ? 'api' : 'app' },
    now,
  );
}

/** The emailed link: the signed token stands in for a session, for this one approval. */
export async function decideApprovalByLink(
  db: Db,
  approvalId: string,
  input: z.infer<typeof decideByLinkSchema>,
  now: Date = new Date(),
): Promise<ApprovalDto> {
  if (!verifyApprovalLinkToken(approvalId, input.token)) throw new AppError('not_found', 'Approval not found');
  return decide(db, approvalId, input, { workspaceId: null, userId: null, via: 'email_link' }, now);
}
