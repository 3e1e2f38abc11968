'use client';
// A danger button that deletes one thing after a confirmation: DELETE `endpoint`, then a toast and a refreshed page;
// the error stays in the dialog. The texts come from the caller (messages of its feature).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { type ReactNode, useState } from 'react';
import { callApi, errorText } from '@/lib/client/call-api';
import { Button } from './button';
import { ConfirmDialog } from './dialog';
import { toast } from './toast';

type Props = {
  endpoint: string;
  texts: { button: string; buttonLabel: string; title: string; confirm: string; cancel: string; deleted: string };
  /** What the dialog says will happen. */
  children: ReactNode;
  testId: string;
};

export function DeleteButton({ endpoint, texts, children, testId }: Props) {
  const tApp = useTranslations('app');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setPending(true);
    const result = await callApi(endpoint, { method: 'DELETE' });
    setPending(false);
    if (!result.ok) return setError(errorText(result.error, tApp('errors.generic')));
    setOpen(false);
    toast(texts.deleted);
    router.refresh();
  }

  return (
    <>
      <Button
        size="sm"
        variant="danger"
        onClick={() => (setError(null), setOpen(true))}
        aria-label={texts.buttonLabel}
        data-testid={testId}
      >
        {texts.button}
      </Button>
      {open ? (
        <ConfirmDialog
          title={texts.title}
          confirmLabel={texts.confirm}
          cancelLabel={texts.cancel}
          pending={pending}
          error={error}
          onConfirm={() => void remove()}
          onClose={() => setOpen(false)}
          testId={`${testId}-dialog`}
        >
          {children}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
