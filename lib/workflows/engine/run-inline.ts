import 'server-only';
// The inline runner: a run made only of pure steps (transform, condition, log) touches nothing outside the run, so it
// is computed while the run is created and stored finished in the same write: one commit instead of a claim, an
// admission and a result. Anything it cannot finish (a step error to retry, a step with effects, an approval) returns
// null and the run goes to the driver as usual, which computes the pure steps again.
import type { Db } from '@/db/client';
import { logger } from '@/lib/logger';
import type { WorkflowDefinition } from '../definition';
import { stepRegistry } from '../steps';
import { type AnyStepDefinition, StepError } from '../steps/types';
import { invokeStep, nextStepId, outcomeOutput, resolveStepConfig, toJson } from './invoke-step';

export type InlineStepRecord = {
  step_id: string;
  step_type: string;
  input: string;
  output: string;
  started_at: string;
  finished_at: string;
  duration_ms: number;
};

export type InlineRun = {
  steps: InlineStepRecord[];
  lastStepId: string | null;
  lastOutput: unknown;
  startedAt: Date;
  finishedAt: Date;
};

type Registry = Readonly<Record<string, AnyStepDefinition>>;

/** Whether every step is pure and runs without an approval under the workspace's policy. */
export function isInlineRunnable(
  definition: WorkflowDefinition,
  approvalPolicy: string,
  steps: Registry = stepRegistry,
): boolean {
  return definition.steps.every((step) => {
    const stepType = steps[step.type];
    if (!stepType?.pure) return false;
    const actionClass = step.actionClass ?? stepType.defaultActionClass;
    return actionClass === 'A' || (actionClass === 'B' && approvalPolicy !== 'class_b_and_c');
  });
}

type InlineInput = {
  runId: string;
  workspaceId: string;
  workflowId: string;
  triggerType: string;
  payload: unknown;
  now?: () => Date;
};

const noOutsideCalls = () => {
  throw new StepError('not_available', 'A pure step cannot make outside calls', false);
};

/** Runs the definition's steps in memory; null when any step does not finish with an output at the first attempt. */
export async function runInline(
  db: Db,
  definition: WorkflowDefinition,
  input: InlineInput,
  steps: Registry = stepRegistry,
): Promise<InlineRun | null> {
  const now = input.now ?? (() => new Date());
  const startedAt = now();
  const outputs: Record<string, { output: unknown }> = {};
  const records: InlineStepRecord[] = [];
  const data = {
    trigger: { type: input.triggerType, payload: input.payload },
    steps: outputs,
    run: { id: input.runId, workflowId: input.workflowId },
  };
  let step = definition.steps[0];
  let lastOutput: unknown = null;
  // NOTE: the validator refuses loops; the bound keeps a definition that slipped past it from spinning.
  for (let executed = 0; step && executed < definition.steps.length; executed++) {
    const stepType = steps[step.type];
    if (!stepType?.pure) return null;
    const stepStartedAt = now();
    const began = performance.now();
    try {
      const { rawConfig, input: stepInput } = resolveStepConfig(stepType, step, data);
      const outcome = await invokeStep(stepType, rawConfig, {
        workspaceId: input.workspaceId,
        workflowId: input.workflowId,
        runId: input.runId,
        stepId: step.id,
        attempt: 1,
        idempotencyKey: `${input.runId}:${step.id}`,
        data,
        services: { db, now, fetch: noOutsideCalls, credential: noOutsideCalls },
      });
      if (outcome.kind === 'sleep') return null;
      lastOutput = outcomeOutput(outcome);
      outputs[step.id] = { output: lastOutput };
      records.push({
        step_id: step.id,
        step_type: step.type,
        input: stepInput,
        output: toJson(lastOutput),
        started_at: stepStartedAt.toISOString(),
        finished_at: now().toISOString(),
        duration_ms: Math.round((performance.now() - began) * 1000) / 1000,
      });
    } catch (error) {
      // The driver runs it again and records the failure under the retry policy.
      logger.debug({ err: error, run_id: input.runId, step_id: step.id }, 'inline run stopped; the driver takes over');
      return null;
    }
    const next = nextStepId(definition, step, lastOutput);
    step = next === null ? undefined : definition.steps.find((candidate) => candidate.id === next);
    if (next !== null && !step) return null;
  }
  if (step) return null;
  return { steps: records, lastStepId: records.at(-1)?.step_id ?? null, lastOutput, startedAt, finishedAt: now() };
}
