'use client';
// Deletes a connection after a confirmation that names the workflows using it (DELETE /api/connectors/credentials/:id).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { callApi, errorText } from '@/lib/client/call-api';

type Props = { id: string; name: string; usedBy: { workflowId: string; workflowName: string }[] };

export function ConnectionDeleteButton({ id, name, usedBy }: Props) {
  const t = useTranslations('app.connectionsPage');
  const tApp = useTranslations('app');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setPending(true);
    const result = await callApi(`/api/connectors/credentials/${id}`, { method: 'DELETE' });
    setPending(false);
    if (!result.ok) return setError(errorText(result.error, tApp('errors.generic')));
    setOpen(false);
    toast(t('delete.deleted', { name }));
    router.refresh();
  }

  return (
    <>
      <Button
        size="sm"
        variant="danger"
        onClick={() => (setError(null), setOpen(true))}
        aria-label={t('delete.buttonLabel', { name })}
        data-testid="connection-delete"
      >
        {t('delete.button')}
      </Button>
      {open ? (
        <ConfirmDialog
          title={t('delete.title', { name })}
          confirmLabel={t('delete.confirm')}
          cancelLabel={t('form.cancel')}
          pending={pending}
          error={error}
          onConfirm={() => void remove()}
          onClose={() => setOpen(false)}
          testId="connection-delete-dialog"
        >
          <p>{t('delete.body')}</p>
          {usedBy.length ? (
            <>
              <p>{t('delete.usedBy')}</p>
              <ul className="list-disc ps-5" data-testid="connection-delete-used-by">
                {usedBy.map((use) => (
                  <li key={use.workflowId}>{use.workflowName}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('delete.unused')}</p>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
