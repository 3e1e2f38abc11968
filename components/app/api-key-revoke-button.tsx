'use client';
// Revokes an API key after confirmation (DELETE /api/api-keys/:id).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function ApiKeyRevokeButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations('app.keys');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className="rounded-lg border border-danger/50 px-3 py-1.5 text-sm text-danger hover:bg-danger/10 disabled:opacity-60"
      onClick={async () => {
        if (!window.confirm(t('revokeConfirm', { name }))) return;
        setPending(true);
        await fetch(`/api/api-keys/${id}`, { method: 'DELETE' }).catch(() => null);
        setPending(false);
        router.refresh();
      }}
    >
      {t('revoke')}
    </button>
  );
}
