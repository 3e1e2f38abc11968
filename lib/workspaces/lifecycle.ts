import 'server-only';
// The tenant lifecycle state machine: which status an event leads to, pure and with the clock passed in.
import type { WorkspaceStatus } from '@/db/types';
import { AppError } from '@/lib/errors';

export const RESTORE_GRACE_DAYS = 30;
export const lifecycleEvents = ['suspend', 'resume', 'delete', 'restore', 'purge'] as const;
export type LifecycleEvent = (typeof lifecycleEvents)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

const transitions: Record<LifecycleEvent, { from: readonly WorkspaceStatus[]; to: WorkspaceStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  delete: { from: ['active', 'suspended'], to: 'soft_deleted' },
  restore: { from: ['soft_deleted'], to: 'active' },
  purge: { from: ['soft_deleted'], to: 'purged' },
};

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** When a workspace soft-deleted at `deletedAt` can no longer be restored and may be purged. */
export function graceEndsAt(deletedAt: Date): Date {
  return addDays(deletedAt, RESTORE_GRACE_DAYS);
}

export function nextStatus(
  current: WorkspaceStatus,
  event: LifecycleEvent,
  clock: { statusChangedAt: Date; now: Date },
): WorkspaceStatus {
  const transition = transitions[event];
  if (!transition.from.includes(current))
    throw new AppError('conflict', `Cannot ${event} a workspace that is ${current}`);
  const graceOver = clock.now.getTime() >= graceEndsAt(clock.statusChangedAt).getTime();
  if (event === 'restore' && graceOver) {
    throw new AppError('conflict', `Cannot restore a workspace deleted more than ${RESTORE_GRACE_DAYS} days ago`);
  }
  if (event === 'purge' && !graceOver) {
    throw new AppError(
      'conflict',
      `Cannot purge a workspace before its ${RESTORE_GRACE_DAYS}-day restore period has ended`,
    );
  }
  return transition.to;
}
