import 'server-only';
// What a help answer may know about the caller: their own workflows (name, trigger, step types) and the workflow or run
// they are looking at — read only inside the caller's workspace; an id from elsewhere is ignored, never an error.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import type { AiChatRequest } from '../schemas';

export type OwnWorkflow = { id: string; name: string; enabled: boolean; trigger: string; stepTypes: string[] };
export type OwnRun = {
  id: string;
  workflowId: string;
  status: string;
  error: { code: string | null; message: string | null; stepId: string | null } | null;
};
export type ChatContext = { workflows: OwnWorkflow[]; workflow: OwnWorkflow | null; run: OwnRun | null };

/** Most recently changed workflows a prompt lists. */
const WORKFLOWS_IN_CONTEXT = 20;

export async function loadChatContext(
  db: Db,
  scope: Scope,
  context: AiChatRequest['context'] = {},
): Promise<ChatContext> {
  requireScope(scope, 'read');
  const run = context.runId ? await loadOwnRun(db, scope, context.runId) : null;
  const focusId = context.workflowId ?? run?.workflowId;
  const [workflows, focused] = await Promise.all([
    ownWorkflows(db, scope).limit(WORKFLOWS_IN_CONTEXT).execute(),
    focusId ? ownWorkflows(db, scope).where('w.id', '=', focusId).executeTakeFirst() : undefined,
  ]);
  return { workflows: workflows.map(toOwnWorkflow), workflow: focused ? toOwnWorkflow(focused) : null, run };
}

function ownWorkflows(db: Db, scope: Scope) {
  return db
    .selectFrom('workflows as w')
    .innerJoin('workflow_versions as v', (join) =>
      join.onRef('v.workflow_id', '=', 'w.id').onRef('v.version', '=', 'w.current_version'),
    )
    .select(['w.id', 'w.name', 'w.enabled', 'w.trigger_type', 'v.definition'])
    .where('w.workspace_id', '=', scope.workspaceId)
    .orderBy('w.updated_at', 'desc')
    .orderBy('w.id', 'desc');
}

type WorkflowRow = { id: string; name: string; enabled: boolean; trigger_type: string; definition: unknown };

function toOwnWorkflow(row: WorkflowRow): OwnWorkflow {
  const definition = (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as {
    steps?: unknown;
  } | null;
  const steps: unknown[] = Array.isArray(definition?.steps) ? definition.steps : [];
  const stepTypes = steps
    .map((step) => (step as { type?: unknown } | null)?.type)
    .filter((type): type is string => typeof type === 'string');
  return { id: row.id, name: row.name, enabled: row.enabled, trigger: row.trigger_type, stepTypes };
}

async function loadOwnRun(db: Db, scope: Scope, runId: string): Promise<OwnRun | null> {
  const row = await db
    .selectFrom('workflow_runs')
    .select(['id', 'workflow_id', 'status', 'error'])
    .where('id', '=', runId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) return null;
  const raw = (typeof row.error === 'string' ? JSON.parse(row.error) : row.error) as Record<string, unknown> | null;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    id: row.id,
    workflowId: row.workflow_id,
    status: row.status,
    error: raw ? { code: text(raw.code), message: text(raw.message), stepId: text(raw.stepId) } : null,
  };
}
