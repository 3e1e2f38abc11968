// Admin → Tenants: search workspaces, and suspend, resume, delete or restore them within the lifecycle rules.
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Time } from '@/components/ui/time';
import { StatusBadge, toneOf } from '@/components/admin/status-badge';
import { TenantActions } from '@/components/admin/tenant-actions';
import { getDb } from '@/db';
import { requireAdminPage } from '@/lib/admin/require-admin';
import { searchTenants, searchTenantsQuerySchema } from '@/lib/admin/search-tenants';
import { pageTitle } from '@/lib/i18n/page-title';
import { RESTORE_GRACE_DAYS } from '@/lib/workspaces/lifecycle';
import { Table, THead, TBody } from '@/components/ui/table';
import { buttonClass } from '@/components/ui/button';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

const th = 'px-4 py-3 text-start font-medium';
const td = 'px-4 py-3 align-top';
const field = 'mt-1 block rounded-lg border border-border-strong bg-surface px-3 py-2 text-sm text-fg';

export const generateMetadata = pageTitle('admin', 'tenants.title');

export default async function TenantsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdminPage(locale, '/admin/tenants');
  const parsed = searchTenantsQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : searchTenantsQuerySchema.parse({});
  const [t, format, tenants] = await Promise.all([
    getTranslations('admin'),
    getFormatter(),
    searchTenants(await getDb(), query),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' });
  return (
    <div className="max-w-6xl">
      <h1 className="font-display text-3xl font-semibold">{t('tenants.title')}</h1>
      <p className="mt-2 max-w-3xl text-fg-muted">{t('tenants.intro', { days: RESTORE_GRACE_DAYS })}</p>
      <form method="get" role="search" className="mt-8 flex flex-wrap items-end gap-4">
        <label className="text-sm font-medium">
          {t('tenants.search')}
          <input
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder={t('tenants.searchPlaceholder')}
            className={`${field} w-72`}
          />
        </label>
        <label className="text-sm font-medium">
          {t('common.status')}
          <select name="status" defaultValue={query.status} className={field}>
            {(['all', 'active', 'suspended', 'soft_deleted', 'purged'] as const).map((status) => (
              <option key={status} value={status}>
                {t(`tenants.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass({ variant: 'primary' })}>
          {t('tenants.searchButton')}
        </button>
      </form>
      {tenants.length === 0 ? (
        <p className="mt-8 text-fg-subtle">{t('tenants.empty')}</p>
      ) : (
        <Table label={t('tenants.caption', { count: tenants.length })} className="mt-8">
          <THead>
            <tr>
              <th scope="col" className={th}>
                {t('tenants.workspace')}
              </th>
              <th scope="col" className={th}>
                {t('common.status')}
              </th>
              <th scope="col" className={th}>
                {t('tenants.owners')}
              </th>
              <th scope="col" className={th}>
                {t('tenants.members')}
              </th>
              <th scope="col" className={th}>
                {t('tenants.created')}
              </th>
              <th scope="col" className={th}>
                <span className="sr-only">{t('tenants.actionsHeader')}</span>
              </th>
            </tr>
          </THead>
          <TBody>
            {tenants.map((tenant) => (
              <tr key={tenant.id} data-testid="tenant-row">
                <td className={td}>
                  <span className="font-medium">{tenant.name}</span>
                  <span className="mt-0.5 block font-mono text-xs text-fg-subtle" dir="ltr">
                    {tenant.id}
                  </span>
                </td>
                <td className={td}>
                  <StatusBadge tone={toneOf(tenant.status)}>{t(`tenants.status.${tenant.status}`)}</StatusBadge>
                  {tenant.purgeAfter ? (
                    <span className="mt-1 block text-xs text-fg-subtle">
                      {t('tenants.purgeAfter', { date: date(tenant.purgeAfter) })}
                    </span>
                  ) : null}
                </td>
                <td className={`${td} text-fg-muted`}>{tenant.owners.join(', ') || '—'}</td>
                <td className={`${td} tabular-nums`}>{tenant.members}</td>
                <td className={`${td} whitespace-nowrap text-fg-muted`}>
                  <Time value={tenant.createdAt} format="date" />
                </td>
                <td className={`${td} text-end`}>
                  <TenantActions
                    id={tenant.id}
                    name={tenant.name}
                    events={tenant.allowedEvents.filter(
                      (event): event is 'suspend' | 'resume' | 'delete' | 'restore' => event !== 'purge',
                    )}
                  />
                </td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
