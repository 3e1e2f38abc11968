import 'server-only';
// Opens an approval for a gated step (once per run and step) and emails everyone who may decide it a signed link.
import type { Db } from '@/db/client';
import { sendEmail } from '@/lib/email/send-email';
import { logger } from '@/lib/logger';
import { approvalEventData } from '@/lib/webhooks/event-data';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { deciderRoles, getApprovers } from '@/lib/workspaces/approvers';
import { approvalLinkUrl } from './approval-link';

export type ApprovalRequest = {
  workspaceId: string;
  workflowId: string;
  runId: string;
  stepId: string;
  actionClass: 'B' | 'C';
  message: string;
  expiresAt: Date;
  workflowName: string;
};

export async function requestApproval(db: Db, request: ApprovalRequest) {
  const inserted = await db
    .insertInto('workflow_approvals')
    .values({
      workspace_id: request.workspaceId,
      workflow_id: request.workflowId,
      run_id: request.runId,
      step_id: request.stepId,
      action_class: request.actionClass,
      message: request.message.slice(0, 2_000),
      expires_at: request.expiresAt,
    })
    .onConflict((oc) => oc.columns(['run_id', 'step_id']).doNothing())
    .returning(['id', 'expires_at'])
    .executeTakeFirst();
  if (!inserted) {
    return db
      .selectFrom('workflow_approvals')
      .select(['id', 'expires_at'])
      .where('run_id', '=', request.runId)
      .where('step_id', '=', request.stepId)
      .executeTakeFirstOrThrow();
  }
  await emitWebhookEvent(
    db,
    request.workspaceId,
    'approval.requested',
    approvalEventData({ ...request, id: inserted.id }),
  );
  await notifyApprovers(db, request, inserted.id).catch((error: unknown) =>
    logger.warn({ err: error, approval_id: inserted.id }, 'approval email failed'),
  );
  return inserted;
}

async function notifyApprovers(db: Db, request: ApprovalRequest, approvalId: string): Promise<void> {
  const approvers = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.workspace_id', '=', request.workspaceId)
    .where('memberships.role', 'in', deciderRoles(await getApprovers(db, request.workspaceId)))
    .execute();
  const link = approvalLinkUrl(approvalId);
  for (const { email } of approvers) {
    await sendEmail(db, {
      to: email,
      kind: 'workflow_approval',
      subject: `Approval needed: ${request.workflowName}`,
      text: `${request.message}\n\nWorkflow: ${request.workflowName}\nStep: ${request.stepId}\nThis request expires at ${request.expiresAt.toISOString()}; if nobody decides, the run is rejected.\n\nApprove or reject: ${link}`,
    });
  }
}
