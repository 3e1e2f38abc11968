// What an empty list shows: what belongs here and the next thing to do (a link or a button passed as `action`).
import type { ReactNode } from 'react';

type Props = { title: string; children?: ReactNode; action?: ReactNode; testId?: string };

export function EmptyState({ title, children, action, testId = 'empty-state' }: Props) {
  return (
    <div
      className="rounded-card border border-dashed border-border-strong bg-surface-raised/40 px-6 py-10 text-center"
      data-testid={testId}
    >
      <p className="font-display text-lg font-semibold">{title}</p>
      {children ? <div className="mx-auto mt-2 max-w-prose text-sm text-fg-muted">{children}</div> : null}
      {action ? <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
