// The built-in fixes: a stronger retry policy for transient failures, a longer timeout for timeouts, the longest
// allowed delay, more time for approvers; none where only the user can act. Each passes the validator.
import { describe, expect, it } from 'vitest';
import { diffDefinitions } from '@/lib/ai/debug/diff-definitions';
import type { FailureFacts } from '@/lib/ai/debug/failure-facts';
import { proposeFallbackFix } from '@/lib/ai/debug/propose-fallback-fix';
import { workflowDefinitionSchema, type WorkflowDefinitionInput } from '@/lib/workflows/definition';
import { validateDefinition } from '@/lib/workflows/validate-definition';

const definition = (input: Partial<WorkflowDefinitionInput> = {}) =>
  workflowDefinitionSchema.parse({
    name: 'Sync orders',
    trigger: { type: 'manual' },
    steps: [
      { id: 'fetch', name: 'Fetch orders', type: 'http_request', config: { url: 'https://api.example.com/orders' } },
      { id: 'wait', type: 'delay', config: { days: 45 } },
    ],
    ...input,
  });

const facts = (code: string, extra: Partial<FailureFacts> = {}): FailureFacts => ({
  code,
  causeCode: code,
  message: 'failed',
  details: {},
  stepId: 'fetch',
  stepName: 'Fetch orders',
  stepType: 'http_request',
  input: {},
  attempts: 5,
  ...extra,
});

const base = (def = definition()) => ({
  definition: def,
  version: 3,
  workflowId: '00000000-0000-4000-8000-000000000001',
});

describe('built-in fixes', () => {
  it('proposes more attempts and longer waits after a 5xx, within the bounds, and names the base version', async () => {
    const fix = await proposeFallbackFix(base(), facts('upstream_error'), 'en');
    expect(fix).not.toBeNull();
    expect(fix!.baseVersion).toBe(3);
    expect(fix!.changes).toEqual([
      { path: 'settings.retry.maxAttempts', before: 5, after: 8 },
      { path: 'settings.retry.initialDelayMs', before: 1_000, after: 5_000 },
      { path: 'settings.retry.maxDelayMs', before: 300_000, after: 900_000 },
    ]);
    expect(fix!.summary).toBe('Retry up to 8 times, waiting 5 seconds at first and up to 15 minutes between attempts.');
    expect(validateDefinition(fix!.definition).ok).toBe(true);
  });

  it('proposes the same after attempts ran out on a network error', async () => {
    const fix = await proposeFallbackFix(base(), facts('attempts_exhausted', { causeCode: 'network_error' }), 'de');
    expect(fix!.changes.map((change) => change.path)).toContain('settings.retry.maxAttempts');
    expect(fix!.summary).toMatch(/Versuche/);
  });

  it('gives a timed-out HTTP request more time as well', async () => {
    const fix = await proposeFallbackFix(base(), facts('timeout'), 'en');
    expect(fix!.changes).toContainEqual({ path: 'steps.0.config.timeoutMs', before: undefined, after: 60_000 });
    expect(fix!.summary).toMatch(/Fetch orders.*60 seconds/);
  });

  it('never goes past the schema bounds: a policy already at the maximum gets no fix', async () => {
    const maxed = definition({
      settings: { retry: { maxAttempts: 10, initialDelayMs: 60_000, maxDelayMs: 3_600_000 } },
    } as Partial<WorkflowDefinitionInput>);
    expect(await proposeFallbackFix(base(maxed), facts('rate_limited'), 'en')).toBeNull();
  });

  it('shortens a delay over the limit to 30 days', async () => {
    const fix = await proposeFallbackFix(base(), facts('delay_too_long', { stepId: 'wait', stepType: 'delay' }), 'en');
    expect(fix!.changes).toEqual([{ path: 'steps.1.config.days', before: 45, after: 30 }]);
  });

  it('gives approvers more time after an approval expired', async () => {
    const fix = await proposeFallbackFix(base(), facts('approval_expired'), 'fr');
    expect(fix!.changes).toEqual([{ path: 'settings.approvalTimeoutHours', before: 72, after: 144 }]);
  });

  it.each(['credential_missing', 'request_rejected', 'invalid_url', 'egress_refused', 'unknown_step_type'])(
    'proposes no fix for %s: only the user can act',
    async (code) => {
      expect(await proposeFallbackFix(base(), facts(code), 'en')).toBeNull();
    },
  );

  it('proposes nothing for a step the current version no longer has', async () => {
    expect(await proposeFallbackFix(base(), facts('upstream_error', { stepId: 'gone' }), 'en')).toBeNull();
  });
});

describe('diffDefinitions', () => {
  it('lists changed leaves by path, including added and removed fields and steps', () => {
    const before = definition();
    const after = structuredClone(before);
    after.steps[0]!.config.url = 'https://api.example.com/v2/orders';
    after.steps.push({ id: 'note', type: 'log', config: { message: 'done' } });
    delete (after.steps[1]!.config as Record<string, unknown>).days;
    expect(diffDefinitions(before, after)).toEqual([
      {
        path: 'steps.0.config.url',
        before: 'https://api.example.com/orders',
        after: 'https://api.example.com/v2/orders',
      },
      { path: 'steps.1.config.days', before: 45, after: undefined },
      { path: 'steps.2', before: undefined, after: { id: 'note', type: 'log', config: { message: 'done' } } },
    ]);
    expect(diffDefinitions(before, structuredClone(before))).toEqual([]);
  });
});
