// Settings → Audit log: security-relevant actions in the workspace, newest first (owners and admins).
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
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
  const [t, format] = await Promise.all([getTranslations('app'), getFormatter()]);
  if (!hasRole(scope, 'admin')) {
    return <p className="text-fg-subtle">{t('keys.adminOnly')}</p>;
  }
  const { entries } = await listAuditLogs(await getDb(), scope, { limit: 100 });
  return (
    <div className="max-w-5xl">
      <h1 className="font-display text-3xl font-semibold">{t('audit.title')}</h1>
      {entries.length === 0 ? (
        <p className="mt-8 text-fg-subtle">{t('audit.empty')}</p>
      ) : (
        <div className="mt-8 overflow-x-auto rounded-card border border-border">
          <table className="w-full text-sm">
            <thead className="bg-surface-raised text-fg-muted">
              <tr>
                <th scope="col" className="px-4 py-3 text-start font-medium">
                  {t('audit.when')}
                </th>
                <th scope="col" className="px-4 py-3 text-start font-medium">
                  {t('audit.who')}
                </th>
                <th scope="col" className="px-4 py-3 text-start font-medium">
                  {t('audit.action')}
                </th>
                <th scope="col" className="px-4 py-3 text-start font-medium">
                  {t('audit.target')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td className="whitespace-nowrap px-4 py-3 text-fg-muted">
                    {format.dateTime(entry.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}
                  </td>
                  <td className="px-4 py-3">{entry.actor ?? t('audit.system')}</td>
                  <td className="px-4 py-3 font-mono text-xs" dir="ltr">
                    {entry.action}
                  </td>
                  <td className="px-4 py-3 text-fg-muted">
                    {entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}` : '—'}
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
