// The rules behind workflow suggestions: each looks at one workflow's current definition and recent runs and, when it
// applies, says what to improve and why, with a one-click change (a new definition, validated) where one can be made.
import { diffDefinitions } from '@/lib/ai/debug/diff-definitions';
import type { DefinitionChange } from '@/lib/ai/schemas';
import { listPlaceholders } from '@/lib/templates/placeholders';
import type { WorkflowDefinition, WorkflowDefinitionInput, WorkflowStep } from '@/lib/workflows/definition';
import { stepRegistry } from '@/lib/workflows/steps';
import { validateDefinition } from '@/lib/workflows/validate-definition';

/** In the order they are shown: what breaks first, then what protects, then what hardens. */
export const suggestionKinds = ['keepsFailing', 'placeholders', 'approval', 'failureAlert', 'backup', 'retry'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export type Suggestion = {
  /** Stable across versions (kind, workflow, step), so a dismissal sticks. */
  id: string;
  kind: SuggestionKind;
  workflowId: string;
  workflowName: string;
  /** Values for the suggestion's message (`ai.suggestions.<kind>.*`). */
  params: Record<string, string | number>;
  /** Where to look or act when there is no one-click change. */
  href: string | null;
  /** Save as a new version: PUT /api/workflows/:id `{ definition, expectedVersion: baseVersion }`. */
  change: { baseVersion: number; definition: WorkflowDefinition; changes: DefinitionChange[] } | null;
  /** Create a new workflow, switched off: POST /api/workflows?origin=ai with this definition. */
  create: WorkflowDefinitionInput | null;
};

export type RuleWorkflow = { id: string; name: string; version: number; definition: WorkflowDefinition };

export type RuleContext = {
  /** Workflows some event workflow already listens to for `workflow.failed`, or every one (a run.failed webhook). */
  alerted: (workflowId: string) => boolean;
  approvalPolicy: 'class_c' | 'class_b_and_c';
  recentRuns: { finished: number; failed: number; lastFailedRunId: string | null };
  /** Where a failure alert is sent (the signed-in user). */
  alertEmail: string | null;
  texts: {
    approvalMessage: (step: string) => string;
    alertName: (workflow: string) => string;
    alertSubject: (workflow: string) => string;
    alertText: (workflow: string, run: string) => string;
  };
};

/** Fewer attempts than this on a workflow that calls other services is weak: one blip fails the run. */
export const WEAK_RETRY_ATTEMPTS = 3;
export const SUGGESTED_RETRY_ATTEMPTS = 5;
const outboundTypes = new Set(['http_request', 'email', 'slack', 'telegram', 'notion', 'google_sheets', 'webhook']);
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const method = (step: WorkflowStep) => String(step.config.method ?? 'GET').toUpperCase();
const label = (step: WorkflowStep) => step.name ?? step.id;

export function suggestForWorkflow(workflow: RuleWorkflow, ctx: RuleContext): Suggestion[] {
  const found: Suggestion[] = [];
  const base = { workflowId: workflow.id, workflowName: workflow.name, href: null, change: null, create: null };
  const add = (kind: SuggestionKind, part: Partial<Suggestion> & { key?: string }) => {
    const { key, ...rest } = part;
    found.push({ ...base, params: {}, ...rest, kind, id: [kind, workflow.id, key].filter(Boolean).join(':') });
  };
  const { definition } = workflow;
  const { finished, failed, lastFailedRunId } = ctx.recentRuns;
  if (lastFailedRunId && failed >= 3 && failed * 2 >= finished)
    add('keepsFailing', { params: { failed, total: finished }, href: `/runs/${lastFailedRunId}` });

  const placeholders = listPlaceholders(definition);
  if (placeholders.length > 0)
    add('placeholders', {
      params: { count: placeholders.length, step: placeholders[0]!.stepId, field: placeholders[0]!.field },
      href: `/workflows/${workflow.id}`,
    });

  const hasType = (type: string) => definition.steps.some((step) => step.type === type);
  const risky = hasType('approval') ? undefined : definition.steps.find((step) => needsApproval(step, ctx));
  if (risky) {
    const change = changeOf(workflow, insertApproval(definition, risky, ctx.texts.approvalMessage(label(risky))));
    if (change) add('approval', { key: risky.id, params: { step: label(risky) }, change });
  }

  const unattended = definition.trigger.type === 'schedule' || definition.trigger.type === 'webhook';
  if (unattended && !ctx.alerted(workflow.id) && ctx.alertEmail) {
    const create = alertWorkflow(workflow, ctx.alertEmail, ctx);
    if (validateDefinition(create).ok) add('failureAlert', { params: { email: ctx.alertEmail }, create });
  }

  const fetcher = hasType('backup')
    ? undefined
    : definition.steps.find((step) => step.type === 'http_request' && method(step) === 'GET');
  if (fetcher) {
    const change = changeOf(workflow, insertBackup(definition, fetcher));
    if (change) add('backup', { key: fetcher.id, params: { step: label(fetcher) }, change });
  }

  const attempts = definition.settings.retry.maxAttempts;
  if (attempts < WEAK_RETRY_ATTEMPTS && definition.steps.some((step) => outboundTypes.has(step.type))) {
    const after = structuredClone(definition);
    after.settings.retry.maxAttempts = SUGGESTED_RETRY_ATTEMPTS;
    const change = changeOf(workflow, after);
    if (change) add('retry', { params: { attempts, suggested: SUGGESTED_RETRY_ATTEMPTS }, change });
  }
  return found;
}

/** Emails, outgoing webhooks and write calls to other APIs that no approval already holds back. */
function needsApproval(step: WorkflowStep, ctx: RuleContext): boolean {
  const sends =
    step.type === 'email' ||
    step.type === 'webhook' ||
    (step.type === 'http_request' && writeMethods.has(method(step)));
  if (!sends) return false;
  const actionClass = step.actionClass ?? stepRegistry[step.type].defaultActionClass;
  return actionClass === 'A' || (actionClass === 'B' && ctx.approvalPolicy === 'class_c');
}

function changeOf(workflow: RuleWorkflow, after: WorkflowDefinition): Suggestion['change'] {
  const result = validateDefinition(after, { workflowId: workflow.id });
  if (!result.ok) return null;
  const changes = diffDefinitions(workflow.definition, result.definition);
  return changes.length > 0 ? { baseVersion: workflow.version, definition: result.definition, changes } : null;
}

function freeId(definition: WorkflowDefinition, wanted: string): string {
  const taken = new Set(definition.steps.map((step) => step.id));
  const stem = wanted.slice(0, 44);
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}_${n}`;
  return id;
}

/** An approval step right before `target`: every path that led to `target` now goes through it. */
function insertApproval(definition: WorkflowDefinition, target: WorkflowStep, message: string): WorkflowDefinition {
  const after = structuredClone(definition);
  const id = freeId(definition, `approve_${target.id}`);
  for (const step of after.steps) {
    if (step.next === target.id) step.next = id;
    if (step.type === 'condition') {
      if (step.config.then === target.id) step.config.then = id;
      if (step.config.else === target.id) step.config.else = id;
    }
  }
  const index = after.steps.findIndex((step) => step.id === target.id);
  after.steps.splice(index, 0, { id, type: 'approval', config: { message }, next: target.id });
  return after;
}

/** A backup of what `source` fetched, right after it (and before whatever came next). */
function insertBackup(definition: WorkflowDefinition, source: WorkflowStep): WorkflowDefinition {
  const after = structuredClone(definition);
  const id = freeId(definition, `backup_${source.id}`);
  const index = after.steps.findIndex((step) => step.id === source.id);
  const fetcher = after.steps[index]!;
  const backup: WorkflowStep = {
    id,
    type: 'backup',
    config: { name: label(source).slice(0, 120), format: 'text', data: `{{steps.${source.id}.output.body}}` },
  };
  if (fetcher.next !== undefined) {
    backup.next = fetcher.next;
    fetcher.next = id;
  }
  after.steps.splice(index + 1, 0, backup);
  return after;
}

function alertWorkflow(workflow: RuleWorkflow, email: string, ctx: RuleContext): WorkflowDefinitionInput {
  return {
    name: ctx.texts.alertName(workflow.name).slice(0, 120),
    trigger: { type: 'event', event: 'workflow.failed', workflowId: workflow.id },
    steps: [
      {
        id: 'notify',
        type: 'email',
        config: {
          to: email,
          subject: ctx.texts.alertSubject(workflow.name).slice(0, 200),
          text: ctx.texts.alertText(workflow.name, '{{trigger.payload.runId}}'),
        },
      },
    ],
  };
}
