'use client';
// Pauses or resumes a webhook (PATCH /api/webhooks/:id { enabled }).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { callApi, errorText } from '@/lib/client/call-api';

export function WebhookToggleButton({ id, url, enabled }: { id: string; url: string; enabled: boolean }) {
  const t = useTranslations('app.webhooksPage');
  const tApp = useTranslations('app');
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function toggle() {
    setPending(true);
    const result = await callApi(`/api/webhooks/${id}`, { method: 'PATCH', json: { enabled: !enabled } });
    setPending(false);
    if (!result.ok) return toast(errorText(result.error, tApp('errors.generic')), 'error');
    toast(enabled ? t('toggle.paused') : t('toggle.resumed'));
    router.refresh();
  }

  return (
    <Button
      size="sm"
      pending={pending}
      onClick={() => void toggle()}
      aria-label={enabled ? t('toggle.pauseLabel', { url }) : t('toggle.resumeLabel', { url })}
      data-testid="webhook-toggle"
    >
      {enabled ? t('toggle.pause') : t('toggle.resume')}
    </Button>
  );
}
