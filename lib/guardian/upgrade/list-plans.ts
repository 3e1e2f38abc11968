import 'server-only';
// Upgrade plans for operators: filtered by status and category, most urgent first.
import { sql } from 'kysely';
import { z } from 'zod';
import { pageLimit } from '@/lib/api/schemas';
import type { Db } from '@/db/client';
import { upgradePlanCategories, upgradePlanStatuses } from '@/db/types-guardian';
import { toPlanDto, type UpgradePlanDto } from './plan-dto';

export const listPlansQuerySchema = z.object({
  status: z.enum(upgradePlanStatuses).optional(),
  category: z.enum(upgradePlanCategories).optional(),
  limit: pageLimit(200, 50),
});

export type ListPlansQuery = z.infer<typeof listPlansQuerySchema>;

export async function listUpgradePlans(db: Db, { status, category, limit }: ListPlansQuery): Promise<UpgradePlanDto[]> {
  let query = db
    .selectFrom('upgrade_plans')
    .selectAll()
    .orderBy(sql`case status when 'open' then 0 when 'in_progress' then 1 when 'applied' then 2 else 3 end`)
    .orderBy('priority')
    .orderBy('last_seen_at', 'desc')
    .limit(limit);
  if (status) query = query.where('status', '=', status);
  if (category) query = query.where('category', '=', category);
  return (await query.execute()).map(toPlanDto);
}
