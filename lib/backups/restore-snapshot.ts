import 'server-only';
// Restores a snapshot by pushing its verified bytes to a URL through the egress guard, and audits the attempt.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { guardedFetch } from '@/lib/workflows/egress/guarded-fetch';
import { StepError } from '@/lib/workflows/steps/types';
import { readSnapshotContent } from './read-snapshot-content';

export const restoreSnapshotSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'Give an http(s) URL to send the backup to' }).max(2_000),
  method: z.enum(['POST', 'PUT']).default('POST'),
});
export type RestoreSnapshotInput = z.input<typeof restoreSnapshotSchema>;
export type RestoreResult = {
  snapshotId: string;
  destination: string;
  status: number;
  sizeBytes: number;
  sha256: string;
};

export async function restoreSnapshot(
  db: Db,
  scope: Scope,
  id: string,
  input: RestoreSnapshotInput,
): Promise<RestoreResult> {
  requireRole(scope, 'member');
  const { url, method } = restoreSnapshotSchema.parse(input);
  const { snapshot, content } = await readSnapshotContent(db, scope, id, { via: 'restore' });
  const target = new URL(url);
  // NOTE: the query string may carry a token; the audit log keeps only where the data went.
  const destination = `${target.origin}${target.pathname}`;
  const audit = (ok: boolean, meta: Record<string, unknown>) =>
    recordAudit(db, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: ok ? 'backup.restored' : 'backup.restore_failed',
      targetType: 'backup_snapshot',
      targetId: snapshot.id,
      meta: { destination, method, size_bytes: snapshot.sizeBytes, sha256: snapshot.sha256, via: scope.via, ...meta },
    });

  let status: number;
  try {
    const response = await guardedFetch(url, {
      method,
      headers: {
        'content-type': snapshot.contentType,
        'x-checksum-sha256': snapshot.sha256,
        'idempotency-key': `restore:${snapshot.id}:${randomUUID()}`,
      },
      body: new Uint8Array(content),
    });
    status = response.status;
    await response.body?.cancel().catch(() => undefined);
  } catch (error) {
    const failure = toAppError(error);
    await audit(false, { error: failure.message });
    throw failure;
  }
  if (status < 200 || status >= 300) {
    await audit(false, { status });
    throw new AppError('unavailable', `The destination answered HTTP ${status}; the backup was not restored`, {
      status,
    });
  }
  await audit(true, { status });
  return { snapshotId: snapshot.id, destination, status, sizeBytes: snapshot.sizeBytes, sha256: snapshot.sha256 };
}

/** A refused address is the caller's to fix (400); an unreachable destination may work later (503). */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof StepError)
    return new AppError(error.retryable ? 'unavailable' : 'bad_request', error.message, { code: error.code });
  return new AppError('unavailable', 'The destination could not be reached; the backup was not restored');
}
