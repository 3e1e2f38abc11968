// Settings → API keys: create (shown once), list and revoke the workspace's keys.
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { ApiKeyCreateForm } from '@/components/app/api-key-create-form';
import { ApiKeyRevokeButton } from '@/components/app/api-key-revoke-button';
import { getDb } from '@/db';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('app', 'keys.title');

export default async function ApiKeysPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/settings/api-keys');
  const [t, format, keys] = await Promise.all([
    getTranslations('app.keys'),
    getFormatter(),
    listApiKeys(await getDb(), scope),
  ]);
  const canManage = hasRole(scope, 'admin');
  const date = (value: Date | null) =>
    value ? format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short' }) : null;
  return (
    <div className="max-w-4xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-fg-muted">{t('intro')}</p>
      {canManage ? <ApiKeyCreateForm /> : <p className="mt-6 text-sm text-fg-subtle">{t('adminOnly')}</p>}
      {keys.length === 0 ? (
        <p className="mt-10 text-fg-subtle">{t('empty')}</p>
      ) : (
        <div className="mt-10 overflow-x-auto rounded-card border border-border">
          <table className="w-full text-start text-sm">
            <thead className="bg-surface-raised text-fg-muted">
              <tr>
                <th scope="col" className="px-4 py-3 text-start font-medium">
                  {t('name')}
                </th>
                <th scope="col" className="px-4 py-3 text-start font-medium">
                  {t('scopes')}
                </th>
                <th scope="col" className="px-4 py-3 text-start font-medium">
                  {t('created')}
                </th>
                <th scope="col" className="px-4 py-3 text-start font-medium">
                  {t('lastUsed')}
                </th>
                <th scope="col" className="px-4 py-3 text-start font-medium">
                  <span className="sr-only">{t('revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {keys.map((key) => (
                <tr key={key.id} data-testid="api-key-row">
                  <td className="px-4 py-3">
                    <span className="font-medium">{key.name}</span>
                    <span className="mt-0.5 block font-mono text-xs text-fg-subtle" dir="ltr">
                      {key.prefix}…{key.last4}
                    </span>
                    <span
                      className={`mt-1 inline-block rounded-full px-2 py-0.5 text-xs ${key.status === 'active' ? 'bg-success/10 text-success' : 'bg-slate-800 text-fg-subtle'}`}
                    >
                      {t(`status.${key.status}`)}
                    </span>
                  </td>
                  <td className="px-4 py-3 text-fg-muted">
                    {key.scopes.map((s) => t(`scope${s[0]!.toUpperCase()}${s.slice(1)}` as 'scopeRead')).join(', ')}
                  </td>
                  <td className="px-4 py-3 text-fg-muted">{date(key.createdAt)}</td>
                  <td className="px-4 py-3 text-fg-muted">{date(key.lastUsedAt) ?? t('neverUsed')}</td>
                  <td className="px-4 py-3 text-end">
                    {canManage && key.status === 'active' ? <ApiKeyRevokeButton id={key.id} name={key.name} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
