'use client';
// "Test connection": one harmless real call (POST /api/connectors/credentials/:id/test); Slack posts, so it asks first.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/dialog';
import { callApi, errorText } from '@/lib/client/call-api';

type TestResult = { ok: boolean; status: number | null; code: string; message: string; params: Record<string, string> };
type Props = { id: string; name: string; connector: string };

export function ConnectionTestButton({ id, name, connector }: Props) {
  const t = useTranslations('app.connectionsPage');
  const tApp = useTranslations('app');
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function run() {
    setPending(true);
    setOutcome(null);
    const result = await callApi<TestResult>(`/api/connectors/credentials/${id}/test`, { method: 'POST' });
    setPending(false);
    setConfirming(false);
    if (!result.ok) return setOutcome({ ok: false, text: errorText(result.error, tApp('errors.generic')) });
    const key = `test.results.${result.data.code}`;
    const text = t.has(key) ? t(key as 'test.results.unreachable', result.data.params) : result.data.message;
    setOutcome({ ok: result.data.ok, text });
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        size="sm"
        pending={pending && !confirming}
        aria-label={t('test.buttonLabel', { name })}
        onClick={() => (connector === 'slack' ? setConfirming(true) : void run())}
        data-testid="connection-test"
      >
        {t('test.button')}
      </Button>
      <p role="status" className="max-w-xs text-start text-xs" data-testid="connection-test-result">
        {outcome ? <span className={outcome.ok ? 'text-success' : 'text-danger'}>{outcome.text}</span> : null}
      </p>
      {confirming ? (
        <ConfirmDialog
          title={t('test.slackTitle')}
          confirmLabel={t('test.slackConfirm')}
          cancelLabel={t('form.cancel')}
          tone="primary"
          pending={pending}
          onConfirm={() => void run()}
          onClose={() => setConfirming(false)}
          testId="connection-test-confirm"
        >
          <p>{t('test.slackBody', { name })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
