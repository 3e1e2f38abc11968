import 'server-only';
// The workflow row's trigger columns, derived from a definition: what the scheduler, webhook and event lookups index.
import { AppError } from '@/lib/errors';
import { type WorkflowDefinition, webhookRateLimits } from './definition';
import { nextOccurrence } from './schedule/next-occurrence';

/** The next occurrence after `after` (null: none ever again); a stored schedule that cannot be computed is a 422. */
export function nextScheduledRun(cron: string, timezone: string, after: Date): Date | null {
  try {
    return nextOccurrence(cron, timezone, after);
  } catch (error) {
    const message = `The schedule "${cron}" in ${timezone} cannot be computed: ${error instanceof Error ? error.message : String(error)}`;
    throw new AppError('validation_failed', 'The schedule is not valid', {
      issues: [{ path: 'trigger.cron', code: 'invalid_cron', message }],
    });
  }
}

export function triggerColumns(definition: WorkflowDefinition, now: Date = new Date()) {
  const { trigger } = definition;
  return {
    trigger_type: trigger.type,
    schedule_cron: trigger.type === 'schedule' ? trigger.cron : null,
    schedule_timezone: trigger.type === 'schedule' ? trigger.timezone : null,
    next_run_at: trigger.type === 'schedule' ? nextScheduledRun(trigger.cron, trigger.timezone, now) : null,
    event_name: trigger.type === 'event' ? trigger.event : null,
    event_source_workflow_id: trigger.type === 'event' ? trigger.workflowId : null,
    concurrency_limit: definition.settings.concurrency,
    webhook_rate_limit:
      (trigger.type === 'webhook' ? trigger.rateLimitPerMinute : undefined) ?? webhookRateLimits.defaultPerMinute,
  };
}
