'use client';
// Starts a manual run (POST /api/workflows/:id/runs) and opens its timeline.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { callApi } from '@/lib/client/call-api';

export function RunNowButton({
  workflowId,
  name,
  className,
}: {
  workflowId: string;
  name: string;
  className?: string;
}) {
  const t = useTranslations('workflows');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        disabled={pending}
        aria-label={t('runNowFor', { name })}
        className={
          className ??
          'rounded-lg border border-border-strong px-3 py-1.5 text-sm hover:bg-surface-raised disabled:opacity-60'
        }
        onClick={async () => {
          setPending(true);
          setError(null);
          const result = await callApi<{ id: string }>(`/api/workflows/${workflowId}/runs`, { json: { payload: {} } });
          if (!result.ok) {
            setPending(false);
            return setError(result.error.message || t('errors.generic'));
          }
          router.push(`/runs/${result.data.id}`);
        }}
      >
        {pending ? t('starting') : t('runNow')}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
