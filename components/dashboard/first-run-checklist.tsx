// The first-run checklist: create a workflow (template, describe it, or from scratch), connect a tool, run it, and see
// the result; each step ticks from the workspace's data, and the card can be hidden once everything is done. The
// onboarding guide highlights the next step (with its advice under it) and adds its further steps as `children`.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import type { FirstRunProgress } from '@/lib/dashboard/get-first-run-progress';
import { Link } from '@/lib/i18n/navigation';
import { DismissFirstRunButton } from './dismiss-first-run-button';

type Step = { key: 'create' | 'connect' | 'run' | 'result'; done: boolean; hint: string; actions: ReactNode };

type Props = {
  progress: FirstRunProgress;
  /** The step to highlight, and what to show under it. */
  next?: string | null;
  nextDetail?: ReactNode;
  children?: ReactNode;
};

export function FirstRunChecklist({ progress, next = null, nextDetail = null, children = null }: Props) {
  const t = useTranslations('dashboard.firstRun');
  const tn = useTranslations('ai.onboarding');
  const link = (href: string, label: string, primary = false) => (
    <Link href={href} className={buttonClass({ size: 'sm', variant: primary ? 'primary' : 'secondary' })}>
      {label}
    </Link>
  );
  const steps: Step[] = [
    {
      key: 'create',
      done: progress.created,
      hint: t('create.hint'),
      actions: (
        <>
          {link('/workflows/templates', t('create.template'), !progress.created)}
          {link('/workflows?new=describe', t('create.describe'))}
          {link('/workflows?new=scratch', t('create.scratch'))}
        </>
      ),
    },
    {
      key: 'connect',
      done: progress.connect !== 'todo',
      hint: progress.connect === 'notNeeded' ? t('connect.notNeeded') : t('connect.hint'),
      actions: link('/settings/connections', t('connect.action')),
    },
    { key: 'run', done: progress.ran, hint: t('run.hint'), actions: link('/workflows', t('run.action')) },
    {
      key: 'result',
      done: progress.sawResult,
      hint: t('result.hint'),
      actions: link(progress.latestRunId ? `/runs/${progress.latestRunId}` : '/runs', t('result.action')),
    },
  ];
  const doneCount = steps.filter((step) => step.done).length;
  return (
    <section
      aria-labelledby="first-run-title"
      className="rounded-card border border-border bg-surface-raised p-5 sm:p-6"
      data-testid="first-run-checklist"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="first-run-title" className="font-display text-xl font-semibold">
          {progress.complete ? t('doneTitle') : t('title')}
        </h2>
        <p className="text-sm text-fg-muted" data-testid="first-run-count">
          {t('count', { done: doneCount, total: steps.length })}
        </p>
      </div>
      <ol className="mt-4 space-y-4">
        {steps.map((step, index) => (
          <li
            key={step.key}
            className={`flex gap-3 ${step.key === next ? '-mx-3 rounded-lg border border-brand/50 bg-brand/10 p-3' : ''}`}
            data-testid="first-run-step"
            data-step={step.key}
            data-done={String(step.done)}
            data-next={String(step.key === next)}
          >
            <span
              aria-hidden="true"
              className={`mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full border text-sm font-semibold ${step.done ? 'border-success/40 bg-success/10 text-success' : 'border-border-strong text-fg-muted'}`}
            >
              {step.done ? '✓' : index + 1}
            </span>
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {t(`${step.key}.title`)}
                <Badge tone={step.done ? 'success' : 'neutral'}>{step.done ? t('done') : t('todo')}</Badge>
                {step.key === next ? <Badge tone="brand">{tn('next')}</Badge> : null}
              </p>
              <p className="mt-1 text-sm text-fg-muted">{step.hint}</p>
              {step.done && step.key !== 'result' ? null : (
                <div className="mt-2 flex flex-wrap gap-2">{step.actions}</div>
              )}
              {step.key === next ? nextDetail : null}
            </div>
          </li>
        ))}
      </ol>
      {children}
      {progress.complete ? (
        <div className="mt-5 flex flex-wrap items-center gap-3">
          <p className="text-sm text-fg-muted">{t('doneBody')}</p>
          <DismissFirstRunButton />
        </div>
      ) : null}
    </section>
  );
}
