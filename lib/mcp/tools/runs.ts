import 'server-only';
// Run tools: trigger one (and wait for it), list runs, read one run's step timeline. Same lib calls as /api/v1/runs.
import { getRunOperation, listRunsOperation, triggerRunOperation } from '@/lib/openapi/operations/runs';
import { getRun, type RunDetailDto } from '@/lib/workflows/runs/get-run';
import { listRunsPage } from '@/lib/workflows/runs/list-runs-page';
import { triggerRun } from '@/lib/workflows/runs/trigger-run';
import { waitForRun } from '@/lib/workflows/runs/wait-for-run';
import { defineOperationTool } from '../operation-tool';
import { describeDuration, describeError, nextPageLine } from './describe';

/** Status, timing, the failure and every step attempt of a run, one line each. */
function describeRun(run: RunDetailDto): string {
  const took = describeDuration(run.durationMs);
  const lines = [
    `Run ${run.id} of "${run.workflowName}" (version ${run.version}): ${run.status}${took ? ` after ${took}` : ''}` +
      (run.waiting ? `, waiting for ${run.waiting}` : ''),
  ];
  if (run.status === 'failed') lines.push(`Error: ${describeError(run.error)}`);
  if (run.stepRuns.length === 0) lines.push('No step has run yet.');
  for (const step of run.stepRuns) {
    const duration = describeDuration(step.durationMs);
    const failure = step.status === 'failed' ? ` — ${describeError(step.error)}` : '';
    lines.push(
      `- ${step.stepId} (${step.type}), attempt ${step.attempt}: ${step.status}${duration ? ` in ${duration}` : ''}${failure}`,
    );
  }
  if (run.status === 'succeeded' && run.stepRuns.length > 0)
    lines.push(`Output of the last step: ${JSON.stringify(run.stepRuns.at(-1)!.output) ?? 'none'}`);
  return lines.join('\n');
}

export const triggerRunTool = defineOperationTool({
  name: 'trigger_run',
  title: 'Trigger a run',
  description:
    "Starts a run of a workflow now, with `payload` as its input (what the steps read as trigger.payload). Pass `wait` (such as `10s`, at most `30s`) to get the run's result in the same call: its status, each step's output, or the error of the step that failed. Without `wait`, or when the run takes longer, the run comes back queued or running: follow it with get_run. Each call starts a new run (and may use credits).",
  operation: triggerRunOperation,
  paramNames: { id: 'workflowId' },
  action: 'triggering a run',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  call: ({ db, scope, signal }, { params, query, body }) =>
    triggerRun(db, scope, params.id, { payload: body.payload, waitMs: query.wait, signal }),
  summarize: describeRun,
});

export const listRunsTool = defineOperationTool({
  name: 'list_runs',
  title: 'List runs',
  description:
    'Lists runs of the workspace, newest first. Filter by `status` (one of queued, running, succeeded, failed, rejected, cancelled, or several separated by commas), by `workflowId`, and by creation time (`from` inclusive, `to` exclusive, ISO 8601). Use get_run on a run id for its steps and errors.',
  operation: listRunsOperation,
  action: 'listing runs',
  annotations: { readOnlyHint: true, openWorldHint: false },
  call: ({ db, scope }, { query }) => listRunsPage(db, scope, query),
  summarize: (page) =>
    [
      page.data.length === 0 ? 'No runs match.' : `${page.data.length} run${page.data.length === 1 ? '' : 's'}:`,
      ...page.data.map(
        (run) =>
          `- ${run.id}: "${run.workflowName}" ${run.status}, created ${new Date(run.createdAt).toISOString()}` +
          (run.status === 'failed' ? ` — ${describeError(run.error)}` : ''),
      ),
      nextPageLine(page.nextCursor),
    ].join('\n'),
});

export const getRunTool = defineOperationTool({
  name: 'get_run',
  title: 'Get a run',
  description:
    'Reads one run: its status, its step timeline (every attempt of every step with input, output, duration) and, for a failed run, the error of the step that failed. Pass `wait` (such as `10s`, at most `30s`) to wait for a run that has not finished yet.',
  operation: getRunOperation,
  paramNames: { id: 'runId' },
  action: 'reading a run',
  annotations: { readOnlyHint: true, openWorldHint: false },
  call: async ({ db, scope, signal }, { params, query }) => {
    if (query.wait) await waitForRun(db, scope, params.id, { timeoutMs: query.wait, signal });
    return getRun(db, scope, params.id);
  },
  summarize: describeRun,
});

export const runTools = [triggerRunTool, listRunsTool, getRunTool];
