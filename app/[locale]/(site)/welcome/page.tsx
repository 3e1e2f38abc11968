// After checkout: asks Stripe about the session server-side, shows nothing until it is confirmed to belong to one of
// the signed-in user's workspaces, then says whether the plan or purchase is active yet.
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ActivationRefresher } from '@/components/billing/activation-refresher';
import { priceLabel } from '@/components/billing/price-label';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { verifyCheckoutSession } from '@/lib/billing/verify-checkout-session';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('billing.welcome', 'purchaseTitle', {
  robots: { index: false, follow: false },
});

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ session_id?: string }> };

export default async function WelcomePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { session_id: sessionId } = await searchParams;
  const scope = await requireSessionScope(
    locale,
    sessionId ? `/welcome?session_id=${encodeURIComponent(sessionId)}` : '/welcome',
  );
  const [t, tp, format, result] = await Promise.all([
    getTranslations('billing.welcome'),
    getTranslations('pricing'),
    getFormatter(),
    verifyCheckoutSession(await getDb(), scope.user.id, sessionId),
  ]);

  let title = t('purchaseTitle');
  let body: string;
  let waiting = false;
  if (!('price' in result)) body = t(result.state === 'not_found' ? 'notFound' : 'notConfigured');
  else if (result.state === 'open' || result.state === 'expired') body = t('notCompleted');
  else if (result.state === 'processing') body = t('processing');
  else {
    const label = result.price ? priceLabel(result.price) : null;
    if (result.price?.plan) title = t('title', { plan: tp(label!.key) });
    waiting = !result.activated;
    body = waiting
      ? t('activating')
      : result.price?.plan
        ? t('activated')
        : t('purchased', { item: label ? tp(label.key, label.values) : '' });
  }
  const amount =
    'amountTotal' in result && result.amountTotal !== null && result.currency
      ? format.number(result.amountTotal / 100, { style: 'currency', currency: result.currency.toUpperCase() })
      : null;
  const ok = result.state === 'complete' || result.state === 'processing';

  return (
    <div className="mx-auto max-w-2xl px-4 py-20 sm:px-6">
      {waiting ? <ActivationRefresher /> : null}
      <h1 className="font-display text-3xl font-semibold" data-testid="welcome-title">
        {title}
      </h1>
      <p className="mt-4 text-lg text-fg-muted" role="status" data-testid="welcome-status">
        {body}
      </p>
      {ok && amount ? <p className="mt-2 text-sm text-fg-subtle">{t('amount', { amount })}</p> : null}
      <div className="mt-8 flex flex-wrap gap-3">
        {ok ? (
          <>
            <Link
              href="/dashboard"
              className="rounded-lg bg-brand-gradient px-4 py-2 text-sm font-semibold text-slate-950"
            >
              {t('toDashboard')}
            </Link>
            <Link href="/billing" className="rounded-lg border border-border-strong px-4 py-2 text-sm font-semibold">
              {t('toBilling')}
            </Link>
          </>
        ) : (
          <Link href="/pricing" className="rounded-lg border border-border-strong px-4 py-2 text-sm font-semibold">
            {t('toPricing')}
          </Link>
        )}
      </div>
    </div>
  );
}
