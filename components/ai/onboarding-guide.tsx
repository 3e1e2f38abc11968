// The onboarding guide on the dashboard: the first-run checklist, then the steps that make automations dependable, each
// ticked from the workspace's data, with the next best step highlighted and streamed advice on it right under it.
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { FirstRunChecklist } from '@/components/dashboard/first-run-checklist';
import type { OnboardingState } from '@/lib/ai/onboarding/get-onboarding-state';
import { Link } from '@/lib/i18n/navigation';
import { OnboardingAdvice } from './onboarding-advice';

export function OnboardingGuide({ state }: { state: OnboardingState }) {
  const t = useTranslations('ai.onboarding');
  const tf = useTranslations('dashboard.firstRun');
  const grow = state.steps.filter((step) => step.group === 'grow');
  const advice = <OnboardingAdvice />;
  const growDone = grow.filter((step) => step.done).length;
  return (
    <FirstRunChecklist progress={state.firstRun} next={state.next} nextDetail={advice}>
      <div className="mt-6 border-t border-border pt-5" data-testid="onboarding-grow">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="font-display text-lg font-semibold">{t('groupGrow')}</h3>
          <p className="text-sm text-fg-muted" data-testid="onboarding-grow-count">
            {tf('count', { done: growDone, total: grow.length })}
          </p>
        </div>
        <ol className="mt-4 space-y-4">
          {grow.map((step) => {
            const key = step.key as 'trigger' | 'alerts' | 'invite' | 'backup' | 'apiKey';
            const isNext = step.key === state.next;
            return (
              <li
                key={step.key}
                className={`flex gap-3 ${isNext ? '-mx-3 rounded-lg border border-brand/50 bg-brand/10 p-3' : ''}`}
                data-testid="onboarding-step"
                data-step={step.key}
                data-done={String(step.done)}
                data-next={String(isNext)}
              >
                <span
                  aria-hidden="true"
                  className={`mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full border text-sm font-semibold ${step.done ? 'border-success/40 bg-success/10 text-success' : 'border-border-strong text-fg-muted'}`}
                >
                  {step.done ? '✓' : '•'}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {t(`steps.${key}.title`)}
                    <Badge tone={step.done ? 'success' : 'neutral'}>{step.done ? tf('done') : tf('todo')}</Badge>
                    {isNext ? <Badge tone="brand">{t('next')}</Badge> : null}
                  </p>
                  <p className="mt-1 text-sm text-fg-muted">{t(`steps.${key}.hint`)}</p>
                  {step.done ? null : (
                    <div className="mt-2">
                      <Link
                        href={step.href}
                        className={buttonClass({ size: 'sm', variant: isNext ? 'primary' : 'secondary' })}
                      >
                        {t(`steps.${key}.action`)}
                      </Link>
                    </div>
                  )}
                  {isNext ? advice : null}
                </div>
              </li>
            );
          })}
        </ol>
        {state.next === null ? <div className="mt-4">{advice}</div> : null}
      </div>
    </FirstRunChecklist>
  );
}
