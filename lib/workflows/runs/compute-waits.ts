import 'server-only';
// How long a run waited, step by step: for a person's approval (requested → decided) and for a delay (slept → woke).
export type RunWait = {
  stepId: string;
  kind: 'approval' | 'delay';
  since: Date;
  /** null while it still waits. */
  until: Date | null;
  ms: number;
};

type WaitInput = {
  run: { status: string; finishedAt: Date | null };
  approvals: { stepId: string; status: string; createdAt: Date; decidedAt: Date | null; expiresAt: Date }[];
  stepRuns: { stepId: string; type: string; status: string; startedAt: Date; finishedAt: Date | null }[];
  now: Date;
};

export function computeWaits({ run, approvals, stepRuns, now }: WaitInput): { waits: RunWait[]; waitedMs: number } {
  const active = run.status === 'queued' || run.status === 'running';
  // NOTE: a wait the run's end cut short (a cancel) ends when the run did.
  const end = (until: Date | null) => until ?? (active ? null : run.finishedAt);
  const waits: RunWait[] = [
    ...approvals.map((approval) => ({
      stepId: approval.stepId,
      kind: 'approval' as const,
      since: approval.createdAt,
      until: end(approval.decidedAt ?? (approval.status === 'pending' ? null : approval.expiresAt)),
    })),
    ...stepRuns
      .filter((step) => step.type === 'delay')
      .map((step) => ({
        stepId: step.stepId,
        kind: 'delay' as const,
        since: step.startedAt,
        until: end(step.status === 'waiting' ? null : step.finishedAt),
      })),
  ].map((wait) => ({ ...wait, ms: Math.max(0, (wait.until ?? now).getTime() - wait.since.getTime()) }));
  return { waits, waitedMs: waits.reduce((sum, wait) => sum + wait.ms, 0) };
}
