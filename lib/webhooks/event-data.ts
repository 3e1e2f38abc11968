import 'server-only';
// The `data` of each event type, read when a subscription listens: camelCase, ISO UTC times, links into the app.
import type { Db } from '@/db/client';
import { getEnv } from '@/lib/env';

const appLink = (path: string) => new URL(path, getEnv().APP_URL).toString();

type RunError = { code?: string; message?: string; stepId?: string };

/** `{ run: { id, workflowId, workflowName, status, startedAt, finishedAt, error?, url } }` of a finished run. */
export async function runEventData(db: Db, runId: string) {
  const run = await db
    .selectFrom('workflow_runs')
    .innerJoin('workflows', 'workflows.id', 'workflow_runs.workflow_id')
    .select([
      'workflow_runs.id',
      'workflow_runs.workflow_id',
      'workflows.name',
      'workflow_runs.status',
      'workflow_runs.started_at',
      'workflow_runs.finished_at',
      'workflow_runs.error',
    ])
    .where('workflow_runs.id', '=', runId)
    .executeTakeFirst();
  if (!run) return null;
  const error = (typeof run.error === 'string' ? JSON.parse(run.error) : run.error) as RunError | null;
  return {
    run: {
      id: run.id,
      workflowId: run.workflow_id,
      workflowName: run.name,
      status: run.status,
      startedAt: run.started_at?.toISOString() ?? null,
      finishedAt: run.finished_at?.toISOString() ?? null,
      ...(error
        ? { error: { code: error.code ?? 'error', message: error.message ?? '', stepId: error.stepId ?? null } }
        : {}),
      url: appLink(`/runs/${run.id}`),
    },
  };
}

export type ApprovalEventInput = {
  id: string;
  runId: string;
  workflowId: string;
  workflowName: string;
  stepId: string;
  message: string;
  expiresAt: Date;
};

export function approvalEventData(approval: ApprovalEventInput) {
  return {
    approval: {
      id: approval.id,
      runId: approval.runId,
      workflowId: approval.workflowId,
      workflowName: approval.workflowName,
      stepId: approval.stepId,
      message: approval.message,
      expiresAt: approval.expiresAt.toISOString(),
      url: appLink('/approvals'),
    },
  };
}

export type SnapshotEventInput = {
  id: string;
  name: string;
  workflowId: string;
  workflowName: string | null;
  createdAt: Date;
  expectedSha256: string;
  actualSha256: string;
  via: string;
};

export function snapshotEventData(snapshot: SnapshotEventInput) {
  return {
    snapshot: {
      id: snapshot.id,
      name: snapshot.name,
      workflowId: snapshot.workflowId,
      workflowName: snapshot.workflowName,
      createdAt: snapshot.createdAt.toISOString(),
      expectedSha256: snapshot.expectedSha256,
      actualSha256: snapshot.actualSha256,
      via: snapshot.via,
      url: appLink('/backups'),
    },
  };
}
