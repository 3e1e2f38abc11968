// `email`: sends one email through the app's mailer (Resend, or the outbox on the embedded default), once per run and step.
import { z } from 'zod';
import { sendEmail } from '@/lib/email/send-email';
import { textField } from './outbound';
import { defineStep, StepError } from './types';

export const emailConfigSchema = z.strictObject({
  to: z.preprocess((value) => (typeof value === 'string' ? value.trim() : value), z.email('Not an email address')),
  subject: textField(200).transform((subject) => subject.replace(/[\r\n]+/g, ' ')),
  text: textField(50_000),
});
export type EmailConfig = z.infer<typeof emailConfigSchema>;

export const emailStep = defineStep({
  type: 'email',
  configSchema: emailConfigSchema,
  defaultActionClass: 'B',
  resolveTemplates: true,
  async execute(config, ctx) {
    const { db } = ctx.services;
    // NOTE: the outbox row's kind carries the idempotency key, so a step retried after sending does not send again.
    const kind = `workflow:${ctx.idempotencyKey}`;
    const earlier = await db
      .selectFrom('email_outbox')
      .select(['id', 'status'])
      .where('kind', '=', kind)
      .where('status', 'in', ['sent', 'stored'])
      .executeTakeFirst();
    if (earlier)
      return {
        kind: 'output',
        output: { id: earlier.id, to: config.to, delivered: earlier.status === 'sent', duplicate: true },
      };
    try {
      const sent = await sendEmail(
        db,
        { to: config.to, subject: config.subject, text: config.text, kind },
        { idempotencyKey: ctx.idempotencyKey },
      );
      return { kind: 'output', output: { id: sent.id, to: config.to, delivered: sent.delivered, duplicate: false } };
    } catch (error) {
      throw new StepError('email_failed', error instanceof Error ? error.message : 'The email could not be sent', true);
    }
  },
});
