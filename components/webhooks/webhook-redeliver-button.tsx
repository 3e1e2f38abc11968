'use client';
// Sends one delivery's event again now (POST /api/webhooks/:id/deliveries/:deliveryId/redeliver).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { callApi, errorText } from '@/lib/client/call-api';

export function WebhookRedeliverButton({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) {
  const t = useTranslations('app.webhooksPage.deliveries');
  const tApp = useTranslations('app');
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function redeliver() {
    setPending(true);
    const result = await callApi(`/api/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver`, { method: 'POST' });
    setPending(false);
    if (!result.ok) return toast(errorText(result.error, tApp('errors.generic')), 'error');
    toast(t('redelivered'));
    router.refresh();
  }

  return (
    <Button
      size="sm"
      variant="ghost"
      pending={pending}
      onClick={() => void redeliver()}
      data-testid="webhook-redeliver"
    >
      {t('redeliver')}
    </Button>
  );
}
