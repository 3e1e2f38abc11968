// Changes the signed-in user's own profile and records which fields changed in the audit log.
import 'server-only';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { getProfile } from './get-profile';
import type { Profile, UpdateProfileInput } from './schemas';

export async function updateProfile(db: Db, scope: Scope, input: UpdateProfileInput): Promise<Profile> {
  if (!scope.userId || scope.via !== 'session') throw new AppError('forbidden', 'Only a signed-in user has a profile');
  const changes = {
    ...(input.name !== undefined ? { name: input.name || null } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
    ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
  };
  await db.updateTable('users').set(changes).where('id', '=', scope.userId).execute();
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: 'profile.updated',
    targetType: 'user',
    targetId: scope.userId,
    meta: { fields: Object.keys(input), locale: input.locale, timeZone: input.timeZone },
  });
  return getProfile(db, scope.userId);
}
