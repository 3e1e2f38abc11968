// Development mailbox: emails kept in the outbox when no email provider is configured (magic links work locally).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { devMailboxEnabled } from '@/lib/auth/providers';
import { listOutbox } from '@/lib/email/list-outbox';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

const LINK = /(https?:\/\/[^\s]+)/g;

export default async function DevMailboxPage() {
  if (!devMailboxEnabled()) notFound();
  const emails = await listOutbox(await getDb());
  return (
    <section className="mx-auto w-full max-w-3xl px-4 py-12" lang="en" dir="ltr">
      <h1 className="font-display text-3xl font-semibold">Development mailbox</h1>
      <p className="mt-2 text-sm text-fg-muted">
        No email provider is configured (RESEND_API_KEY), so emails are kept here instead of being sent. Newest first.
      </p>
      {emails.length === 0 ? <p className="mt-8 text-fg-subtle">No emails yet.</p> : null}
      <ul className="mt-8 space-y-4">
        {emails.map((email) => (
          <li
            key={email.id}
            className="rounded-card border border-border bg-surface-raised p-5"
            data-testid="mailbox-email"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="font-semibold">{email.subject}</span>
              <time className="text-fg-subtle" dateTime={email.created_at.toISOString()}>
                {email.created_at.toISOString().replace('T', ' ').slice(0, 19)} UTC
              </time>
            </div>
            <p className="mt-1 text-sm text-fg-muted">
              To: {email.to_address} · {email.kind}
            </p>
            <p className="mt-3 whitespace-pre-wrap break-all text-sm">
              {email.text.split(LINK).map((part, index) =>
                index % 2 === 1 ? (
                  <a key={index} href={part} className="text-brand-accent underline underline-offset-4">
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
