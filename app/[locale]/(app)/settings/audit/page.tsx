// Settings → Audit log: security-relevant actions in the workspace, newest first (owners and admins), with actors and
// targets shown by name.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Time } from '@/components/ui/time';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, Td, Th, THead } from '@/components/ui/table';
import { getDb } from '@/db';
import { listAuditLogs } from '@/lib/audit/list-audit-logs';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('app', 'audit.title');

export default async function AuditPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/settings/audit');
  const t = await getTranslations('app');
  if (!hasRole(scope, 'admin')) {
    return (
      <div className="max-w-5xl">
        <h1 className="font-display text-3xl font-semibold">{t('audit.title')}</h1>
        <p className="mt-6 text-fg-subtle" data-testid="audit-admin-only">
          {t('audit.adminOnly')}
        </p>
      </div>
    );
  }
  const { entries } = await listAuditLogs(await getDb(), scope, { limit: 100 });
  return (
    <div className="max-w-5xl">
      <h1 className="font-display text-3xl font-semibold">{t('audit.title')}</h1>
      {entries.length === 0 ? (
        <div className="mt-8">
          <EmptyState title={t('audit.empty')} testId="audit-empty">
            {t('audit.emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <Table label={t('audit.tableLabel')} className="mt-8" testId="audit-table">
          <THead>
            <tr>
              <Th>{t('audit.when')}</Th>
              <Th>{t('audit.who')}</Th>
              <Th>{t('audit.action')}</Th>
              <Th>{t('audit.target')}</Th>
            </tr>
          </THead>
          <TBody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <Td className="whitespace-nowrap text-fg-muted">
                  <Time value={entry.createdAt} format="dateTimeSeconds" />
                </Td>
                <Td>
                  {entry.actor ?? t('audit.system')}
                  {entry.actorEmail && entry.actorEmail !== entry.actor ? (
                    <span className="block text-xs text-fg-subtle">{entry.actorEmail}</span>
                  ) : null}
                </Td>
                <Td className="font-mono text-xs" dir="ltr">
                  {entry.action}
                </Td>
                <Td className="text-fg-muted">
                  {entry.targetType ? (
                    <>
                      <span className="text-xs text-fg-subtle">{entry.targetType}</span>{' '}
                      {entry.target ?? (
                        <span className="font-mono text-xs" dir="ltr">
                          {entry.targetId?.slice(0, 8)}
                        </span>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
