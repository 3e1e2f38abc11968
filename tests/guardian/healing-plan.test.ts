import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healingChecks } from '@/lib/guardian/healing-plan';
import type { CheckResult } from '@/lib/system/checks';
import { emptyWindow, type TelemetryWindow } from '@/lib/guardian/telemetry-window';

const ok: CheckResult = { ok: true, latency_ms: 3 };
const window = (overrides: Partial<TelemetryWindow> = {}): TelemetryWindow => ({
  ...emptyWindow({ from: new Date(0), to: new Date(3_600_000) }),
  ...overrides,
});

const checkResult = fc.constantFrom<CheckResult>(
  ok,
  { ok: false, latency_ms: 2500, error: 'TimeoutError' },
  { ok: 'not_configured', latency_ms: null },
);

describe('the healing plan', () => {
  it('checks the database, Stripe, AI, error rate, slow endpoints and repeated errors, in that order', () => {
    const checks = healingChecks({ db: ok, stripe: ok, ai: ok }, window());
    expect(checks.map((check) => [check.id, check.status])).toEqual([
      ['database', 'ok'],
      ['stripe', 'ok'],
      ['ai', 'ok'],
      ['error_rate', 'ok'],
      ['slow_endpoints', 'ok'],
      ['repeated_errors', 'ok'],
    ]);
  });

  it('suggests actions for each problem, and never one that applies itself', () => {
    fc.assert(
      fc.property(
        checkResult,
        checkResult,
        checkResult,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(5),
        (db, stripe, ai, rate, repeats) => {
          const telemetry = window({
            requests: 100,
            serverErrors: Math.round(rate * 100),
            errorRate: rate,
            endpoints: [
              {
                method: 'GET',
                path: '/api/slow',
                requests: 100,
                meanMs: 2_500,
                p95Ms: 3_000,
                maxMs: 4_000,
                serverErrors: Math.round(rate * 100),
              },
            ],
            errors: Array.from({ length: repeats }, (_, i) => ({
              name: 'api.unhandled_error',
              message: `boom ${String.fromCharCode(97 + i)}`,
              count: 3,
              lastSeenAt: new Date(),
              paths: [],
            })),
          });
          const checks = healingChecks({ db, stripe, ai }, telemetry);
          const actions = checks.flatMap((check) => check.actions);
          return (
            actions.length > 0 &&
            actions.every((action) => action.auto_applicable === false) &&
            checks.every(
              (check) => check.status === 'ok' || check.status === 'not_configured' || check.actions.length > 0,
            )
          );
        },
      ),
    );
  });

  it('marks an unreachable database critical and suggests pausing runs', () => {
    const [database] = healingChecks(
      { db: { ok: false, latency_ms: null, error: 'ECONNREFUSED' }, stripe: ok, ai: ok },
      window(),
    );
    expect(database).toMatchObject({
      status: 'critical',
      actions: expect.arrayContaining([
        expect.objectContaining({ code: 'pause_runs', target: 'workflows.runs_enabled', auto_applicable: false }),
      ]),
    });
  });
});
