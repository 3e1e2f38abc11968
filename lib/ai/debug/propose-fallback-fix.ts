import 'server-only';
// The built-in fix for failures a definition change can help with: a stronger retry policy for transient failures
// (a longer HTTP timeout too for timeouts), the longest allowed delay for a delay over the limit, and more time for
// approvers when an approval expired. Null where only the user can act (a connection, an address, a permission).
import { createTranslator } from 'next-intl';
import type { AiFix } from '@/lib/ai/schemas';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { retryPolicySchema, type RetryPolicy, type WorkflowDefinition } from '@/lib/workflows/definition';
import { buildFix, type FixBase } from './build-fix';
import type { FailureFacts } from './failure-facts';

/** Causes a later attempt may clear on its own, so more attempts and longer waits help. */
const transientCauses = new Set([
  'timeout',
  'network_error',
  'rate_limited',
  'upstream_error',
  'interrupted',
  'email_failed',
]);

export const retryBounds = {
  maxAttempts: retryPolicySchema.shape.maxAttempts.unwrap().maxValue ?? 10,
  initialDelayMs: retryPolicySchema.shape.initialDelayMs.unwrap().maxValue ?? 60_000,
  maxDelayMs: retryPolicySchema.shape.maxDelayMs.unwrap().maxValue ?? 3_600_000,
};
const MAX_HTTP_TIMEOUT_MS = 120_000;
const MAX_APPROVAL_HOURS = 24 * 30;
const MAX_DELAY_DAYS = 30;

type Proposal = { definition: WorkflowDefinition; summaryKey: string; params: Record<string, string | number> };

/** More attempts and longer waits, within the schema's bounds (a rate limit waits longer from the first retry). */
export function strongerRetry(retry: RetryPolicy, cause: string): RetryPolicy {
  return {
    maxAttempts: Math.min(retryBounds.maxAttempts, Math.max(retry.maxAttempts + 3, 5)),
    initialDelayMs: Math.min(
      retryBounds.initialDelayMs,
      Math.max(retry.initialDelayMs * 2, cause === 'rate_limited' ? 30_000 : 5_000),
    ),
    maxDelayMs: Math.min(retryBounds.maxDelayMs, Math.max(retry.maxDelayMs * 2, 900_000)),
  };
}

function retryProposal(definition: WorkflowDefinition, cause: string): Proposal {
  const retry = strongerRetry(definition.settings.retry, cause);
  return {
    definition: { ...definition, settings: { ...definition.settings, retry } },
    summaryKey: 'retry',
    params: {
      maxAttempts: retry.maxAttempts,
      initialSeconds: Math.round(retry.initialDelayMs / 1000),
      maxMinutes: Math.round(retry.maxDelayMs / 60_000),
    },
  };
}

function withStepConfig(definition: WorkflowDefinition, index: number, config: Record<string, unknown>) {
  const steps = definition.steps.map((step, i) => (i === index ? { ...step, config } : step));
  return { ...definition, steps };
}

function timeoutProposal(definition: WorkflowDefinition, index: number, stepLabel: string): Proposal | null {
  const step = definition.steps[index]!;
  const current = step.config.timeoutMs ?? 30_000;
  if ((step.type !== 'http_request' && step.type !== 'webhook') || typeof current !== 'number') return null;
  if (current >= MAX_HTTP_TIMEOUT_MS) return null;
  const timeoutMs = Math.min(MAX_HTTP_TIMEOUT_MS, Math.max(current * 2, 60_000));
  const retried = retryProposal(definition, 'timeout').definition;
  return {
    definition: withStepConfig(retried, index, { ...step.config, timeoutMs }),
    summaryKey: 'timeout',
    params: { step: stepLabel, seconds: timeoutMs / 1000, maxAttempts: retried.settings.retry.maxAttempts },
  };
}

function delayProposal(definition: WorkflowDefinition, index: number, stepLabel: string): Proposal | null {
  const { config } = definition.steps[index]!;
  const durations = ['seconds', 'minutes', 'hours', 'days'].map((key) => config[key]);
  if (config.until !== undefined || !durations.every((value) => value === undefined || typeof value === 'number'))
    return null;
  return {
    definition: withStepConfig(definition, index, { days: MAX_DELAY_DAYS }),
    summaryKey: 'delay',
    params: { step: stepLabel },
  };
}

function approvalProposal(definition: WorkflowDefinition): Proposal | null {
  const current = definition.settings.approvalTimeoutHours;
  if (current >= MAX_APPROVAL_HOURS) return null;
  const hours = Math.min(MAX_APPROVAL_HOURS, Math.max(Math.round(current * 2), 24));
  return {
    definition: { ...definition, settings: { ...definition.settings, approvalTimeoutHours: hours } },
    summaryKey: 'approvalTimeout',
    params: { hours },
  };
}

function propose(definition: WorkflowDefinition, facts: FailureFacts): Proposal | null {
  const index = definition.steps.findIndex((step) => step.id === facts.stepId);
  // NOTE: a step the current version no longer has failed under an older version; nothing here is about it.
  if (index < 0) return null;
  const label = facts.stepName ?? facts.stepId ?? '';
  if (facts.code === 'approval_expired') return approvalProposal(definition);
  if (facts.code === 'delay_too_long' && definition.steps[index]!.type === 'delay')
    return delayProposal(definition, index, label);
  if (!transientCauses.has(facts.causeCode)) return null;
  if (facts.causeCode === 'timeout') {
    const longer = timeoutProposal(definition, index, label);
    if (longer) return longer;
  }
  return retryProposal(definition, facts.causeCode);
}

export async function proposeFallbackFix(base: FixBase, facts: FailureFacts, locale: Locale): Promise<AiFix | null> {
  const proposal = propose(base.definition, facts);
  if (!proposal) return null;
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'ai.debug.fixes' as never });
  return buildFix(base, proposal.definition, t(proposal.summaryKey as never, proposal.params as never) as string);
}
