// Admin → Audit log: every security-relevant action on the platform, newest first, filterable and paged.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Time } from '@/components/ui/time';
import { getDb } from '@/db';
import { listPlatformAudit, platformAuditQuerySchema } from '@/lib/admin/list-platform-audit';
import { requireAdminPage } from '@/lib/admin/require-admin';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { Table, THead, TBody } from '@/components/ui/table';
import { buttonClass } from '@/components/ui/button';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

const th = 'px-4 py-3 text-start font-medium';
const td = 'px-4 py-3 align-top';
const field = 'mt-1 block rounded-lg border border-border-strong bg-surface px-3 py-2 text-sm text-fg';

export const generateMetadata = pageTitle('admin', 'audit.title');

export default async function AdminAuditPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdminPage(locale, '/admin/audit');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => value));
  const parsed = platformAuditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : platformAuditQuerySchema.parse({});
  const [t, page] = await Promise.all([getTranslations('admin'), listPlatformAudit(await getDb(), query)]);
  const next = page.nextCursor ? { ...raw, before: page.nextCursor } : null;
  return (
    <div className="max-w-6xl">
      <h1 className="font-display text-3xl font-semibold">{t('audit.title')}</h1>
      <p className="mt-2 max-w-3xl text-fg-muted">{t('audit.intro')}</p>
      {!parsed.success ? (
        <p role="alert" className="mt-4 text-sm text-danger">
          {t('audit.badFilter')}
        </p>
      ) : null}
      <form method="get" role="search" className="mt-8 flex flex-wrap items-end gap-4">
        <label className="text-sm font-medium">
          {t('audit.action')}
          <input
            name="action"
            defaultValue={query.action ?? ''}
            placeholder="workspace."
            dir="ltr"
            className={`${field} w-56 font-mono`}
          />
        </label>
        <label className="text-sm font-medium">
          {t('audit.workspaceId')}
          <input
            name="workspace_id"
            defaultValue={query.workspace_id ?? ''}
            dir="ltr"
            className={`${field} w-80 font-mono`}
          />
        </label>
        <button type="submit" className={buttonClass({ size: 'sm' })}>
          {t('common.apply')}
        </button>
      </form>
      {page.entries.length === 0 ? (
        <p className="mt-8 text-fg-subtle">{t('audit.empty')}</p>
      ) : (
        <Table label={t('audit.title')} className="mt-8">
          <THead>
            <tr>
              <th scope="col" className={th}>
                {t('common.time')}
              </th>
              <th scope="col" className={th}>
                {t('audit.who')}
              </th>
              <th scope="col" className={th}>
                {t('audit.action')}
              </th>
              <th scope="col" className={th}>
                {t('audit.workspace')}
              </th>
              <th scope="col" className={th}>
                {t('audit.target')}
              </th>
            </tr>
          </THead>
          <TBody>
            {page.entries.map((entry) => (
              <tr key={entry.id} data-testid="admin-audit-row">
                <td className={`${td} whitespace-nowrap text-fg-muted`}>
                  <Time value={entry.createdAt} format="dateTimeSeconds" />
                </td>
                <td className={td}>{entry.actor ?? t('audit.system')}</td>
                <td className={`${td} font-mono text-xs`} dir="ltr">
                  {entry.action}
                </td>
                <td className={td}>
                  {entry.workspaceName ?? <span className="text-fg-subtle">{t('audit.platform')}</span>}
                </td>
                <td className={`${td} break-all text-fg-muted`}>
                  {entry.targetType ? `${entry.targetType} ${entry.targetId ?? ''}` : '—'}
                  {Object.keys(entry.meta).length ? (
                    <span className="mt-0.5 block font-mono text-xs text-fg-subtle" dir="ltr">
                      {JSON.stringify(entry.meta)}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      {next ? (
        <Link
          href={{ pathname: '/admin/audit', query: next }}
          className="mt-4 inline-block text-sm text-brand-accent underline underline-offset-4"
        >
          {t('audit.older')}
        </Link>
      ) : null}
    </div>
  );
}
