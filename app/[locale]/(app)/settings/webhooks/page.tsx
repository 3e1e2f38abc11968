// Settings → Webhooks: the workspace's event subscriptions with their recent deliveries; add, test, pause, delete.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { WebhookCreateButton } from '@/components/webhooks/webhook-create-button';
import { WebhookDeleteButton } from '@/components/webhooks/webhook-delete-button';
import { WebhookDeliveriesTable } from '@/components/webhooks/webhook-deliveries-table';
import { WebhookTestButton } from '@/components/webhooks/webhook-test-button';
import { WebhookToggleButton } from '@/components/webhooks/webhook-toggle-button';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { pageTitle } from '@/lib/i18n/page-title';
import { listWebhookDeliveries } from '@/lib/webhooks/list-webhook-deliveries';
import { listWebhooks } from '@/lib/webhooks/list-webhooks';

export const generateMetadata = pageTitle('app', 'webhooksPage.title');

const RECENT_DELIVERIES = 10;

export default async function WebhooksPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/settings/webhooks');
  const db = await getDb();
  const [t, webhooks] = await Promise.all([
    getTranslations('app.webhooksPage'),
    listWebhooks(db, scope, { limit: 100 }),
  ]);
  const deliveries = await Promise.all(
    webhooks.map((webhook) => listWebhookDeliveries(db, scope, webhook.id, { limit: RECENT_DELIVERIES })),
  );
  const canManage = hasRole(scope, 'admin');
  return (
    <div className="max-w-5xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-fg-muted">{t('intro')}</p>
      {canManage ? (
        <div className="mt-6">
          <WebhookCreateButton />
        </div>
      ) : (
        <p className="mt-6 text-sm text-fg-subtle" data-testid="webhooks-read-only">
          {t('adminOnly')}
        </p>
      )}
      {webhooks.length === 0 ? (
        <div className="mt-10">
          <EmptyState title={t('emptyTitle')} testId="webhooks-empty">
            {canManage ? t('emptyBody') : t('emptyBodyMember')}
          </EmptyState>
        </div>
      ) : (
        <ul className="mt-10 space-y-6">
          {webhooks.map((webhook, index) => (
            <li
              key={webhook.id}
              className="rounded-card border border-border bg-surface-raised/40 p-5"
              data-testid="webhook-card"
            >
              <div className="flex flex-wrap items-start justify-between gap-4">
                <div className="min-w-0 flex-1">
                  <p className="font-mono text-sm break-all text-fg" dir="ltr" data-testid="webhook-url-text">
                    {webhook.url}
                  </p>
                  {webhook.description ? <p className="mt-1 text-sm text-fg-muted">{webhook.description}</p> : null}
                  <div className="mt-2 flex flex-wrap gap-1.5">
                    <Badge tone={webhook.enabled ? 'success' : 'neutral'} data-testid="webhook-state">
                      {webhook.enabled ? t('status.enabled') : t('status.paused')}
                    </Badge>
                    {webhook.events.map((event) => (
                      <Badge key={event} tone="info">
                        {t(`events.${event}`)}
                      </Badge>
                    ))}
                  </div>
                  {webhook.disabledReason ? (
                    <p className="mt-2 text-sm text-warning">
                      {t('disabledReason', { reason: webhook.disabledReason })}
                    </p>
                  ) : null}
                </div>
                <div className="flex flex-wrap items-start justify-end gap-2">
                  {webhook.enabled ? <WebhookTestButton id={webhook.id} url={webhook.url} /> : null}
                  {canManage ? (
                    <>
                      <WebhookToggleButton id={webhook.id} url={webhook.url} enabled={webhook.enabled} />
                      <WebhookDeleteButton id={webhook.id} url={webhook.url} />
                    </>
                  ) : null}
                </div>
              </div>
              <h2 className="mt-5 text-sm font-semibold">{t('deliveries.title')}</h2>
              <WebhookDeliveriesTable
                webhookId={webhook.id}
                url={webhook.url}
                deliveries={deliveries[index] ?? []}
                canRedeliver={webhook.enabled}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
