'use client';
// Opens the Stripe Customer Portal (POST /api/billing/portal) to change plan, payment method or cancel.
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';

export function PortalButton() {
  const t = useTranslations('billing');
  const locale = useLocale();
  const [state, setState] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });

  async function open() {
    setState({ pending: true, error: null });
    const response = await fetch('/api/billing/portal', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ locale }),
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { url?: string; error?: { code?: string } } | null;
    if (response?.ok && body?.url) {
      window.location.assign(body.url);
      return;
    }
    setState({
      pending: false,
      error: t(body?.error?.code === 'not_configured' ? 'errors.notConfigured' : 'errors.generic'),
    });
  }

  return (
    <div>
      <button
        type="button"
        onClick={() => void open()}
        disabled={state.pending}
        className={buttonClass({ variant: 'primary' })}
      >
        {state.pending ? t('managing') : t('manage')}
      </button>
      {state.error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
