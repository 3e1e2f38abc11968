'use client';
// Deletes a webhook after a confirmation (DELETE /api/webhooks/:id).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { callApi, errorText } from '@/lib/client/call-api';

export function WebhookDeleteButton({ id, url }: { id: string; url: string }) {
  const t = useTranslations('app.webhooksPage');
  const tApp = useTranslations('app');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setPending(true);
    const result = await callApi(`/api/webhooks/${id}`, { method: 'DELETE' });
    setPending(false);
    if (!result.ok) return setError(errorText(result.error, tApp('errors.generic')));
    setOpen(false);
    toast(t('delete.deleted'));
    router.refresh();
  }

  return (
    <>
      <Button
        size="sm"
        variant="danger"
        onClick={() => (setError(null), setOpen(true))}
        aria-label={t('delete.buttonLabel', { url })}
        data-testid="webhook-delete"
      >
        {t('delete.button')}
      </Button>
      {open ? (
        <ConfirmDialog
          title={t('delete.title')}
          confirmLabel={t('delete.confirm')}
          cancelLabel={t('form.cancel')}
          pending={pending}
          error={error}
          onConfirm={() => void remove()}
          onClose={() => setOpen(false)}
          testId="webhook-delete-dialog"
        >
          <p className="break-all">{t('delete.body', { url })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
