'use client';
// Hides the finished first-run checklist (for the whole workspace) and refreshes the dashboard.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { dismissFirstRunAction } from '@/app/[locale]/(app)/dashboard/actions';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';

export function DismissFirstRunButton() {
  const t = useTranslations('dashboard.firstRun');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      pending={pending}
      data-testid="first-run-dismiss"
      onClick={() =>
        startTransition(async () => {
          const result = await dismissFirstRunAction();
          if (!result.ok) return toast(t('dismissFailed'), 'error');
          router.refresh();
        })
      }
    >
      {t('dismiss')}
    </Button>
  );
}
