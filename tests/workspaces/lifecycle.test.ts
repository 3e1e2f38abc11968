import { describe, expect, it } from 'vitest';
import type { WorkspaceStatus } from '@/db/types';
import { AppError } from '@/lib/errors';
import { type LifecycleEvent, lifecycleEvents, nextStatus, RESTORE_GRACE_DAYS } from '@/lib/workspaces/lifecycle';
import { daysAfter } from './fixtures';

const statuses: WorkspaceStatus[] = ['active', 'suspended', 'soft_deleted', 'purged'];
const deletedAt = new Date('2026-01-01T00:00:00Z');
const withinGrace = { statusChangedAt: deletedAt, now: daysAfter(deletedAt, 10) };
const afterGrace = { statusChangedAt: deletedAt, now: daysAfter(deletedAt, 31) };

// Every (state, event) pair: the status it leads to, or null when the transition is illegal.
const table: Record<WorkspaceStatus, Record<LifecycleEvent, WorkspaceStatus | null>> = {
  active: { suspend: 'suspended', resume: null, delete: 'soft_deleted', restore: null, purge: null },
  suspended: { suspend: null, resume: 'active', delete: 'soft_deleted', restore: null, purge: null },
  soft_deleted: { suspend: null, resume: null, delete: null, restore: 'active', purge: 'purged' },
  purged: { suspend: null, resume: null, delete: null, restore: null, purge: null },
};

const cases = statuses.flatMap((status) =>
  lifecycleEvents.map((event) => ({ status, event, expected: table[status][event] })),
);

function conflictOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a conflict');
}

describe('workspace lifecycle', () => {
  it('covers all twenty (state, event) pairs', () => {
    expect(cases).toHaveLength(20);
  });

  it.each(cases.filter((c) => c.expected))(
    '$event moves a $status workspace to $expected',
    ({ status, event, expected }) => {
      const clock = event === 'purge' ? afterGrace : withinGrace;
      expect(nextStatus(status, event, clock)).toBe(expected);
    },
  );

  it.each(cases.filter((c) => !c.expected))('refuses to $event a $status workspace', ({ status, event }) => {
    for (const clock of [withinGrace, afterGrace]) {
      const error = conflictOf(() => nextStatus(status, event, clock));
      expect(error.code).toBe('conflict');
      expect(error.message).toBe(`Cannot ${event} a workspace that is ${status}`);
    }
  });

  it('restores within the grace period, up to its last moment', () => {
    expect(
      nextStatus('soft_deleted', 'restore', { statusChangedAt: deletedAt, now: daysAfter(deletedAt, 29.99) }),
    ).toBe('active');
  });

  it('refuses to restore once the grace period is over', () => {
    for (const days of [RESTORE_GRACE_DAYS, 31, 365]) {
      const error = conflictOf(() =>
        nextStatus('soft_deleted', 'restore', { statusChangedAt: deletedAt, now: daysAfter(deletedAt, days) }),
      );
      expect(error).toMatchObject({
        code: 'conflict',
        message: 'Cannot restore a workspace deleted more than 30 days ago',
      });
    }
  });

  it('refuses to purge before the grace period is over, and purges from its end', () => {
    const error = conflictOf(() =>
      nextStatus('soft_deleted', 'purge', { statusChangedAt: deletedAt, now: daysAfter(deletedAt, 29) }),
    );
    expect(error).toMatchObject({
      code: 'conflict',
      message: 'Cannot purge a workspace before its 30-day restore period has ended',
    });
    expect(
      nextStatus('soft_deleted', 'purge', {
        statusChangedAt: deletedAt,
        now: daysAfter(deletedAt, RESTORE_GRACE_DAYS),
      }),
    ).toBe('purged');
  });
});
