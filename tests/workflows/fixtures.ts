// Workflow test fixtures: a workflow row inserted directly (no validator), a controllable clock, and a test driver.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/types';
import { type WorkflowDefinitionInput, workflowDefinitionSchema } from '@/lib/workflows/definition';
import { type Advance, advanceRun, type EngineDeps } from '@/lib/workflows/engine/advance-run';
import { approvalStep } from '@/lib/workflows/steps/approval';
import { conditionStep } from '@/lib/workflows/steps/condition';
import { delayStep } from '@/lib/workflows/steps/delay';
import { logStep } from '@/lib/workflows/steps/log';
import { transformStep } from '@/lib/workflows/steps/transform';
import { type AnyStepDefinition, StepError } from '@/lib/workflows/steps/types';

export async function seedWorkflow(
  db: Kysely<Database>,
  workspaceId: string,
  input: Partial<WorkflowDefinitionInput> & Pick<WorkflowDefinitionInput, 'steps'>,
) {
  const definition = workflowDefinitionSchema.parse({ name: 'Test workflow', trigger: { type: 'manual' }, ...input });
  const row = await db
    .insertInto('workflows')
    .values({
      workspace_id: workspaceId,
      name: definition.name,
      current_version: 1,
      trigger_type: definition.trigger.type,
      webhook_token: `wh_${randomBytes(12).toString('hex')}`,
      webhook_secret: 'unused',
      concurrency_limit: definition.settings.concurrency,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('workflow_versions')
    .values({ workflow_id: row.id, version: 1, definition: JSON.stringify(definition) })
    .execute();
  return { id: row.id, definition };
}

export function testClock(start = new Date('2026-11-23T10:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set: (at: Date | string) => void (now = new Date(at).getTime()),
    advance: (ms: number) => void (now += ms),
  };
}

export const coreSteps: Record<string, AnyStepDefinition> = {
  approval: approvalStep,
  condition: conditionStep,
  delay: delayStep,
  log: logStep,
  transform: transformStep,
};

export function engineDeps(
  clock: ReturnType<typeof testClock>,
  steps: Record<string, AnyStepDefinition> = {},
  extra: Partial<EngineDeps> = {},
): EngineDeps {
  return {
    steps: { ...coreSteps, ...steps },
    fetch: (url, init) => fetch(url, init),
    credential: async (_db, _workspace, name) => {
      throw new StepError('credential_missing', `No credential named ${name}`, false);
    },
    now: clock.now,
    random: () => 0.5,
    ...extra,
  };
}

/** Advances a run until it waits or finishes, jumping the clock over sleeps and retries (up to `maxSleeps`). */
export async function driveToEnd(
  db: Kysely<Database>,
  runId: string,
  deps: EngineDeps,
  clock: ReturnType<typeof testClock>,
  { maxSleeps = 20 } = {},
): Promise<{ last: Advance; sleeps: Extract<Advance, { kind: 'sleep' }>[] }> {
  const sleeps: Extract<Advance, { kind: 'sleep' }>[] = [];
  for (let i = 0; i < 500; i++) {
    const advance = await advanceRun(db, runId, deps);
    if (advance.kind === 'continue') continue;
    if (advance.kind === 'sleep' && sleeps.length < maxSleeps) {
      sleeps.push(advance);
      clock.set(advance.until);
      continue;
    }
    return { last: advance, sleeps };
  }
  throw new Error('run did not settle');
}
