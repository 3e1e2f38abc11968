// Public API v1 operations of approvals: declarations only (schemas from lib/<domain>/schemas.ts); routes build on them.
import { defineOperation, type V1Operation } from '@/lib/api/v1/operation';
import { idPathParams, pageSchema } from '@/lib/api/v1/schemas';
import { approvalSchema, decideApprovalSchema, listApprovalsV1QuerySchema } from '@/lib/workflows/approvals/schemas';

export const listApprovalsOperation = defineOperation({
  operationId: 'listApprovals',
  method: 'get',
  path: '/api/v1/approvals',
  tag: 'Approvals',
  summary: 'List approvals',
  description: 'Approvals of one status, newest first: by default the pending ones, each a run waiting for a decision.',
  scope: 'read',
  query: listApprovalsV1QuerySchema,
  responses: { 200: { description: 'A page of approvals', schema: pageSchema(approvalSchema, 'ApprovalPage') } },
});

export const decideApprovalOperation = defineOperation({
  operationId: 'decideApproval',
  method: 'post',
  path: '/api/v1/approvals/{id}/decision',
  tag: 'Approvals',
  summary: 'Approve or reject',
  description:
    "Decides a pending approval; the run resumes (approve) or fails at that step (reject). The `admin` scope counts only while the key's creator is an admin or owner of the workspace. An approval already decided, or expired, is a 409.",
  scope: 'admin',
  params: idPathParams,
  body: decideApprovalSchema,
  responses: { 200: { description: 'The decided approval', schema: approvalSchema } },
  errors: ['conflict'],
  requestExample: { decision: 'approve', comment: 'Checked the refund amount with the customer' },
});

export const approvalsOperations: readonly V1Operation[] = [listApprovalsOperation, decideApprovalOperation];
