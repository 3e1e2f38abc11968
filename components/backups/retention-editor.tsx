'use client';
// A workflow's retention policy (keep last / daily / weekly / monthly): preview what it would keep and remove
// (PUT retention with dryRun) before saving it; the daily prune deletes exactly what the plan lists.
import { useFormatter, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { PrunePlan } from '@/lib/backups/prune-snapshots';
import type { RetentionPolicy } from '@/lib/backups/retention';
import type { Serialized } from '../runs/run-view';
import { callApi } from '@/lib/client/call-api';
import { formatBytes } from '@/lib/format/format-bytes';

type Plan = Serialized<PrunePlan>;
const fields = ['keepLast', 'keepDaily', 'keepWeekly', 'keepMonthly'] as const;

function readPolicy(form: HTMLFormElement): RetentionPolicy {
  const data = new FormData(form);
  const policy: RetentionPolicy = {};
  for (const field of fields) {
    const value = String(data.get(field) ?? '').trim();
    if (value !== '') policy[field] = Number(value);
  }
  const timezone = String(data.get('timezone') ?? '').trim();
  if (timezone) policy.timezone = timezone;
  return policy;
}

export function RetentionEditor({
  workflowId,
  policy,
  plan: initialPlan,
}: {
  workflowId: string;
  policy: RetentionPolicy;
  plan: Plan;
}) {
  const t = useTranslations('backups.retention');
  const format = useFormatter();
  const id = useId();
  const [plan, setPlan] = useState<Plan>(initialPlan);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function send(form: HTMLFormElement, dryRun: boolean) {
    const next = readPolicy(form);
    setPending(true);
    setMessage(null);
    const result = await callApi<{ saved: boolean; plan: Plan }>(`/api/workflows/${workflowId}/retention`, {
      method: 'PUT',
      json: { policy: next, dryRun },
    });
    setPending(false);
    if (!result.ok) {
      const issue = result.error.details?.issues?.[0];
      return setMessage({
        tone: 'error',
        text: issue ? `${issue.path}: ${issue.message}` : result.error.message || t('failed'),
      });
    }
    setPlan(result.data.plan);
    if (dryRun) {
      setPreviewed(JSON.stringify(next));
      setMessage({ tone: 'ok', text: t('previewed') });
    } else {
      setDirty(false);
      setPreviewed(null);
      setMessage({ tone: 'ok', text: t('saved') });
    }
  }

  return (
    <form
      className="rounded-card border border-border bg-surface-raised p-5"
      onChange={() => {
        setDirty(true);
        setPreviewed(null);
      }}
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        void send(event.currentTarget, submitter?.value !== 'save');
      }}
    >
      <h2 className="font-display text-lg font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-fg-muted">{t('intro')}</p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {fields.map((field) => (
          <label key={field} className="text-sm font-medium">
            {t(field)}
            <input
              type="number"
              name={field}
              min={0}
              max={10000}
              step={1}
              defaultValue={policy[field] ?? ''}
              inputMode="numeric"
              className="mt-1 block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg"
            />
          </label>
        ))}
        <label className="text-sm font-medium">
          {t('timezone')}
          <input
            name="timezone"
            defaultValue={policy.timezone ?? ''}
            placeholder={plan.timeZone}
            dir="ltr"
            className="mt-1 block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg placeholder:text-fg-subtle"
          />
        </label>
      </div>
      <p className="mt-2 text-xs text-fg-subtle">{t('emptyKeepsAll')}</p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button
          type="submit"
          value="preview"
          disabled={pending}
          className="rounded-lg border border-border-strong px-4 py-2 text-sm hover:bg-surface-raised disabled:opacity-60"
        >
          {t('preview')}
        </button>
        <button
          type="submit"
          value="save"
          disabled={pending || previewed === null}
          aria-describedby={`${id}-save-hint`}
          className="rounded-lg bg-brand-gradient px-4 py-2 text-sm font-semibold text-slate-950 disabled:opacity-60"
        >
          {t('save')}
        </button>
        <span id={`${id}-save-hint`} className="self-center text-xs text-fg-subtle">
          {previewed === null ? t('previewFirst') : ''}
        </span>
      </div>
      <div aria-live="polite" className="mt-3">
        {message ? (
          <p className={`text-sm ${message.tone === 'ok' ? 'text-success' : 'text-danger'}`}>{message.text}</p>
        ) : null}
      </div>
      <section className="mt-4" aria-label={t('planLabel')} data-testid="retention-plan">
        <p className="text-sm">
          {dirty && previewed === null
            ? t('planStale')
            : t('planSummary', {
                keep: plan.totals.keep,
                total: plan.totals.snapshots,
                remove: plan.totals.remove,
                bytes: formatBytes(plan.totals.removeBytes),
              })}
        </p>
        {plan.remove.length > 0 ? (
          <ul className="mt-2 max-h-48 space-y-1 overflow-auto text-xs text-fg-muted">
            {plan.remove.map((snapshot) => (
              <li key={snapshot.id}>
                <span className="text-danger">{t('wouldRemove')}</span> {snapshot.name} ·{' '}
                {format.dateTime(new Date(snapshot.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </form>
  );
}
