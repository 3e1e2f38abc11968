// A webhook's recent deliveries: event, status, every attempt (status code, duration, error), next try.
import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Table, TBody, Td, Th, THead } from '@/components/ui/table';
import { Time } from '@/components/ui/time';
import type { WebhookDeliveryDto } from '@/lib/webhooks/schemas';
import { WebhookRedeliverButton } from './webhook-redeliver-button';

const tones: Record<WebhookDeliveryDto['status'], BadgeTone> = {
  pending: 'warning',
  succeeded: 'success',
  failed: 'danger',
};

type Props = { webhookId: string; url: string; deliveries: WebhookDeliveryDto[]; canRedeliver: boolean };

export function WebhookDeliveriesTable({ webhookId, url, deliveries, canRedeliver }: Props) {
  const t = useTranslations('app.webhooksPage');
  if (deliveries.length === 0)
    return (
      <p className="mt-3 text-sm text-fg-subtle" data-testid="webhook-deliveries-empty">
        {t('deliveries.empty')}
      </p>
    );
  return (
    <Table label={t('deliveries.tableLabel', { url })} className="mt-3" testId="webhook-deliveries">
      <THead>
        <tr>
          <Th>{t('deliveries.event')}</Th>
          <Th>{t('deliveries.status')}</Th>
          <Th>{t('deliveries.attempts')}</Th>
          <Th>{t('deliveries.nextAttempt')}</Th>
          <Th>{t('deliveries.created')}</Th>
          {canRedeliver ? (
            <Th>
              <span className="sr-only">{t('deliveries.actions')}</span>
            </Th>
          ) : null}
        </tr>
      </THead>
      <TBody>
        {deliveries.map((delivery) => (
          <tr key={delivery.id} data-testid="webhook-delivery-row">
            <Td>
              <span className="font-medium">{t(`events.${delivery.eventType as 'ping'}`)}</span>
              <span className="block font-mono text-xs text-fg-subtle" dir="ltr">
                {delivery.eventType}
              </span>
            </Td>
            <Td>
              <Badge tone={tones[delivery.status]} data-testid="webhook-delivery-status">
                {t(`deliveries.statuses.${delivery.status}`)}
              </Badge>
            </Td>
            <Td>
              <ol className="space-y-0.5 text-xs text-fg-muted">
                {delivery.attempts.map((attempt, index) => (
                  <li key={index} data-testid="webhook-attempt">
                    <span dir="ltr">
                      {t('deliveries.attempt', {
                        code: attempt.statusCode === null ? t('deliveries.noResponse') : String(attempt.statusCode),
                        duration: attempt.durationMs,
                      })}
                    </span>
                    {attempt.error ? <span className="block break-words text-danger">{attempt.error}</span> : null}
                  </li>
                ))}
              </ol>
            </Td>
            <Td className="text-fg-muted">
              <Time value={delivery.nextAttemptAt} relative />
            </Td>
            <Td className="text-fg-muted">
              <Time value={delivery.createdAt} relative />
            </Td>
            {canRedeliver ? (
              <Td className="text-end">
                {delivery.status === 'failed' ? (
                  <WebhookRedeliverButton webhookId={webhookId} deliveryId={delivery.id} />
                ) : null}
              </Td>
            ) : null}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
