import 'server-only';
// One upgrade plan by id (404 for an unknown or malformed id).
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/workspaces/in-transaction';
import { toPlanDto, type UpgradePlanDto } from './plan-dto';

export async function getUpgradePlan(db: Db, id: string): Promise<UpgradePlanDto> {
  const row = isUuid(id)
    ? await db.selectFrom('upgrade_plans').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw new AppError('not_found', 'Upgrade plan not found');
  return toPlanDto(row);
}
