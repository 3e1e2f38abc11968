import 'server-only';
// One step's execution, shared by the engine (one step per call, recorded as it goes) and the inline runner (a run of
// pure steps finished while it is created): templates, the input record, config parsing, the timeout, the next step.
import type { WorkflowDefinition, WorkflowStep } from '../definition';
import {
  type AnyStepDefinition,
  StepError,
  type StepContext,
  type StepOutcome,
  type TemplateData,
} from '../steps/types';
import { resolveTemplates, templatePaths } from '../template';

export type ErrorRecord = { code: string; message: string; retryable: boolean; details?: Record<string, unknown> };

const DEFAULT_STEP_TIMEOUT_MS = 300_000;
const MAX_INPUT_BYTES = 64 * 1024;

/** The step's config with templates resolved (for step types that resolve them), and its timeline record. */
export function resolveStepConfig(
  stepType: AnyStepDefinition,
  step: WorkflowStep,
  data: TemplateData,
): { rawConfig: unknown; input: string } {
  const rawConfig = stepType.resolveTemplates ? resolveTemplates(step.config, data) : step.config;
  return { rawConfig, input: inputRecord(rawConfig) };
}

/** Parses the config and runs the step under a timeout; throws what the step threw. */
export async function invokeStep(
  stepType: AnyStepDefinition,
  rawConfig: unknown,
  ctx: Omit<StepContext, 'signal'>,
  timeoutMs = DEFAULT_STEP_TIMEOUT_MS,
): Promise<StepOutcome> {
  const config = stepType.configSchema.parse(rawConfig) as never;
  return stepType.execute(config, { ...ctx, signal: AbortSignal.timeout(timeoutMs) });
}

/** What the timeline stores as a step's output (a branch also records where it went). */
export function outcomeOutput(outcome: Exclude<StepOutcome, { kind: 'sleep' }>): unknown {
  return outcome.kind === 'branch' ? { ...(outcome.output as object), next: outcome.next } : outcome.output;
}

export function nextStepId(definition: WorkflowDefinition, step: WorkflowStep, output: unknown): string | null {
  if (step.type === 'condition' && output && typeof output === 'object' && 'next' in output)
    return (output as { next: string | null }).next;
  if (step.next !== undefined) return step.next;
  const index = definition.steps.findIndex((candidate) => candidate.id === step.id);
  return definition.steps[index + 1]?.id ?? null;
}

/** The steps whose outputs a config's templates read (only those are loaded). */
export function referencedSteps(config: unknown): string[] {
  const ids = new Set<string>();
  for (const path of templatePaths(config)) {
    const [root, id] = path.split('.');
    if (root === 'steps' && id) ids.add(id);
  }
  return [...ids];
}

export function toErrorRecord(error: unknown): ErrorRecord {
  if (error instanceof StepError)
    return {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      ...(error.details ? { details: error.details } : {}),
    };
  if (error instanceof Error && error.name === 'ZodError') {
    return {
      code: 'invalid_config',
      message: `The step's configuration is invalid: ${error.message.slice(0, 500)}`,
      retryable: false,
    };
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return { code: 'timeout', message: 'The step timed out', retryable: true };
  return {
    code: 'step_error',
    message: error instanceof Error ? error.message.slice(0, 1_000) : String(error),
    retryable: true,
  };
}

/** The step's resolved config for the timeline; large inputs (a backup's data) are summarised, not stored twice. */
function inputRecord(config: unknown): string {
  const json = toJson(config);
  return json.length <= MAX_INPUT_BYTES ? json : JSON.stringify({ truncated: true, bytes: Buffer.byteLength(json) });
}

/** JSON for a jsonb column; undefined becomes null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
