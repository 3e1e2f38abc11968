import 'server-only';
// The public shape of a workflow (never the webhook secret's ciphertext).
import type { Selectable } from 'kysely';
import type { WorkflowTable } from '@/db/types-workflows';
import { getEnv } from '@/lib/env';
import type { WorkflowDefinition } from './definition';

export type WorkflowDto = {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  currentVersion: number;
  trigger: {
    type: string;
    cron?: string | null;
    timezone?: string | null;
    event?: string | null;
    sourceWorkflowId?: string | null;
  };
  webhookUrl: string | null;
  nextRunAt: Date | null;
  concurrencyLimit: number;
  createdAt: Date;
  updatedAt: Date;
};

export type WorkflowDetailDto = WorkflowDto & { definition: WorkflowDefinition };

export function webhookUrl(token: string): string {
  return new URL(`/api/hooks/${token}`, getEnv().APP_URL).toString();
}

export function toWorkflowDto(row: Selectable<WorkflowTable>): WorkflowDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    currentVersion: row.current_version,
    trigger: {
      type: row.trigger_type,
      ...(row.trigger_type === 'schedule' ? { cron: row.schedule_cron, timezone: row.schedule_timezone } : {}),
      ...(row.trigger_type === 'event'
        ? { event: row.event_name, sourceWorkflowId: row.event_source_workflow_id }
        : {}),
    },
    webhookUrl: row.trigger_type === 'webhook' ? webhookUrl(row.webhook_token) : null,
    nextRunAt: row.next_run_at,
    concurrencyLimit: row.concurrency_limit,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
