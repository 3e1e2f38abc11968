import 'server-only';
// Alerts operators about critical anomalies: email to every operator, and the Telegram chat when configured.
// Each finding alerts once, then again only if it is still there after REALERT_AFTER_MS.
import type { Db } from '@/db/client';
import { sendEmail } from '@/lib/email/send-email';
import { type Env, getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import type { Anomaly } from './anomaly-rules';
import { operatorEmails } from './operator-emails';
import { sendTelegramAlert, telegramConfigured } from './send-telegram';

export const REALERT_AFTER_MS = 6 * 3_600_000;

export type AlertOutcome = { sent: string[]; suppressed: string[]; failed: string[] };
type AlertOptions = { now?: Date; env?: Env; fetchImpl?: typeof fetch };

export async function alertCriticalAnomalies(
  db: Db,
  anomalies: readonly Anomaly[],
  { now = new Date(), env = getEnv(), fetchImpl }: AlertOptions = {},
): Promise<AlertOutcome> {
  const outcome: AlertOutcome = { sent: [], suppressed: [], failed: [] };
  const critical = anomalies.filter((anomaly) => anomaly.severity === 'critical');
  if (critical.length === 0) return outcome;
  const recipients = await operatorEmails(db, env);
  for (const anomaly of critical) {
    const row = await db
      .insertInto('guardian_alerts')
      .values({
        fingerprint: anomaly.fingerprint,
        kind: anomaly.kind,
        title: anomaly.title,
        first_seen_at: now,
        last_seen_at: now,
      })
      .onConflict((oc) =>
        oc.column('fingerprint').doUpdateSet((eb) => ({
          occurrences: eb('guardian_alerts.occurrences', '+', 1),
          last_seen_at: now,
          title: anomaly.title,
        })),
      )
      .returning(['last_sent_at'])
      .executeTakeFirstOrThrow();
    if (row.last_sent_at && now.getTime() - row.last_sent_at.getTime() < REALERT_AFTER_MS) {
      outcome.suppressed.push(anomaly.fingerprint);
      continue;
    }
    if (recipients.length === 0 && !telegramConfigured(env)) {
      logger.warn(
        { fingerprint: anomaly.fingerprint },
        'critical anomaly, but no operator email or Telegram chat is configured',
      );
      outcome.suppressed.push(anomaly.fingerprint);
      continue;
    }
    const channels = await deliver(db, anomaly, recipients, { env, fetchImpl, now });
    if (channels.length === 0) {
      outcome.failed.push(anomaly.fingerprint);
      continue;
    }
    await db
      .updateTable('guardian_alerts')
      .set({ last_sent_at: now, channels })
      .where('fingerprint', '=', anomaly.fingerprint)
      .execute();
    outcome.sent.push(anomaly.fingerprint);
  }
  // NOTE: a failed delivery fails the job, so it is retried and shows as failed on the System health page.
  if (outcome.failed.length > 0)
    throw new Error(`Could not deliver ${outcome.failed.length} critical alert(s): ${outcome.failed.join(', ')}`);
  return outcome;
}

async function deliver(
  db: Db,
  anomaly: Anomaly,
  recipients: string[],
  { env, fetchImpl, now }: Required<Pick<AlertOptions, 'env' | 'now'>> & Pick<AlertOptions, 'fetchImpl'>,
): Promise<string[]> {
  const channels: string[] = [];
  const link = new URL('/admin/guardian', env.APP_URL).toString();
  const text = `Levqor critical alert: ${anomaly.title}\n\nKind: ${anomaly.kind}\nSeen: ${now.toISOString()}\nDetails: ${JSON.stringify(anomaly.details)}\n\nOpen ${link}`;
  let emailed = recipients.length > 0;
  for (const to of recipients) {
    try {
      await sendEmail(
        db,
        { to, kind: 'operator_alert', subject: `[Levqor] Critical: ${anomaly.title.slice(0, 120)}`, text },
        { resendApiKey: env.RESEND_API_KEY, from: env.EMAIL_FROM, fetchImpl },
      );
    } catch (error) {
      emailed = false;
      logger.error({ err: error, fingerprint: anomaly.fingerprint }, 'alert email failed');
    }
  }
  if (emailed) channels.push('email');
  if (telegramConfigured(env)) {
    try {
      await sendTelegramAlert(env, text, fetchImpl);
      channels.push('telegram');
    } catch (error) {
      logger.error({ err: error, fingerprint: anomaly.fingerprint }, 'alert to Telegram failed');
    }
  }
  return channels;
}
