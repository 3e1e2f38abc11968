import 'server-only';
// The approvals inbox: pending first (soonest to expire first), then recent decisions.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { listApprovalsQuerySchema } from './schemas';

export { listApprovalsQuerySchema };

// NOTE: times are cut to the millisecond a Date holds, so a page's last createdAt is an exact keyset.
const createdAtMs = sql<Date>`date_trunc('milliseconds', a.created_at)`;

export type ApprovalDto = {
  id: string;
  runId: string;
  workflowId: string;
  workflowName: string;
  stepId: string;
  actionClass: string;
  message: string | null;
  status: string;
  expiresAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedVia: string | null;
  comment: string | null;
  createdAt: Date;
};

export function approvalsQuery(db: Db) {
  return db
    .selectFrom('workflow_approvals as a')
    .innerJoin('workflows as w', 'w.id', 'a.workflow_id')
    .leftJoin('users as u', 'u.id', 'a.decided_by')
    .select([
      'a.id',
      'a.run_id as runId',
      'a.workflow_id as workflowId',
      'w.name as workflowName',
      'a.step_id as stepId',
      'a.action_class as actionClass',
      'a.message',
      'a.status',
      'a.expires_at as expiresAt',
      'a.decided_at as decidedAt',
      'u.email as decidedBy',
      'a.decided_via as decidedVia',
      'a.comment',
    ])
    .select(createdAtMs.as('createdAt'));
}

export async function listApprovals(
  db: Db,
  scope: Scope,
  query: z.input<typeof listApprovalsQuerySchema> = {},
  /** The keyset of the previous page's last approval (newest first; pages of one `status`). */
  { after }: { after?: { at: Date; id: string } } = {},
): Promise<ApprovalDto[]> {
  requireScope(scope, 'read');
  const { status, limit } = listApprovalsQuerySchema.parse(query);
  let select = approvalsQuery(db).where('a.workspace_id', '=', scope.workspaceId);
  if (status) select = select.where('a.status', '=', status);
  if (after)
    select = select.where(sql<boolean>`(${createdAtMs}, a.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  return select
    .orderBy((eb) => eb.case().when('a.status', '=', 'pending').then(0).else(1).end())
    .orderBy(createdAtMs, 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

export async function getApproval(
  db: Db,
  scope: Scope | { workspaceId: null },
  approvalId: string,
): Promise<ApprovalDto | undefined> {
  let select = approvalsQuery(db).where('a.id', '=', approvalId);
  if (scope.workspaceId) select = select.where('a.workspace_id', '=', scope.workspaceId);
  return select.executeTakeFirst();
}
