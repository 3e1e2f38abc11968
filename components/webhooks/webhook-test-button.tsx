'use client';
// "Send test event": a signed ping now (POST /api/webhooks/:id/test); says how the receiver answered.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { callApi, errorText } from '@/lib/client/call-api';
import type { WebhookDeliveryDto } from '@/lib/webhooks/schemas';

export function WebhookTestButton({ id, url }: { id: string; url: string }) {
  const t = useTranslations('app.webhooksPage');
  const tApp = useTranslations('app');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function send() {
    setPending(true);
    setOutcome(null);
    const result = await callApi<WebhookDeliveryDto>(`/api/webhooks/${id}/test`, { method: 'POST' });
    setPending(false);
    if (!result.ok) return setOutcome({ ok: false, text: errorText(result.error, tApp('errors.generic')) });
    const delivery = result.data;
    setOutcome(
      delivery.status === 'succeeded'
        ? { ok: true, text: t('test.ok', { status: delivery.lastStatusCode ?? 200 }) }
        : { ok: false, text: t('test.failed', { error: delivery.lastError ?? '' }) },
    );
    router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        pending={pending}
        onClick={() => void send()}
        aria-label={t('test.buttonLabel', { url })}
        data-testid="webhook-test"
      >
        {t('test.button')}
      </Button>
      <p role="status" className="max-w-xs text-end text-xs break-words" data-testid="webhook-test-result">
        {outcome ? <span className={outcome.ok ? 'text-success' : 'text-danger'}>{outcome.text}</span> : null}
      </p>
    </div>
  );
}
