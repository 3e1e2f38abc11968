// Settings → Connections: the workspace's connector credentials, what uses each, and add / test / edit / delete.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConnectionDeleteButton } from '@/components/app/connections/connection-delete-button';
import { ConnectionFormButton } from '@/components/app/connections/connection-form-button';
import type { ConnectionKind } from '@/components/app/connections/connection-kinds';
import { ConnectionTestButton } from '@/components/app/connections/connection-test-button';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { pageTitle } from '@/lib/i18n/page-title';
import { Link } from '@/lib/i18n/navigation';
import { listCredentialUsage } from '@/lib/workflows/credentials/list-credential-usage';
import { listConnectorCredentials } from '@/lib/workflows/credentials/list-credentials';

export const generateMetadata = pageTitle('app', 'connectionsPage.title');

export default async function ConnectionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/settings/connections');
  const db = await getDb();
  const [t, connections, usage] = await Promise.all([
    getTranslations('app.connectionsPage'),
    listConnectorCredentials(db, scope),
    listCredentialUsage(db, scope),
  ]);
  const canManage = hasRole(scope, 'admin');
  const names = connections.map((connection) => connection.name);
  return (
    <div className="max-w-5xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-fg-muted">{t('intro')}</p>
      {canManage ? (
        <div className="mt-6">
          <ConnectionFormButton taken={names} />
        </div>
      ) : (
        <p className="mt-6 text-sm text-fg-subtle" data-testid="connections-read-only">
          {t('adminOnly')}
        </p>
      )}
      {connections.length === 0 ? (
        <div className="mt-10">
          <EmptyState title={t('emptyTitle')} testId="connections-empty">
            {canManage ? t('emptyBody') : t('emptyBodyMember')}
          </EmptyState>
        </div>
      ) : (
        <Table label={t('tableLabel')} className="mt-10" testId="connections-table">
          <THead>
            <tr>
              <Th>{t('name')}</Th>
              <Th>{t('kind')}</Th>
              <Th>{t('usedBy')}</Th>
              <Th>{t('created')}</Th>
              <Th>{t('updated')}</Th>
              {canManage ? (
                <Th>
                  <span className="sr-only">{t('actions')}</span>
                </Th>
              ) : null}
            </tr>
          </THead>
          <TBody>
            {connections.map((connection) => {
              const usedBy = usage.get(connection.name) ?? [];
              return (
                <tr key={connection.id} data-testid="connection-row">
                  <Td>
                    <span className="font-medium break-all">{connection.name}</span>
                    <span className="mt-0.5 block font-mono text-xs text-fg-subtle" dir="ltr">
                      {t('secretSet')} {connection.hint ?? ''}
                    </span>
                  </Td>
                  <Td>
                    <Badge>{t(`kinds.${connection.connector as ConnectionKind}`)}</Badge>
                  </Td>
                  <Td className="text-fg-muted" data-testid="connection-used-by">
                    {usedBy.length ? (
                      <ul className="space-y-0.5">
                        {usedBy.map((use) => (
                          <li key={use.workflowId}>
                            <Link
                              href={`/workflows/${use.workflowId}`}
                              className="text-brand-accent underline underline-offset-4"
                            >
                              {use.workflowName}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      t('notUsed')
                    )}
                  </Td>
                  <Td className="text-fg-muted">
                    <Time value={connection.createdAt} />
                  </Td>
                  <Td className="text-fg-muted">
                    <Time value={connection.updatedAt} relative />
                  </Td>
                  {canManage ? (
                    <Td className="text-end">
                      <div className="flex flex-wrap items-start justify-end gap-2">
                        <ConnectionTestButton
                          id={connection.id}
                          name={connection.name}
                          connector={connection.connector}
                        />
                        <ConnectionFormButton
                          taken={names}
                          existing={{
                            name: connection.name,
                            connector: connection.connector as ConnectionKind,
                            hint: connection.hint,
                          }}
                        />
                        <ConnectionDeleteButton id={connection.id} name={connection.name} usedBy={usedBy} />
                      </div>
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </div>
  );
}
