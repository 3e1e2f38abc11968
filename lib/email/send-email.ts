// Sends an email: through Resend when RESEND_API_KEY is set, otherwise kept in the outbox table
// (read at /dev/mailbox in development). Every email is recorded in the outbox either way.
import 'server-only';
import type { Db } from '@/db/client';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';

export type EmailMessage = { to: string; subject: string; text: string; html?: string; kind: string };

type SendOptions = {
  resendApiKey?: string;
  resendBaseUrl?: string;
  from?: string;
  fetchImpl?: typeof fetch;
  /** Sent as Resend's Idempotency-Key, so a retried send is delivered once (default: the outbox row id). */
  idempotencyKey?: string;
};

export async function sendEmail(
  db: Db,
  message: EmailMessage,
  options: SendOptions = {},
): Promise<{ id: string; delivered: boolean }> {
  const env = getEnv();
  const apiKey = options.resendApiKey ?? env.RESEND_API_KEY;
  const row = await db
    .insertInto('email_outbox')
    .values({
      to_address: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      kind: message.kind,
      status: apiKey ? 'pending' : 'stored',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!apiKey) return { id: row.id, delivered: false };

  const response = await (options.fetchImpl ?? fetch)(`${options.resendBaseUrl ?? 'https://api.resend.com'}/emails`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      'idempotency-key': options.idempotencyKey ?? `outbox-${row.id}`,
    },
    body: JSON.stringify({
      from: options.from ?? env.EMAIL_FROM,
      to: [message.to],
      subject: message.subject,
      text: message.text,
      html: message.html,
    }),
    signal: AbortSignal.timeout(10_000),
  }).catch((error: unknown) => error as Error);

  if (response instanceof Error || !response.ok) {
    const reason = response instanceof Error ? response.message : `Resend answered HTTP ${response.status}`;
    await db.updateTable('email_outbox').set({ status: 'failed', error: reason }).where('id', '=', row.id).execute();
    logger.error({ kind: message.kind, outbox_id: row.id, reason }, 'email delivery failed');
    throw new AppError('unavailable', 'The email could not be sent; try again in a moment');
  }
  const body = (await response.json().catch(() => ({}))) as { id?: string };
  await db
    .updateTable('email_outbox')
    .set({ status: 'sent', provider_id: body.id ?? null, sent_at: new Date() })
    .where('id', '=', row.id)
    .execute();
  return { id: row.id, delivered: true };
}
