'use client';
// The approvals inbox, kept live (GET /api/approvals): new requests appear without a reload and are announced politely;
// after a decision focus moves to the next waiting approval's heading, or to the status message when none is left.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useLiveList } from '@/components/runs/use-live-list';
import type { Serialized } from '@/components/runs/run-view';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import type { ApprovalDto } from '@/lib/workflows/approvals/list-approvals';
import { ApprovalCard } from './approval-card';

type Approval = Serialized<ApprovalDto>;
type Page = { approvals: Approval[] };

export function ApprovalsLiveList({ initial, canDecide }: { initial: Approval[]; canDecide: boolean }) {
  const t = useTranslations('approvals');
  const { data, fresh, mutate } = useLiveList<Page, Approval>(
    '/api/approvals?limit=100',
    { approvals: initial },
    (page) => page.approvals,
    (approval) => approval.status === 'pending',
  );
  const listRef = useRef<HTMLUListElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [message, setMessage] = useState('');
  const [refocus, setRefocus] = useState(0);
  const approvals = data.approvals;
  const waiting = approvals.filter((approval) => approval.status === 'pending').length;

  useEffect(() => {
    if (refocus === 0) return;
    const next = listRef.current?.querySelector<HTMLElement>(
      '[data-testid="approval-card"][data-status="pending"] [data-testid="approval-heading"]',
    );
    if (next) {
      setMessage(t('live.decided'));
      next.focus();
    } else {
      setMessage(t('live.noneLeft'));
      statusRef.current?.focus();
    }
    // NOTE: runs once per decision, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refocus]);

  async function decided() {
    await mutate();
    setRefocus((value) => value + 1);
  }

  return (
    <div className="relative">
      <p className="mt-4 text-sm font-medium" data-testid="approvals-waiting">
        {t('waiting', { count: waiting })}
      </p>
      <p
        ref={statusRef}
        role="status"
        aria-live="polite"
        tabIndex={-1}
        className="mt-1 text-sm text-fg-muted empty:sr-only"
        data-testid="approvals-live-status"
      >
        {[message, fresh > 0 ? t('live.newPending', { count: fresh }) : ''].filter(Boolean).join(' ')}
      </p>
      {approvals.length === 0 ? (
        <div className="mt-6">
          <EmptyState
            title={t('emptyTitle')}
            action={
              <Link href="/workflows" className={buttonClass({ variant: 'secondary' })}>
                {t('emptyAction')}
              </Link>
            }
          >
            {t('emptyBody')}
          </EmptyState>
        </div>
      ) : (
        <ul ref={listRef} className="mt-6 space-y-4">
          {approvals.map((approval) => (
            <li key={approval.id}>
              <ApprovalCard approval={approval} canDecide={canDecide} onDecided={() => void decided()} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
