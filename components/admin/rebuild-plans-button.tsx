'use client';
// Rebuilds the upgrade plans now (POST /api/guardian/upgrade/plans/rebuild) and reports what changed.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';

type Result = { created: number; updated: number; reopened: number; archived: number; open: number };

export function RebuildPlansButton() {
  const t = useTranslations('admin.plans');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p
        role="status"
        className={`text-sm ${message?.ok === false ? 'text-danger' : 'text-fg-muted'}`}
        data-testid="rebuild-result"
      >
        {message?.text ?? ''}
      </p>
      <button
        type="button"
        disabled={pending}
        className={buttonClass({ size: 'sm' })}
        onClick={async () => {
          setPending(true);
          const response = await fetch('/api/guardian/upgrade/plans/rebuild', { method: 'POST' }).catch(() => null);
          const body = (await response?.json().catch(() => null)) as Result | null;
          setPending(false);
          setMessage(
            response?.ok && body ? { ok: true, text: t('rebuilt', body) } : { ok: false, text: t('rebuildFailed') },
          );
          router.refresh();
        }}
      >
        {pending ? t('rebuilding') : t('rebuild')}
      </button>
    </div>
  );
}
