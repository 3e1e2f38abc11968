import 'server-only';
// Workflow tools: list the workspace's workflows, and read one (trigger and steps). Same lib calls as /api/v1/workflows.
import { getWorkflowOperation, listWorkflowsOperation } from '@/lib/openapi/operations/workflows';
import { getWorkflow } from '@/lib/workflows/get-workflow';
import type { WorkflowDetailDto, WorkflowDto } from '@/lib/workflows/workflow-dto';
import { listWorkflowsPage } from '@/lib/workflows/list-workflows-page';
import { defineOperationTool } from '../operation-tool';
import { nextPageLine } from './describe';

/** `schedule (0 9 * * 1-5, Europe/London)`, `webhook`, `event (workflow.failed of …)`. */
function describeTrigger(trigger: WorkflowDto['trigger']): string {
  if (trigger.type === 'schedule') return `schedule (${trigger.cron ?? '?'}, ${trigger.timezone ?? 'UTC'})`;
  if (trigger.type === 'event') return `event (${trigger.event ?? '?'} of workflow ${trigger.sourceWorkflowId ?? '?'})`;
  return trigger.type;
}

function describeWorkflowLine(workflow: WorkflowDto): string {
  return `- ${workflow.id}: "${workflow.name}", ${workflow.enabled ? 'on' : 'off'}, ${describeTrigger(workflow.trigger)}, version ${workflow.currentVersion}`;
}

/** The workflow in a few lines: what starts it and its steps in order, with where each goes next. */
function describeWorkflow(workflow: WorkflowDetailDto): string {
  const { definition } = workflow;
  const lines = [
    `"${workflow.name}" (${workflow.id}), version ${workflow.currentVersion}, ${workflow.enabled ? 'switched on' : 'switched off'}`,
    ...(workflow.description ? [workflow.description] : []),
    `Trigger: ${describeTrigger(workflow.trigger)}${workflow.webhookUrl ? ` at ${workflow.webhookUrl}` : ''}`,
    `Steps (${definition.steps.length}):`,
  ];
  definition.steps.forEach((step, index) => {
    const next = step.next === null ? ' → end' : step.next ? ` → ${step.next}` : '';
    const config = JSON.stringify(step.config);
    lines.push(
      `${index + 1}. ${step.id}${step.name ? ` "${step.name}"` : ''} (${step.type})${next}: ${config.length > 200 ? `${config.slice(0, 200)}…` : config}`,
    );
  });
  return lines.join('\n');
}

export const listWorkflowsTool = defineOperationTool({
  name: 'list_workflows',
  title: 'List workflows',
  description:
    "Lists the workspace's workflows (automations), most recently changed first, with their id, whether they are switched on, their trigger and current version. Filter by part of the name (`q`), `enabled` (`true`/`false`) or `triggerType`. Use describe_workflow on an id for its steps, trigger_run to run one.",
  operation: listWorkflowsOperation,
  action: 'listing workflows',
  annotations: { readOnlyHint: true, openWorldHint: false },
  call: ({ db, scope }, { query }) => listWorkflowsPage(db, scope, query),
  summarize: (page) =>
    [
      page.data.length === 0
        ? 'No workflows match.'
        : `${page.data.length} workflow${page.data.length === 1 ? '' : 's'}:`,
      ...page.data.map(describeWorkflowLine),
      nextPageLine(page.nextCursor),
    ].join('\n'),
});

export const describeWorkflowTool = defineOperationTool({
  name: 'describe_workflow',
  title: 'Describe a workflow',
  description:
    'Reads one workflow: what starts it (manual, schedule, webhook or event), its steps in order with their type, configuration and next step, and its settings. The text is a readable outline; the structured result is the full definition. Use it before trigger_run to know what payload the steps expect (they read trigger.payload).',
  operation: getWorkflowOperation,
  paramNames: { id: 'workflowId' },
  action: 'reading a workflow',
  annotations: { readOnlyHint: true, openWorldHint: false },
  call: ({ db, scope }, { params }) => getWorkflow(db, scope, params.id),
  summarize: describeWorkflow,
});

export const workflowTools = [listWorkflowsTool, describeWorkflowTool];
