// The validator: the definition schema, each step's config schema, and deep checks (references, reachability,
// cycles, limits, egress guardrails), then readiness: unfilled template placeholders (errors that block enabling, not
// saving) and secret-looking values in plain fields (warnings). Every issue names the field path and the step.
import type { FieldIssue } from '@/lib/errors';
import { fieldIssues } from '@/lib/errors';
import { limits, type WorkflowDefinition, type WorkflowStep, workflowDefinitionSchema } from './definition';
import { findPlaceholder } from '@/lib/templates/placeholders';
import { checkUrlStatically } from './egress/address-policy';
import { readinessIssues } from './readiness-issues';
import { checkCron } from './schedule/check-cron';
import { nextOccurrence } from './schedule/next-occurrence';
import { stepRegistry, type StepRegistry } from './steps';
import { templatePaths } from './template';

export type ValidationIssue = FieldIssue & { stepId?: string };
/**
 * `ok`: the definition can be saved. `issues` of an ok result are readiness issues: `placeholder_unfilled` errors
 * (which block enabling) and `secret_in_plain_field` warnings (which block nothing).
 */
export type ValidationResult =
  { ok: true; definition: WorkflowDefinition; issues: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

type Options = { registry?: StepRegistry; workflowId?: string };

export function validateDefinition(
  input: unknown,
  { registry = stepRegistry, workflowId }: Options = {},
): ValidationResult {
  const size = Buffer.byteLength(JSON.stringify(input ?? null));
  if (size > limits.definitionBytes) {
    return {
      ok: false,
      issues: [
        {
          path: '(root)',
          code: 'too_big',
          params: { origin: 'definition', size: Math.ceil(size / 1024), maximum: limits.definitionBytes / 1024 },
          message: `The definition is ${Math.ceil(size / 1024)} KiB; the limit is ${limits.definitionBytes / 1024} KiB`,
        },
      ],
    };
  }
  const parsed = workflowDefinitionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fieldIssues(parsed.error) };
  const definition = parsed.data;
  const issues: ValidationIssue[] = [];
  const add: Add = (path, code, message, stepId, params) =>
    issues.push({ path: path.join('.'), code, message, ...(params ? { params } : {}), ...(stepId ? { stepId } : {}) });

  checkTrigger(definition, workflowId, add, issues);
  const index = new Map<string, number>();
  definition.steps.forEach((step, i) => {
    if (index.has(step.id))
      add(['steps', i, 'id'], 'duplicate_id', `Step id "${step.id}" is used twice`, step.id, { id: step.id });
    else index.set(step.id, i);
  });

  const edges = new Map<string, (string | null)[]>();
  definition.steps.forEach((step, i) => {
    const stepType = registry[step.type];
    if (!stepType)
      return add(['steps', i, 'type'], 'unknown_type', `Unknown step type ${step.type}`, step.id, {
        type: step.type,
      });
    const config = stepType.configSchema.safeParse(step.config);
    if (!config.success) {
      for (const issue of fieldIssues(config.error, `steps.${i}.config`)) {
        if (!isTemplatedField(step.config, issue.path, i) && !isPlaceholderField(step.config, issue.path, i))
          issues.push({ ...issue, stepId: step.id });
      }
    }
    const targets =
      config.success && stepType.references
        ? stepType.references(config.data as never)
        : [defaultNext(definition, step, i)];
    edges.set(step.id, targets);
    targets.forEach((target) => {
      if (target !== null && !index.has(target))
        add(
          ['steps', i, step.type === 'condition' ? 'config' : 'next'],
          'unknown_step',
          `Step ${step.id} goes to "${target}", which is not a step of this workflow`,
          step.id,
          { target },
        );
    });
    for (const url of config.success && stepType.urls ? stepType.urls(config.data as never) : []) {
      const verdict = checkUrlStatically(url);
      if (!verdict.ok) add(['steps', i, 'config', 'url'], 'egress_refused', verdict.reason, step.id);
    }
  });
  if (issues.length > 0) return { ok: false, issues };

  checkGraph(definition, edges, add);
  checkTemplates(definition, edges, add);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition, issues: readinessIssues(definition) };
}

type Add = (
  path: (string | number)[],
  code: string,
  message: string,
  stepId?: string,
  params?: FieldIssue['params'],
) => void;

function defaultNext(definition: WorkflowDefinition, step: WorkflowStep, i: number): string | null {
  return step.next !== undefined ? step.next : (definition.steps[i + 1]?.id ?? null);
}

