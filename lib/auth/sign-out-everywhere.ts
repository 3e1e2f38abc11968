// "Sign out of all devices": bumps the user's session version and records it in the audit log of their workspaces.
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { locales } from '@/lib/i18n/locales';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { bumpSessionVersion } from './bump-session-version';

export const signOutEverywhereSchema = z.object({ locale: z.enum(locales) });
export type SignOutEverywhereInput = z.infer<typeof signOutEverywhereSchema>;

export async function signOutEverywhere(db: Db, userId: string): Promise<{ sessionVersion: number }> {
  return inTransaction(db, async (trx) => {
    const sessionVersion = await bumpSessionVersion(trx, userId);
    if (sessionVersion === null) throw new AppError('not_found', 'User not found');
    const memberships = await trx
      .selectFrom('memberships')
      .select('workspace_id')
      .where('user_id', '=', userId)
      .execute();
    const workspaceIds = memberships.length > 0 ? memberships.map((row) => row.workspace_id) : [null];
    for (const workspaceId of workspaceIds) {
      await recordAudit(trx, {
        workspaceId,
        actorUserId: userId,
        action: 'auth.signed_out_everywhere',
        targetType: 'user',
        targetId: userId,
      });
    }
    return { sessionVersion };
  });
}
