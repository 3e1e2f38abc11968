'use client';
// Invites someone by email (POST /api/invitations), showing field errors from the API; the pending list refreshes.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { callApi, errorText } from '@/lib/client/call-api';

export function InviteMemberForm() {
  const t = useTranslations('app');
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [refreshing, startRefresh] = useTransition();

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const email = String(data.get('email') ?? '');
    setPending(true);
    const result = await callApi('/api/invitations', { json: { email, role: data.get('role') } });
    setPending(false);
    if (result.ok) {
      setMessage({ ok: true, text: t('membersPage.inviteSent', { email }) });
      form.reset();
      startRefresh(() => router.refresh());
    } else {
      setMessage({
        ok: false,
        text: result.error.details?.issues?.[0]?.message ?? errorText(result.error, t('errors.generic')),
      });
    }
  }

  return (
    <form
      className="mt-8 flex flex-wrap items-end gap-3 rounded-card border border-border p-5"
      data-testid="invite-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <Field label={t('membersPage.inviteEmail')} className="min-w-0 flex-1 basis-60">
        {(control) => <input {...control} name="email" type="email" required className={inputClass} />}
      </Field>
      <Field label={t('membersPage.inviteRole')}>
        {(control) => (
          <select {...control} name="role" defaultValue="member" className={inputClass}>
            <option value="member">{t('role.member')}</option>
            <option value="admin">{t('role.admin')}</option>
          </select>
        )}
      </Field>
      <Button type="submit" variant="primary" pending={pending || refreshing}>
        {t('membersPage.invite')}
      </Button>
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={`w-full text-sm ${message.ok ? 'text-success' : 'text-danger'}`}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
