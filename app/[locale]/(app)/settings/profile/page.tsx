// Settings → Profile: the signed-in user's display name, preferred language and time zone.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ProfileForm } from '@/components/app/profile-form';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { pageTitle } from '@/lib/i18n/page-title';
import { timeZoneNames } from '@/lib/i18n/time-zones';
import { getProfile } from '@/lib/profile/get-profile';

export const generateMetadata = pageTitle('app', 'profilePage.title');

export default async function ProfilePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/settings/profile');
  const [t, profile] = await Promise.all([
    getTranslations('app.profilePage'),
    getProfile(await getDb(), scope.user.id),
  ]);
  return (
    <div className="max-w-2xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-fg-muted">{t('intro', { email: profile.email })}</p>
      <ProfileForm name={profile.name} locale={profile.locale} timeZone={profile.timeZone} zones={timeZoneNames()} />
    </div>
  );
}
