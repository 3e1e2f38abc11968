'use client';
// While there are unsaved changes: the browser asks before a reload or close, and a click on a link to another page
// asks "Leave without saving?" (the draft is kept on this device either way). Tabs of the same page pass freely.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ConfirmDialog } from '@/components/ui/dialog';

/** The same-origin page a click would open, or null when the click is not a plain in-app navigation elsewhere. */
function leavingTo(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return null;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self') || link.hasAttribute('download'))
    return null;
  // NOTE: links that mark themselves (the test run's "open run") leave knowingly; the draft stays either way.
  if (link.hasAttribute('data-leave-ok')) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function LeaveGuard({ active }: { active: boolean }) {
  const t = useTranslations('workflows.draft.leave');
  const router = useRouter();
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      const to = leavingTo(event);
      if (!to) return;
      event.preventDefault();
      event.stopPropagation();
      setTarget(to);
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [active]);

  if (!target) return null;
  return (
    <ConfirmDialog
      title={t('title')}
      confirmLabel={t('confirm')}
      cancelLabel={t('stay')}
      tone="primary"
      onClose={() => setTarget(null)}
      onConfirm={() => {
        const to = target;
        setTarget(null);
        router.push(to);
      }}
      testId="leave-dialog"
    >
      <p>{t('body')}</p>
    </ConfirmDialog>
  );
}
