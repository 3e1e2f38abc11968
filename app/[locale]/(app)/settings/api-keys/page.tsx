// Settings → API keys: create (shown once), list, edit the scopes of and revoke the workspace's keys.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ApiKeyCreateForm } from '@/components/app/api-key-create-form';
import { ApiKeyEditButton } from '@/components/app/api-key-edit-button';
import { ApiKeyRevokeButton } from '@/components/app/api-key-revoke-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import { getDb } from '@/db';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('app', 'keys.title');

export default async function ApiKeysPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/settings/api-keys');
  const [t, keys] = await Promise.all([getTranslations('app.keys'), listApiKeys(await getDb(), scope)]);
  const canManage = hasRole(scope, 'admin');
  return (
    <div className="max-w-4xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-fg-muted">{t('intro')}</p>
      <p className="mt-2 text-sm">
        <Link href="/docs/api" className="text-brand-accent underline underline-offset-2" data-testid="api-docs-link">
          {t('docsLink')}
        </Link>
      </p>
      {canManage ? <ApiKeyCreateForm /> : <p className="mt-6 text-sm text-fg-subtle">{t('adminOnly')}</p>}
      {keys.length === 0 ? (
        <div className="mt-10">
          <EmptyState title={t('empty')} testId="api-keys-empty">
            {t('emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <Table label={t('tableLabel')} className="mt-10" testId="api-keys-table">
          <THead>
            <tr>
              <Th>{t('name')}</Th>
              <Th>{t('scopes')}</Th>
              <Th>{t('created')}</Th>
              <Th>{t('lastUsed')}</Th>
              <Th>
                <span className="sr-only">{t('actions')}</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {keys.map((key) => (
              <tr key={key.id} data-testid="api-key-row">
                <Td>
                  <span className="font-medium">{key.name}</span>
                  <span className="mt-0.5 block font-mono text-xs text-fg-subtle" dir="ltr">
                    {key.prefix}…{key.last4}
                  </span>
                  <span
                    className={`mt-1 inline-block rounded-full px-2 py-0.5 text-xs ${key.status === 'active' ? 'bg-success/10 text-success' : 'bg-slate-800 text-fg-subtle'}`}
                  >
                    {t(`status.${key.status}`)}
                  </span>
                </Td>
                <Td className="text-fg-muted" data-testid="api-key-scopes">
                  {key.scopes.map((s) => t(`scope${s[0]!.toUpperCase()}${s.slice(1)}` as 'scopeRead')).join(', ')}
                </Td>
                <Td className="text-fg-muted">
                  <Time value={key.createdAt} />
                </Td>
                <Td className="text-fg-muted">
                  <Time value={key.lastUsedAt} relative fallback={t('neverUsed')} />
                </Td>
                <Td className="text-end">
                  {canManage && key.status === 'active' ? (
                    <span className="inline-flex flex-wrap justify-end gap-2">
                      <ApiKeyEditButton id={key.id} name={key.name} scopes={key.scopes} />
                      <ApiKeyRevokeButton id={key.id} name={key.name} />
                    </span>
                  ) : null}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
