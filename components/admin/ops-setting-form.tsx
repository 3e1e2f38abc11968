'use client';
// One numeric operator setting (an AI budget in pounds, stored in pence, or a count) through PUT /api/admin/settings/:key.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';

export function OpsSettingForm({
  settingKey,
  value,
  unit,
  label,
}: {
  settingKey: string;
  /** The stored value: pence for `pounds`, a whole number for `count`. */
  value: number;
  unit: 'pounds' | 'count';
  label: string;
}) {
  const t = useTranslations('admin');
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(form: HTMLFormElement) {
    const entered = Number(new FormData(form).get('value'));
    if (!Number.isFinite(entered) || entered < 0) {
      setMessage({ ok: false, text: t('ai.form.invalid') });
      return;
    }
    setPending(true);
    const response = await fetch(`/api/admin/settings/${encodeURIComponent(settingKey)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: Math.round(unit === 'pounds' ? entered * 100 : entered) }),
    }).catch(() => null);
    setPending(false);
    setMessage(response?.ok ? { ok: true, text: t('ai.form.saved') } : { ok: false, text: t('ai.form.invalid') });
    if (response?.ok) router.refresh();
  }

  return (
    <form
      className="flex flex-wrap items-end gap-3"
      data-testid="ops-setting"
      data-setting={settingKey}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        {label}
        <input
          id={id}
          name="value"
          type="number"
          min={unit === 'count' ? 1 : 0}
          step={unit === 'pounds' ? '0.01' : '1'}
          inputMode={unit === 'pounds' ? 'decimal' : 'numeric'}
          defaultValue={unit === 'pounds' ? (value / 100).toFixed(2) : value}
          aria-describedby={`${id}-status`}
          className="mt-1 block w-40 rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg"
        />
      </label>
      <button type="submit" disabled={pending} className={buttonClass({ size: 'sm' })}>
        {pending ? t('power.saving') : t('power.save')}
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
