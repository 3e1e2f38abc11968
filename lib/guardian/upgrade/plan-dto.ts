import 'server-only';
// What the API and the admin pages show of an upgrade plan.
import type { Selectable } from 'kysely';
import type { UpgradePlanCategory, UpgradePlanRisk, UpgradePlanStatus, UpgradePlanTable } from '@/db/types-guardian';

export type UpgradePlanDto = {
  id: string;
  title: string;
  description: string;
  status: UpgradePlanStatus;
  priority: number;
  category: UpgradePlanCategory;
  risk: UpgradePlanRisk;
  source: string;
  metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  last_seen_at: string;
  archived_at: string | null;
};

export function toPlanDto(row: Selectable<UpgradePlanTable>): UpgradePlanDto {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    category: row.category,
    risk: row.risk,
    source: row.source,
    metadata: row.metadata,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    last_seen_at: row.last_seen_at.toISOString(),
    archived_at: row.archived_at?.toISOString() ?? null,
  };
}
