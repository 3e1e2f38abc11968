// /settings: opens the first settings page, the user's profile.
import { redirect } from 'next/navigation';
import { localizedPath } from '@/lib/i18n/urls';

export default async function SettingsIndex({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  redirect(localizedPath(locale, '/settings/profile'));
}
