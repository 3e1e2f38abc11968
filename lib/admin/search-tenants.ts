import 'server-only';
// Tenants for operators: search by name, id or member email, filter by status; each with the lifecycle events
// its status allows now (the same state machine the lifecycle API enforces).
import { sql } from 'kysely';
import { z } from 'zod';
import { pageLimit } from '@/lib/api/schemas';
import type { Db } from '@/db/client';
import type { WorkspaceStatus } from '@/db/types';
import { scrub } from '@/lib/logger';
import { isUuid } from '@/lib/workspaces/in-transaction';
import { type LifecycleEvent, nextStatus } from '@/lib/workspaces/lifecycle';

export const searchTenantsQuerySchema = z.object({
  q: z.string().trim().max(200).default(''),
  status: z.enum(['active', 'suspended', 'soft_deleted', 'purged', 'all']).default('all'),
  limit: pageLimit(200, 50),
});

export type TenantDto = {
  id: string;
  name: string;
  status: WorkspaceStatus;
  statusChangedAt: Date;
  purgeAfter: Date | null;
  createdAt: Date;
  members: number;
  /** Owner emails, masked. */
  owners: string[];
  allowedEvents: LifecycleEvent[];
};

const operatorEvents: LifecycleEvent[] = ['suspend', 'resume', 'delete', 'restore'];

export function allowedEvents(status: WorkspaceStatus, statusChangedAt: Date, now = new Date()): LifecycleEvent[] {
  return operatorEvents.filter((event) => {
    try {
      nextStatus(status, event, { statusChangedAt, now });
      return true;
    } catch {
      return false;
    }
  });
}

export async function searchTenants(
  db: Db,
  { q, status, limit }: z.infer<typeof searchTenantsQuerySchema>,
  now = new Date(),
): Promise<TenantDto[]> {
  let query = db
    .selectFrom('workspaces')
    .leftJoin('memberships', 'memberships.workspace_id', 'workspaces.id')
    .leftJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'workspaces.id',
      'workspaces.name',
      'workspaces.status',
      'workspaces.status_changed_at',
      'workspaces.purge_after',
      'workspaces.created_at',
      sql<number>`count(memberships.user_id)`.as('members'),
      sql<
        string[]
      >`coalesce(array_agg(users.email order by users.email) filter (where memberships.role = 'owner'), '{}')`.as(
        'owners',
      ),
    ])
    .groupBy('workspaces.id')
    .orderBy('workspaces.created_at', 'desc')
    .limit(limit);
  if (status !== 'all') query = query.where('workspaces.status', '=', status);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('workspaces.name', 'ilike', like),
        ...(isUuid(q) ? [eb('workspaces.id', '=', q)] : []),
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .innerJoin('users as u', 'u.id', 'm.user_id')
            .select('m.user_id')
            .whereRef('m.workspace_id', '=', 'workspaces.id')
            .where('u.email', 'ilike', like),
        ),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    purgeAfter: row.purge_after,
    createdAt: row.created_at,
    members: Number(row.members),
    owners: (row.owners ?? []).map((email) => scrub(email)),
    allowedEvents: allowedEvents(row.status, row.status_changed_at, now),
  }));
}
