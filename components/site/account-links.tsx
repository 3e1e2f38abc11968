'use client';
// "Sign in" and "Get started", or "Open the app" for a signed-in visitor. Both sets are laid out in one grid cell
// (the unused one invisible), so the header keeps its size when the choice flips after hydration.
import { useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { useSignedIn } from './use-signed-in';

const primaryClass =
  'rounded-lg bg-brand-gradient px-4 py-2 text-center text-sm font-semibold text-slate-950 shadow-sm hover:opacity-90';
const secondaryClass = 'rounded-lg px-1 py-2 text-center text-sm font-medium text-fg-muted hover:text-fg';

export function AccountLinks({ stacked = false }: { stacked?: boolean }) {
  const t = useTranslations('nav');
  const signedIn = useSignedIn();
  const openApp = (
    <Link href="/dashboard" className={primaryClass} data-testid="open-app">
      {t('openApp')}
    </Link>
  );
  const signIn = [
    <Link key="sign-in" href="/signin" className={secondaryClass}>
      {t('signIn')}
    </Link>,
    <Link key="get-started" href="/signin" className={primaryClass}>
      {t('getStarted')}
    </Link>,
  ];
  // NOTE: the menu panel opens after hydration, so it needs no reserved space.
  if (stacked) return <div className="flex flex-col items-stretch gap-2">{signedIn ? openApp : signIn}</div>;
  return (
    <div className="grid items-center justify-items-end [&>*]:col-start-1 [&>*]:row-start-1">
      <div className={`flex items-center gap-3 ${signedIn ? 'invisible' : ''}`}>{signIn}</div>
      <div className={signedIn ? '' : 'invisible'}>{openApp}</div>
    </div>
  );
}
