'use client';
// Starts Stripe Checkout for one price: POST /api/billing/checkout with an Idempotency-Key kept across a retry,
// then goes to Stripe's page. Signed-out visitors are sent to sign in first and come back here.
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { usePathname, useRouter } from '@/lib/i18n/navigation';
import { localizedPath } from '@/lib/i18n/urls';

type Props = { price: string; region: string; label: string; emphasis?: boolean; testId?: string };

const errorKeys: Record<string, string> = {
  not_configured: 'notConfigured',
  forbidden: 'ownersOnly',
  conflict: 'alreadySubscribed',
  unavailable: 'unavailable',
};

export function CheckoutButton({ price, region, label, emphasis = false, testId }: Props) {
  const t = useTranslations('pricing');
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const [state, setState] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });

  async function start() {
    setState({ pending: true, error: null });
    const key = `pricing-${crypto.randomUUID()}`;
    const send = () =>
      fetch('/api/billing/checkout', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ price, region, locale }),
      });
    // NOTE: one retry on a network error, with the same key, so a lost response never makes a second session.
    const response = await send()
      .catch(() => send())
      .catch(() => null);
    const body = (await response?.json().catch(() => null)) as { url?: string; error?: { code?: string } } | null;
    if (response?.ok && body?.url) {
      window.location.assign(body.url);
      return;
    }
    if (response?.status === 401) {
      router.push({ pathname: '/signin', query: { callbackUrl: localizedPath(locale, pathname) } });
      return;
    }
    setState({ pending: false, error: t(`errors.${errorKeys[body?.error?.code ?? ''] ?? 'generic'}`) });
  }

  const style = emphasis
    ? 'bg-brand-gradient text-slate-950 hover:opacity-90'
    : 'border border-border-strong text-fg hover:bg-surface-sunken';
  return (
    <div>
      <button
        type="button"
        onClick={() => void start()}
        disabled={state.pending}
        data-testid={testId}
        className={`w-full rounded-lg px-4 py-2.5 text-sm font-semibold disabled:opacity-60 ${style}`}
      >
        {state.pending ? t('redirecting') : label}
      </button>
      {state.error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
