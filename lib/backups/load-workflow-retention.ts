import 'server-only';
// A workflow of the workspace with its stored retention policy and the time zone its days are counted in.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { isValidTimeZone } from '@/lib/workflows/definition';
import { type RetentionPolicy, retentionPolicySchema } from './retention';
import { isUuid } from './snapshot-dto';

export type WorkflowRetention = {
  workflowId: string;
  workspaceId: string;
  name: string;
  policy: RetentionPolicy;
  /** The workflow's own time zone (settings.timezone of its current version), used when the policy names none. */
  workflowTimeZone: string;
};

/** Throws 404 unless the workflow exists in this workspace. */
export async function loadWorkflowRetention(
  db: Db,
  workspaceId: string,
  workflowId: string,
): Promise<WorkflowRetention> {
  const row = isUuid(workflowId)
    ? await db
        .selectFrom('workflows')
        .leftJoin('workflow_versions', (join) =>
          join
            .onRef('workflow_versions.workflow_id', '=', 'workflows.id')
            .onRef('workflow_versions.version', '=', 'workflows.current_version'),
        )
        .select(['workflows.id', 'workflows.workspace_id', 'workflows.name', 'workflows.retention'])
        .select(sql<string | null>`workflow_versions.definition -> 'settings' ->> 'timezone'`.as('timezone'))
        .where('workflows.id', '=', workflowId)
        .where('workflows.workspace_id', '=', workspaceId)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new AppError('not_found', 'Workflow not found');
  return {
    workflowId: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    policy: parseStoredPolicy(row.id, row.retention),
    workflowTimeZone: row.timezone && isValidTimeZone(row.timezone) ? row.timezone : 'UTC',
  };
}

/** A stored policy that no longer parses keeps everything (pruning never guesses) and is logged. */
function parseStoredPolicy(workflowId: string, stored: unknown): RetentionPolicy {
  const parsed = retentionPolicySchema.safeParse(typeof stored === 'string' ? JSON.parse(stored) : (stored ?? {}));
  if (parsed.success) return parsed.data;
  logger.warn({ workflow_id: workflowId }, 'stored retention policy is not valid; keeping every snapshot');
  return {};
}
