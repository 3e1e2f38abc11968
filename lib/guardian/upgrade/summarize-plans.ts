import 'server-only';
// Counts of upgrade plans by status, and of open ones by category and priority.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { upgradePlanCategories, upgradePlanStatuses } from '@/db/types-guardian';

export async function summarizeUpgradePlans(db: Db) {
  const rows = await db
    .selectFrom('upgrade_plans')
    .select([
      'status',
      'category',
      'priority',
      sql<number>`count(*)`.as('count'),
      sql<Date>`max(updated_at)`.as('updated_at'),
    ])
    .groupBy(['status', 'category', 'priority'])
    .execute();
  const byStatus = Object.fromEntries(upgradePlanStatuses.map((s) => [s, 0])) as Record<
    (typeof upgradePlanStatuses)[number],
    number
  >;
  const openByCategory = Object.fromEntries(upgradePlanCategories.map((c) => [c, 0])) as Record<
    (typeof upgradePlanCategories)[number],
    number
  >;
  const openByPriority: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let lastUpdatedAt: Date | null = null;
  for (const row of rows) {
    const count = Number(row.count);
    byStatus[row.status] += count;
    if (row.status === 'open' || row.status === 'in_progress') {
      openByCategory[row.category] += count;
      openByPriority[String(row.priority)] = (openByPriority[String(row.priority)] ?? 0) + count;
    }
    const updated = new Date(row.updated_at);
    if (!lastUpdatedAt || updated > lastUpdatedAt) lastUpdatedAt = updated;
  }
  return {
    total: rows.reduce((sum, row) => sum + Number(row.count), 0),
    by_status: byStatus,
    open_by_category: openByCategory,
    open_by_priority: openByPriority,
    last_updated_at: lastUpdatedAt?.toISOString() ?? null,
  };
}
