import 'server-only';
// Approval tools: the runs waiting for a person, and deciding one (admin keys). Same lib calls as /api/v1/approvals.
import { decideApprovalOperation, listApprovalsOperation } from '@/lib/openapi/operations/approvals';
import { decideApproval } from '@/lib/workflows/approvals/decide-approval';
import type { ApprovalDto } from '@/lib/workflows/approvals/list-approvals';
import { listApprovalsPage } from '@/lib/workflows/approvals/list-approvals-page';
import { defineOperationTool } from '../operation-tool';
import { nextPageLine } from './describe';

function describeApproval(approval: ApprovalDto): string {
  const asked = approval.message ? `"${approval.message}"` : 'no message';
  const state =
    approval.status === 'pending'
      ? `pending until ${new Date(approval.expiresAt).toISOString()}`
      : `${approval.status}${approval.decidedBy ? ` by ${approval.decidedBy}` : ''}${approval.comment ? ` ("${approval.comment}")` : ''}`;
  return `- ${approval.id}: "${approval.workflowName}" step ${approval.stepId} of run ${approval.runId}: ${asked}, ${state}`;
}

export const listApprovalsTool = defineOperationTool({
  name: 'list_approvals',
  title: 'List approvals',
  description:
    'Lists approvals: runs paused at an approval step until a person approves or rejects them. By default the pending ones, newest first, each with what the approver is asked and when it expires; pass `status` for approved, rejected or expired ones. Decide a pending one with decide_approval.',
  operation: listApprovalsOperation,
  action: 'listing approvals',
  annotations: { readOnlyHint: true, openWorldHint: false },
  call: ({ db, scope }, { query }) => listApprovalsPage(db, scope, query),
  summarize: (page) =>
    [
      page.data.length === 0
        ? 'No approvals match.'
        : `${page.data.length} approval${page.data.length === 1 ? '' : 's'}:`,
      ...page.data.map(describeApproval),
      nextPageLine(page.nextCursor),
    ].join('\n'),
});

export const decideApprovalTool = defineOperationTool({
  name: 'decide_approval',
  title: 'Decide an approval',
  description:
    'Approves or rejects a pending approval (`decision`: `approve` or `reject`, with an optional `comment` for the run history). Approving resumes the run; rejecting ends it as rejected. This acts for a person: only call it when the user has told you which decision to make. Needs an API key with the admin scope.',
  operation: decideApprovalOperation,
  paramNames: { id: 'approvalId' },
  action: 'deciding an approval',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  call: ({ db, scope }, { params, body }) => decideApproval(db, scope, params.id, body),
  summarize: (approval) =>
    `Approval ${approval.id} of "${approval.workflowName}" is ${approval.status}; run ${approval.runId} ${approval.status === 'approved' ? 'resumes' : 'ends as rejected'}.`,
});

export const approvalTools = [listApprovalsTool, decideApprovalTool];
