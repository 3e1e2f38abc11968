'use client';
// Signs out of all devices after confirmation, then leaves for the sign-in page (this browser is signed out too).
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { signOutEverywhereAction } from '@/app/[locale]/(app)/settings/security/actions';

export function SignOutEverywhereButton({ locale }: { locale: string }) {
  const t = useTranslations('app.securityPage');
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  return (
    <div className="mt-4">
      <button
        type="button"
        disabled={pending}
        className="rounded-lg border border-danger/50 px-4 py-2 text-sm text-danger hover:bg-danger/10 disabled:opacity-60"
        onClick={() => {
          if (!window.confirm(t('everywhereConfirm'))) return;
          setFailed(false);
          startTransition(async () => {
            const result = await signOutEverywhereAction({ locale }).catch(() => null);
            if (result?.ok) window.location.assign(result.data.signInUrl);
            else setFailed(true);
          });
        }}
      >
        {pending ? t('everywherePending') : t('everywhereButton')}
      </button>
      {failed ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {t('everywhereFailed')}
        </p>
      ) : null}
    </div>
  );
}
