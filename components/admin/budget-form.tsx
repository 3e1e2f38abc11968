'use client';
// The AI daily budget (in pounds, stored in pence) through PUT /api/admin/settings/ai.daily_budget_cents.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';

export function BudgetForm({ cents }: { cents: number }) {
  const t = useTranslations('admin.power');
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(form: HTMLFormElement) {
    const pounds = Number(new FormData(form).get('budget'));
    if (!Number.isFinite(pounds) || pounds < 0) {
      setMessage({ ok: false, text: t('budgetInvalid') });
      return;
    }
    setPending(true);
    const response = await fetch('/api/admin/settings/ai.daily_budget_cents', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: Math.round(pounds * 100) }),
    }).catch(() => null);
    setPending(false);
    setMessage(response?.ok ? { ok: true, text: t('budgetSaved') } : { ok: false, text: t('budgetInvalid') });
    if (response?.ok) router.refresh();
  }

  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        {t('budgetLabel')}
        <input
          id={id}
          name="budget"
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          defaultValue={(cents / 100).toFixed(2)}
          aria-describedby={`${id}-status`}
          className="mt-1 block w-40 rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg"
        />
      </label>
      <button type="submit" disabled={pending} className={buttonClass({ size: 'sm' })}>
        {pending ? t('saving') : t('save')}
      </button>
      <p
        id={`${id}-status`}
        role="status"
        className={`text-sm ${message?.ok === false ? 'text-danger' : 'text-fg-muted'}`}
      >
        {message?.text ?? ''}
      </p>
    </form>
  );
}
