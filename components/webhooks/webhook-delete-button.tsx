'use client';
// Deletes a webhook after a confirmation (DELETE /api/webhooks/:id).
import { useTranslations } from 'next-intl';
import { DeleteButton } from '@/components/ui/delete-button';

export function WebhookDeleteButton({ id, url }: { id: string; url: string }) {
  const t = useTranslations('app.webhooksPage');
  return (
    <DeleteButton
      endpoint={`/api/webhooks/${id}`}
      texts={{
        button: t('delete.button'),
        buttonLabel: t('delete.buttonLabel', { url }),
        title: t('delete.title'),
        confirm: t('delete.confirm'),
        cancel: t('form.cancel'),
        deleted: t('delete.deleted'),
      }}
      testId="webhook-delete"
    >
      <p className="break-all">{t('delete.body', { url })}</p>
    </DeleteButton>
  );
}
