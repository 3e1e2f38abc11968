'use client';
// Deletes a connection after a confirmation that names the workflows using it (DELETE /api/connectors/credentials/:id).
import { useTranslations } from 'next-intl';
import { DeleteButton } from '@/components/ui/delete-button';

type Props = { id: string; name: string; usedBy: { workflowId: string; workflowName: string }[] };

export function ConnectionDeleteButton({ id, name, usedBy }: Props) {
  const t = useTranslations('app.connectionsPage');
  return (
    <DeleteButton
      endpoint={`/api/connectors/credentials/${id}`}
      texts={{
        button: t('delete.button'),
        buttonLabel: t('delete.buttonLabel', { name }),
        title: t('delete.title', { name }),
        confirm: t('delete.confirm'),
        cancel: t('form.cancel'),
        deleted: t('delete.deleted', { name }),
      }}
      testId="connection-delete"
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
    </DeleteButton>
  );
}