/** A config error on a field written as a `{{template}}` is not an error yet: the value is known only at run time. */
function isTemplatedField(config: Record<string, unknown>, path: string, stepIndex: number): boolean {
  const value = fieldValue(config, path, stepIndex);
  return typeof value === 'string' && value.includes('{{');
}

/** A config error on a field still holding a template's example value is reported as `placeholder_unfilled`. */
function isPlaceholderField(config: Record<string, unknown>, path: string, stepIndex: number): boolean {
  const value = fieldValue(config, path, stepIndex);
  return typeof value === 'string' && findPlaceholder(value) !== null;
}

function fieldValue(config: Record<string, unknown>, path: string, stepIndex: number): unknown {
  const keys = path.replace(`steps.${stepIndex}.config.`, '').split('.');
  let value: unknown = config;
  for (const key of keys)
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function checkTrigger(
  definition: WorkflowDefinition,
  workflowId: string | undefined,
  add: Add,
  issues: ValidationIssue[],
): void {
  const { trigger } = definition;
  if (trigger.type === 'schedule') {
    const cronIssue = checkCron(trigger.cron);
    if (cronIssue) return void issues.push({ path: 'trigger.cron', ...cronIssue });
    let next: Date | null = null;
    try {
      next = nextOccurrence(trigger.cron, trigger.timezone, new Date());
    } catch {
      add(['trigger', 'cron'], 'invalid_cron', `"${trigger.cron}" cannot be scheduled in ${trigger.timezone}`);
      return;
    }
    if (!next) add(['trigger', 'cron'], 'never_runs', `"${trigger.cron}" never matches a date (such as 30 February)`);
  }
  if (trigger.type === 'event' && workflowId && trigger.workflowId === workflowId) {
    add(['trigger', 'workflowId'], 'self_trigger', 'A workflow cannot be triggered by its own runs');
  }
}

function checkGraph(definition: WorkflowDefinition, edges: Map<string, (string | null)[]>, add: Add): void {
  const first = definition.steps[0]!.id;
  const reached = new Set<string>();
  const stack = [first];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const target of edges.get(id) ?? []) if (target) stack.push(target);
  }
  definition.steps.forEach((step, i) => {
    if (!reached.has(step.id))
      add(['steps', i], 'unreachable', `Step ${step.id} can never run: no step leads to it`, step.id, {
        step: step.id,
      });
  });

  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): string[] | null => {
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    if (state.get(id) === 'done') return null;
    state.set(id, 'visiting');
    for (const target of edges.get(id) ?? []) {
      const cycle = target ? visit(target, [...path, id]) : null;
      if (cycle) return cycle;
    }
    state.set(id, 'done');
    return null;
  };
  const cycle = visit(first, []);
  if (cycle) {
    const at = definition.steps.findIndex((step) => step.id === cycle[0]);
    add(['steps', at], 'cycle', `The steps form a loop: ${cycle.join(' → ')}`, cycle[0], { loop: cycle.join(' → ') });
  }
}

/** `{{steps.x…}}` must name a step that always or possibly runs before the one that reads it. */
function checkTemplates(definition: WorkflowDefinition, edges: Map<string, (string | null)[]>, add: Add): void {
  const upstream = new Map<string, Set<string>>();
  const ancestorsOf = (id: string): Set<string> => {
    const known = upstream.get(id);
    if (known) return known;
    const result = new Set<string>();
    for (const [from, targets] of edges) if (targets.includes(id)) result.add(from);
    upstream.set(id, result);
    for (const parent of [...result]) for (const grand of ancestorsOf(parent)) result.add(grand);
    return result;
  };
  definition.steps.forEach((step, i) => {
    for (const path of templatePaths(step.config)) {
      const [root, ref] = path.split('.');
      if (root === 'steps' && ref && !ancestorsOf(step.id).has(ref)) {
        const known = definition.steps.some((candidate) => candidate.id === ref);
        add(
          ['steps', i, 'config'],
          'unknown_reference',
          known
            ? `{{${path}}} reads step ${ref}, which does not run before ${step.id}`
            : `{{${path}}} refers to an unknown step "${ref}"`,
          step.id,
          { reference: `{{${path}}}`, kind: known ? 'order' : 'unknown', target: ref, step: step.id },
        );
      } else if (root !== 'steps' && root !== 'trigger' && root !== 'run' && root !== 'item') {
        add(
          ['steps', i, 'config'],
          'unknown_reference',
          `{{${path}}} must start with steps., trigger. or run.`,
          step.id,
          { reference: `{{${path}}}`, kind: 'root' },
        );
      }
    }
  });
}
