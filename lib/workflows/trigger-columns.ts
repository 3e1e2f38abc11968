import 'server-only';
// The workflow row's trigger columns, derived from a definition: what the scheduler, webhook and event lookups index.
import { CronExpressionParser } from 'cron-parser';
import { type WorkflowDefinition, webhookRateLimits } from './definition';

export function nextScheduledRun(cron: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: timezone }).next().toDate();
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
    webhook_rate_limit: (trigger.type === 'webhook' ? trigger.rateLimitPerMinute : undefined) ?? webhookRateLimits.defaultPerMinute,
  };
}
