import 'server-only';
// The public shapes of templates: library cards and details (built-in or shared), and a shared template's record.
import type { Selectable } from 'kysely';
import type { WorkflowTemplateTable } from '@/db/types-templates';
import type { WorkflowDefinitionInput } from '@/lib/workflows/definition';
import { connectorsOf, type TemplateCategory, type TemplateConnector } from './define-template';

export type TemplateSummaryDto = {
  slug: string;
  source: 'builtin' | 'shared';
  category: TemplateCategory | null;
  title: string;
  summary: string;
  trigger: { type: string; cron?: string; timezone?: string };
  connectors: TemplateConnector[];
  apps: string[];
  stepCount: number;
};

export type TemplateDetailDto = TemplateSummaryDto & {
  steps: { id: string; type: string; description: string | null }[];
  definition: WorkflowDefinitionInput;
};

export type SharedTemplateDto = {
  id: string;
  slug: string;
  workspaceId: string;
  title: string;
  summary: string;
  category: TemplateCategory | null;
  visibility: 'workspace' | 'public';
  status: 'private' | 'pending_review' | 'approved' | 'rejected';
  useCount: number;
  sourceWorkflowId: string | null;
  reviewNote: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
};

export function triggerSummary(trigger: WorkflowDefinitionInput['trigger']): TemplateSummaryDto['trigger'] {
  return trigger.type === 'schedule'
    ? { type: 'schedule', cron: trigger.cron, timezone: trigger.timezone ?? 'UTC' }
    : { type: trigger.type };
}

export function sharedDefinition(row: Pick<Selectable<WorkflowTemplateTable>, 'definition'>): WorkflowDefinitionInput {
  return (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as WorkflowDefinitionInput;
}

export function toSharedTemplateDto(row: Selectable<WorkflowTemplateTable>): SharedTemplateDto {
  return {
    id: row.id,
    slug: row.slug,
    workspaceId: row.workspace_id,
    title: row.title,
    summary: row.summary,
    category: row.category as TemplateCategory | null,
    visibility: row.visibility,
    status: row.status,
    useCount: row.use_count,
    sourceWorkflowId: row.source_workflow_id,
    reviewNote: row.review_note,
    reviewedAt: row.reviewed_at,
    createdAt: row.created_at,
  };
}

/** A shared template as a library card or detail: its texts are the sharer's own, untranslated. */
export function sharedTemplateDetail(row: Selectable<WorkflowTemplateTable>): TemplateDetailDto {
  const definition = sharedDefinition(row);
  return {
    slug: row.slug,
    source: 'shared',
    category: row.category as TemplateCategory | null,
    title: row.title,
    summary: row.summary,
    trigger: triggerSummary(definition.trigger),
    connectors: connectorsOf(definition),
    apps: [],
    stepCount: definition.steps.length,
    steps: definition.steps.map((step) => ({ id: step.id, type: step.type, description: step.name ?? null })),
    definition,
  };
}
