'use client';
// Invites someone by email (POST /api/invitations), showing field errors from the API.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function InviteMemberForm() {
  const t = useTranslations('app');
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    const response = await fetch('/api/invitations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: data.get('email'), role: data.get('role') }),
    }).catch(() => null);
    setPending(false);
    const body = await response?.json().catch(() => null);
    if (response?.ok) {
      setMessage({ ok: true, text: t('membersPage.inviteSent', { email: String(data.get('email')) }) });
      form.reset();
      router.refresh();
    } else {
      setMessage({
        ok: false,
        text: body?.error?.details?.issues?.[0]?.message ?? body?.error?.message ?? t('errors.generic'),
      });
    }
  }

  return (
    <form
      className="mt-8 flex flex-wrap items-end gap-3 rounded-card border border-border p-5"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
    >
      <label className="block min-w-60 flex-1 text-sm font-medium">
        {t('membersPage.inviteEmail')}
        <input
          name="email"
          type="email"
          required
          className="mt-1 block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg"
        />
      </label>
      <label className="block text-sm font-medium">
        {t('membersPage.inviteRole')}
        <select
          name="role"
          defaultValue="member"
          className="mt-1 block rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg"
        >
          <option value="member">{t('role.member')}</option>
          <option value="admin">{t('role.admin')}</option>
        </select>
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-gradient px-4 py-2 font-semibold text-slate-950 disabled:opacity-60"
      >
        {t('membersPage.invite')}
      </button>
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
