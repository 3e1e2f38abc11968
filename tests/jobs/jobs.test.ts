import { describe, expect, it } from 'vitest';
import { functions } from '@/inngest';
import { createScheduledJobFunctions, scheduledJobFunctions } from '@/inngest/functions/scheduled-jobs';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { schedulerEntries } from '@/lib/jobs/embedded-scheduler';
import { latestOccurrence, nearestOccurrence } from '@/lib/jobs/schedule';

function cronOf(fn: (typeof scheduledJobFunctions)[number]): string | undefined {
  const [trigger] = fn.opts.triggers ?? [];
  return trigger && 'cron' in trigger ? trigger.cron : undefined;
}

describe('scheduled jobs are declared once', () => {
  it('declares the platform jobs in UTC with unique ids', () => {
    expect(jobDefinitions.map((job) => job.id)).toEqual(
      expect.arrayContaining([
        'heartbeat',
        'workflow-schedules',
        'stuck-run-recovery',
        'workspace-purge',
        'rate-limit-prune',
        'telemetry-retention',
        'backup-verify',
        'backup-prune',
      ]),
    );
    expect(new Set(jobDefinitions.map((job) => job.id)).size).toBe(jobDefinitions.length);
    expect(jobDefinitions.every((job) => job.timezone === 'UTC')).toBe(true);
  });

  it('turns the same list into Inngest cron functions and embedded-scheduler entries', () => {
    const entries = schedulerEntries(jobDefinitions);
    const fromInngest = scheduledJobFunctions.map((fn) => ({
      id: fn.id().replace(/^job-/, ''),
      cron: cronOf(fn)?.replace(/^TZ=UTC /, ''),
    }));
    expect(fromInngest).toEqual(entries.map(({ id, cron }) => ({ id, cron })));
    expect(entries).toEqual(jobDefinitions.map(({ id, cron, timezone }) => ({ id, cron, timezone })));
  });

  it('names each Inngest function job-<id> with a UTC cron and 3 retries, and serves them all', () => {
    for (const [index, job] of jobDefinitions.entries()) {
      const fn = scheduledJobFunctions[index]!;
      expect(fn.id()).toBe(`job-${job.id}`);
      expect(cronOf(fn)).toBe(`TZ=UTC ${job.cron}`);
      expect(fn.opts.retries).toBe(3);
    }
    expect(functions.map((fn) => fn.id())).toEqual(expect.arrayContaining(scheduledJobFunctions.map((fn) => fn.id())));
  });

  it('adds a job to both drivers by adding it to the list', () => {
    const extra = {
      id: 'report',
      description: 'Weekly report',
      cron: '0 9 * * 1',
      timezone: 'UTC' as const,
      run: async () => null,
    };
    const jobs = [...jobDefinitions, extra];
    const fns = createScheduledJobFunctions({ getDb: () => Promise.reject(new Error('unused')), jobs });
    expect(fns.map((fn) => fn.id())).toContain('job-report');
    expect(schedulerEntries(jobs)).toContainEqual({ id: 'report', cron: '0 9 * * 1', timezone: 'UTC' });
  });
});

describe('cron occurrences', () => {
  const minutely = { cron: '* * * * *', timezone: 'UTC' as const };
  const daily = { cron: '0 3 * * *', timezone: 'UTC' as const };

  it('counts an occurrence exactly at now as due', () => {
    expect(latestOccurrence(minutely, new Date('2026-01-01T12:00:00.000Z'))).toEqual(
      new Date('2026-01-01T12:00:00.000Z'),
    );
    expect(latestOccurrence(minutely, new Date('2026-01-01T12:00:59.999Z'))).toEqual(
      new Date('2026-01-01T12:00:00.000Z'),
    );
    expect(latestOccurrence(daily, new Date('2026-01-02T02:59:00Z'))).toEqual(new Date('2026-01-01T03:00:00Z'));
  });

  it('snaps a timer stamped slightly before or after the tick to that tick', () => {
    expect(nearestOccurrence(minutely, new Date('2026-01-01T11:59:59.950Z'))).toEqual(
      new Date('2026-01-01T12:00:00.000Z'),
    );
    expect(nearestOccurrence(minutely, new Date('2026-01-01T12:00:00.400Z'))).toEqual(
      new Date('2026-01-01T12:00:00.000Z'),
    );
    expect(nearestOccurrence(daily, new Date('2026-01-01T03:00:02Z'))).toEqual(new Date('2026-01-01T03:00:00Z'));
  });
});
