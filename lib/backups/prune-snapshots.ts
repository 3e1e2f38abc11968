import 'server-only';
// Retention in practice: the dry-run plan of what a policy keeps and removes, and the daily prune that applies it.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { VerifyStatus } from '@/db/types-workflows';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { logEvent } from '@/lib/guardian/telemetry';
import { loadWorkflowRetention, type WorkflowRetention } from './load-workflow-retention';
import { isEmptyPolicy, type RetentionPolicy, type RetentionReason, selectRetention } from './retention';

export type PlannedSnapshot = {
  id: string;
  name: string;
  createdAt: Date;
  sizeBytes: number;
  verifyStatus: VerifyStatus;
};

export type PrunePlan = {
  workflowId: string;
  policy: RetentionPolicy;
  timeZone: string;
  /** With an empty policy every snapshot is kept, with no reasons. */
  keep: (PlannedSnapshot & { reasons: RetentionReason[] })[];
  remove: PlannedSnapshot[];
  totals: { snapshots: number; keep: number; remove: number; removeBytes: number };
};

/** What `policy` (default: the stored one) would keep and remove now; changes nothing. */
export async function planPrune(
  db: Db,
  scope: Scope,
  workflowId: string,
  policy?: RetentionPolicy,
): Promise<PrunePlan> {
  requireScope(scope, 'read');
  const workflow = await loadWorkflowRetention(db, scope.workspaceId, workflowId);
  return buildPlan(db, workflow, policy ?? workflow.policy);
}

async function buildPlan(
  db: Db,
  workflow: WorkflowRetention,
  policy: RetentionPolicy,
  before?: Date,
): Promise<PrunePlan> {
  let query = db
    .selectFrom('backup_snapshots')
    .select(['id', 'name', 'created_at', 'size_bytes', 'verify_status'])
    .where('workspace_id', '=', workflow.workspaceId)
    .where('workflow_id', '=', workflow.workflowId);
  if (before) query = query.where('created_at', '<=', before);
  const rows = await query.execute();
  const byId = new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        createdAt: row.created_at,
        sizeBytes: Number(row.size_bytes),
        verifyStatus: row.verify_status,
      },
    ]),
  );
  const timeZone = policy.timezone ?? workflow.workflowTimeZone;
  const selection = selectRetention(
    rows.map((row) => ({ id: row.id, createdAt: row.created_at })),
    policy,
    timeZone,
  );
  const keep = selection.keep.map(({ id, reasons }) => ({ ...byId.get(id)!, reasons }));
  const remove = selection.remove.map((id) => byId.get(id)!);
  const removeBytes = remove.reduce((sum, snapshot) => sum + snapshot.sizeBytes, 0);
  return {
    workflowId: workflow.workflowId,
    policy,
    timeZone,
    keep,
    remove,
    totals: { snapshots: rows.length, keep: keep.length, remove: remove.length, removeBytes },
  };
}

export type PruneResult = { workflows: number; deleted: number; freedBytes: number };

/** Applies every workflow's stored policy to the snapshots made up to `now`. */
export async function pruneSnapshots(db: Db, now: Date): Promise<PruneResult> {
  const candidates = await db
    .selectFrom('workflows')
    .select(['id', 'workspace_id'])
    .where(sql<boolean>`retention <> '{}'::jsonb`)
    .orderBy('id')
    .execute();
  const result: PruneResult = { workflows: 0, deleted: 0, freedBytes: 0 };
  for (const candidate of candidates) {
    const workflow = await loadWorkflowRetention(db, candidate.workspace_id, candidate.id);
    if (isEmptyPolicy(workflow.policy)) continue;
    result.workflows += 1;
    const plan = await buildPlan(db, workflow, workflow.policy, now);
    if (plan.remove.length === 0) continue;
    let deleted = 0;
    for (let start = 0; start < plan.remove.length; start += 500) {
      const ids = plan.remove.slice(start, start + 500).map((snapshot) => snapshot.id);
      const gone = await db
        .deleteFrom('backup_snapshots')
        .where('workspace_id', '=', workflow.workspaceId)
        .where('workflow_id', '=', workflow.workflowId)
        .where('id', 'in', ids)
        .executeTakeFirst();
      deleted += Number(gone.numDeletedRows);
    }
    result.deleted += deleted;
    result.freedBytes += plan.totals.removeBytes;
    await logEvent(db, {
      name: 'backup.pruned',
      message: `Pruned ${deleted} snapshot(s) of workflow ${workflow.workflowId}`,
      workspace_id: workflow.workspaceId,
      meta: { workflow_id: workflow.workflowId, deleted, freed_bytes: plan.totals.removeBytes },
    });
  }
  return result;
}
