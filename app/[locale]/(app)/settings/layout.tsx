// Settings: a section navigation over the settings pages (profile, workspace, connections, webhooks, team, keys, audit, security).
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SettingsNav } from '@/components/app/settings-nav';

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('app');
  return (
    <div>
      <SettingsNav label={t('settingsNavLabel')} />
      <div className="mt-6">{children}</div>
    </div>
  );
}
