'use client';
// Approve or reject a pending approval with an optional comment: through the session API (POST /api/approvals/:id/decision)
// or, from the emailed link, with its signed token (POST /api/approvals/:id/link-decision).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { callApi } from '@/lib/client/call-api';

type Decided = { status: string };

export function DecisionForm({
  approvalId,
  token,
  label,
  onDecided,
}: {
  approvalId: string;
  token?: string;
  label: string;
  onDecided?: () => void;
}) {
  const t = useTranslations('approvals.decision');
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function decide(form: HTMLFormElement, decision: 'approve' | 'reject') {
    const comment = String(new FormData(form).get('comment') ?? '').trim();
    setPending(true);
    setResult(null);
    const body = { decision, ...(comment ? { comment } : {}), ...(token ? { token } : {}) };
    const response = await callApi<Decided>(
      token ? `/api/approvals/${approvalId}/link-decision` : `/api/approvals/${approvalId}/decision`,
      { json: body },
    );
    setPending(false);
    if (!response.ok) return setResult({ tone: 'error', text: response.error.message || t('failed') });
    setResult({ tone: 'ok', text: response.data.status === 'approved' ? t('approved') : t('rejected') });
    if (onDecided) onDecided();
    else router.refresh();
  }

  return (
    <form
      aria-label={label}
      className="mt-3 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        void decide(event.currentTarget, submitter?.value === 'reject' ? 'reject' : 'approve');
      }}
    >
      <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
        {t('comment')}
      </label>
      <textarea
        id={`${id}-comment`}
        name="comment"
        rows={2}
        maxLength={1000}
        placeholder={t('commentPlaceholder')}
        className="block w-full max-w-xl rounded-lg border border-border-strong bg-surface px-3 py-2 text-sm text-fg placeholder:text-fg-subtle"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          name="decision"
          value="approve"
          disabled={pending}
          className="rounded-lg bg-brand-gradient px-4 py-2 text-sm font-semibold text-slate-950 disabled:opacity-60"
        >
          {t('approve')}
        </button>
        <button
          type="submit"
          name="decision"
          value="reject"
          disabled={pending}
          className="rounded-lg border border-danger/50 px-4 py-2 text-sm text-danger hover:bg-danger/10 disabled:opacity-60"
        >
          {t('reject')}
        </button>
        <span aria-live="polite" className="text-sm">
          {result ? (
            <span className={result.tone === 'ok' ? 'text-success' : 'text-danger'} data-testid="decision-result">
              {result.text}
            </span>
          ) : null}
        </span>
      </div>
    </form>
  );
}
