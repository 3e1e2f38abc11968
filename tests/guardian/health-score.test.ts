import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthScore, type HealthInputs } from '@/lib/guardian/health-score';

const perfect: HealthInputs = {
  dbOk: true,
  failingDependencies: 0,
  errorRate: 0,
  slowEndpoints: 0,
  repeatedErrors: 0,
  uptimePct: 100,
  failedJobs: 0,
};

const inputs = fc.record({
  dbOk: fc.boolean(),
  failingDependencies: fc.integer({ min: 0, max: 2 }),
  errorRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  slowEndpoints: fc.nat(1_000),
  repeatedErrors: fc.nat(1_000),
  uptimePct: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  failedJobs: fc.nat(1_000),
});

describe('the health score', () => {
  it('is always a whole number from 0 to 100', () => {
    fc.assert(
      fc.property(inputs, (value) => {
        const { score } = healthScore(value);
        return Number.isInteger(score) && score >= 0 && score <= 100;
      }),
    );
  });

  it('is 100 when nothing is wrong or nothing can be judged yet', () => {
    expect(healthScore(perfect)).toEqual({ score: 100, grade: 'healthy', penalties: [] });
    expect(healthScore({ ...perfect, errorRate: null, uptimePct: null }).score).toBe(100);
  });

  it('never rises when any one thing gets worse', () => {
    fc.assert(
      fc.property(inputs, fc.nat(50), (value, extra) => {
        const base = healthScore(value).score;
        return (
          healthScore({ ...value, slowEndpoints: value.slowEndpoints + extra }).score <= base &&
          healthScore({ ...value, failedJobs: value.failedJobs + extra }).score <= base &&
          healthScore({ ...value, dbOk: false }).score <= base &&
          healthScore({ ...value, errorRate: Math.min(1, (value.errorRate ?? 0) + extra / 100) }).score <=
            (value.errorRate === null ? 100 : base)
        );
      }),
    );
  });

  it('applies the documented penalties', () => {
    // 12 % errors → −24, 2 slow endpoints → −10, uptime 97 % → −3, 1 failed job → −2: 100 − 39 = 61.
    const result = healthScore({ ...perfect, errorRate: 0.12, slowEndpoints: 2, uptimePct: 97, failedJobs: 1 });
    expect(result.score).toBe(61);
    expect(result.grade).toBe('degraded');
    expect(result.penalties).toEqual([
      { factor: 'errorRate', points: 24 },
      { factor: 'slowEndpoints', points: 10 },
      { factor: 'uptimePct', points: 3 },
      { factor: 'failedJobs', points: 2 },
    ]);
  });

  it('caps each penalty, and reaches 0 when everything is down', () => {
    expect(healthScore({ ...perfect, slowEndpoints: 40 }).score).toBe(85);
    expect(healthScore({ ...perfect, errorRate: 1 }).score).toBe(70);
    expect(
      healthScore({
        dbOk: false,
        failingDependencies: 2,
        errorRate: 1,
        slowEndpoints: 9,
        repeatedErrors: 9,
        uptimePct: 0,
        failedJobs: 9,
      }),
    ).toMatchObject({ score: 0, grade: 'critical' });
  });
});
