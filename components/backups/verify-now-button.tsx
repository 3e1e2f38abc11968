'use client';
// "Verify now": asks the server to re-read a snapshot's bytes and check its SHA-256, then shows the recorded result.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { callApi } from '@/lib/client/call-api';

export function VerifyNowButton({ snapshotId, name }: { snapshotId: string; name: string }) {
  const t = useTranslations('backups.verifyNow');
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function verify() {
    setPending(true);
    const result = await callApi<{ verifyStatus: 'ok' | 'unverified' | 'corrupt' }>(
      `/api/backups/${snapshotId}/verify`,
      { method: 'POST' },
    );
    setPending(false);
    if (!result.ok) return toast(result.error.message || t('failed'), 'error');
    toast(
      result.data.verifyStatus === 'ok' ? t('ok', { name }) : t('corrupt', { name }),
      result.data.verifyStatus === 'ok' ? 'success' : 'error',
    );
    router.refresh();
  }

  return (
    <Button
      size="sm"
      pending={pending}
      pendingText={t('pending')}
      onClick={() => void verify()}
      data-testid="verify-now"
    >
      {t('label')}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}
