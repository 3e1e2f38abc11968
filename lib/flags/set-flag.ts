import 'server-only';
// Turns a known flag on or off and records who did it in the audit log.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import type { FlagDto } from './flag-dto';
import { isKnownFlag, knownFlags } from './flags';

export async function setFlag(db: Db, actorUserId: string | null, key: string, enabled: boolean): Promise<FlagDto> {
  if (!isKnownFlag(key)) throw new AppError('not_found', 'Unknown feature flag');
  const { description, default: defaultEnabled } = knownFlags[key];
  const previous = await db.selectFrom('feature_flags').select('enabled').where('key', '=', key).executeTakeFirst();
  const row = await db
    .insertInto('feature_flags')
    .values({ key, enabled, description, updated_by: actorUserId, updated_at: new Date() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ enabled, description, updated_by: actorUserId, updated_at: new Date() }),
    )
    .returning(['updated_at', 'updated_by'])
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    workspaceId: null,
    actorUserId,
    action: 'flag.changed',
    targetType: 'flag',
    targetId: key,
    meta: { enabled, previous: previous?.enabled ?? defaultEnabled },
  });
  return { key, description, enabled, defaultEnabled, updatedAt: row.updated_at, updatedBy: row.updated_by };
}
