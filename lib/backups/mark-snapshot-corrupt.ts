import 'server-only';
// Marks a snapshot whose bytes no longer match its checksum as corrupt, and alerts once: telemetry error + email to owners.
import type { Db } from '@/db/client';
import { sendEmail } from '@/lib/email/send-email';
import { getEnv } from '@/lib/env';
import { logError } from '@/lib/guardian/telemetry';
import { logger } from '@/lib/logger';
import { snapshotEventData } from '@/lib/webhooks/event-data';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';

export type CorruptionFinding = {
  snapshotId: string;
  workspaceId: string;
  expected: string;
  actual: string;
  via: 'verify' | 'download' | 'restore';
};

/** Returns whether this call found the corruption first (and so raised the alert). */
export async function markSnapshotCorrupt(db: Db, finding: CorruptionFinding, now = new Date()): Promise<boolean> {
  const changed = await db
    .updateTable('backup_snapshots')
    .set({ verify_status: 'corrupt', verified_at: now })
    .where('id', '=', finding.snapshotId)
    .where('workspace_id', '=', finding.workspaceId)
    .where('verify_status', '<>', 'corrupt')
    .returning(['name', 'workflow_id', 'created_at'])
    .executeTakeFirst();
  if (!changed) {
    await db
      .updateTable('backup_snapshots')
      .set({ verified_at: now })
      .where('id', '=', finding.snapshotId)
      .where('workspace_id', '=', finding.workspaceId)
      .execute();
    return false;
  }
  const workflow = await db
    .selectFrom('workflows')
    .select('name')
    .where('id', '=', changed.workflow_id)
    .executeTakeFirst();
  await emitWebhookEvent(
    db,
    finding.workspaceId,
    'backup.verification_failed',
    snapshotEventData({
      id: finding.snapshotId,
      name: changed.name,
      workflowId: changed.workflow_id,
      workflowName: workflow?.name ?? null,
      createdAt: changed.created_at,
      expectedSha256: finding.expected,
      actualSha256: finding.actual,
      via: finding.via,
    }),
  );
  await logError(db, {
    name: 'backup.snapshot_corrupt',
    message: `Backup snapshot ${finding.snapshotId} failed its checksum check (${finding.via})`,
    workspace_id: finding.workspaceId,
    meta: {
      snapshot_id: finding.snapshotId,
      workflow_id: changed.workflow_id,
      expected_sha256: finding.expected,
      actual_sha256: finding.actual,
      via: finding.via,
    },
  });
  await emailOwners(db, finding, {
    snapshotName: changed.name,
    workflowName: workflow?.name ?? 'a deleted workflow',
    createdAt: changed.created_at,
  }).catch((error: unknown) =>
    logger.warn({ err: error, snapshot_id: finding.snapshotId }, 'backup corruption email failed'),
  );
  return true;
}

async function emailOwners(
  db: Db,
  finding: CorruptionFinding,
  about: { snapshotName: string; workflowName: string; createdAt: Date },
): Promise<void> {
  const owners = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.workspace_id', '=', finding.workspaceId)
    .where('memberships.role', '=', 'owner')
    .execute();
  const link = new URL('/backups', getEnv().APP_URL).toString();
  for (const { email } of owners) {
    await sendEmail(db, {
      to: email,
      kind: 'backup_corrupt',
      subject: `Backup failed verification: ${about.snapshotName}`,
      text:
        `The backup "${about.snapshotName}" of the workflow "${about.workflowName}", made ${about.createdAt.toISOString()}, no longer matches its SHA-256 checksum.\n` +
        `Its content cannot be trusted, so Levqor will not serve or restore it. Newer or older snapshots of the workflow are not affected.\n\n` +
        `Expected ${finding.expected}\nFound    ${finding.actual}\n\nBackups: ${link}`,
    });
  }
}
