// Approval schemas: the inbox's queries, the decision body, and the approval as the API answers it.
import 'zod-openapi';
import { z } from 'zod';
import { pageLimit } from '@/lib/api/schemas';
import { pageQuery, resourceId, timestamp } from '@/lib/api/v1/schemas';

export const approvalStatuses = ['pending', 'approved', 'rejected', 'expired'] as const;

/** GET /api/approvals: the inbox, optionally by status. */
export const listApprovalsQuerySchema = z.object({
  status: z.enum(approvalStatuses).optional(),
  limit: pageLimit(200, 50),
});

/** GET /api/v1/approvals: one status (pending by default), newest first, a page at a time. */
export const listApprovalsV1QuerySchema = z.object({
  status: z
    .enum(approvalStatuses)
    .default('pending')
    .meta({ description: 'Which approvals: `pending` (the default) wait for a decision' }),
  ...pageQuery,
});
export type ListApprovalsV1Query = z.infer<typeof listApprovalsV1QuerySchema>;

export const decideApprovalSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    comment: z
      .string()
      .trim()
      .max(1_000)
      .optional()
      .meta({ description: 'Why, for the run history and the audit log' }),
  })
  .meta({ example: { decision: 'approve', comment: 'Checked the refund amount with the customer' } });
export const decideByLinkSchema = decideApprovalSchema.extend({ token: z.string().min(20).max(200) });
export type DecideApprovalInput = z.infer<typeof decideApprovalSchema>;

/** A run paused at an approval step, or the decision made on it. */
export const approvalSchema = z
  .object({
    id: resourceId,
    runId: resourceId,
    workflowId: resourceId,
    workflowName: z.string(),
    stepId: z.string(),
    actionClass: z.enum(['B', 'C']).meta({ description: 'How consequential the gated action is (C: the most)' }),
    message: z.string().nullable().meta({ description: 'What the approver is asked' }),
    status: z.enum(approvalStatuses),
    expiresAt: timestamp.meta({ description: 'Undecided by then, it expires and the run is rejected' }),
    decidedAt: timestamp.nullable(),
    decidedBy: z.string().nullable().meta({ description: 'The email of who decided (null for a link or a timeout)' }),
    decidedVia: z.enum(['app', 'api', 'email_link', 'timeout', 'cancel']).nullable().meta({
      description: 'Where it was decided: the app, the API, the emailed link; or it timed out or was cancelled',
    }),
    comment: z.string().nullable(),
    createdAt: timestamp,
  })
  .strict()
  .meta({
    id: 'Approval',
    description: 'A run waiting at an approval step, or the decision made on it',
    example: {
      id: '6f1d2a4e-8b3c-4e5f-9a0b-1c2d3e4f5a6b',
      runId: '0b7e2f0e-3c1a-4d8e-9f51-6c2b9a7d4e10',
      workflowId: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      workflowName: 'Refunds over 100',
      stepId: 'ask',
      actionClass: 'B',
      message: 'Refund 240 EUR to order A-1042?',
      status: 'pending',
      expiresAt: '2026-12-04T09:30:00.000Z',
      decidedAt: null,
      decidedBy: null,
      decidedVia: null,
      comment: null,
      createdAt: '2026-12-03T09:30:00.000Z',
    },
  });
