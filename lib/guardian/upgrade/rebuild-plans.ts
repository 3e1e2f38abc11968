import 'server-only';
// Rebuilds the upgrade plans from what guardian sees now: new findings become plans, plans seen again are refreshed
// (or reopened), open plans not seen for a day are archived. Idempotent; it designs plans and never applies any.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { type Env, getEnv } from '@/lib/env';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { findAnomalies } from '../find-anomalies';
import { buildHealingPlan } from '../healing-plan';
import { derivePlans, type PlanCandidate } from './derive-plans';

export const STALE_AFTER_MS = 24 * 3_600_000;

export type RebuildResult = {
  created: number;
  updated: number;
  reopened: number;
  unchanged: number;
  archived: number;
  open: number;
};

export async function rebuildUpgradePlans(
  db: Db,
  { now = new Date(), env = getEnv(), fetchImpl }: { now?: Date; env?: Env; fetchImpl?: typeof fetch } = {},
): Promise<RebuildResult> {
  const [anomalies, healing, failedSignIns] = await Promise.all([
    findAnomalies(db, { windowMinutes: 1440, now }),
    buildHealingPlan(db, { env, now, fetchImpl }),
    countFailedSignIns(db, now),
  ]);
  return applyPlanCandidates(
    db,
    derivePlans({ anomalies: anomalies.anomalies, checks: healing.checks, failedSignIns }),
    now,
  );
}

/** Writes candidates into upgrade_plans under an advisory lock, so concurrent rebuilds cannot duplicate. */
export async function applyPlanCandidates(
  db: Db,
  candidates: readonly PlanCandidate[],
  now: Date,
): Promise<RebuildResult> {
  return inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('levqor.upgrade-planner'))`.execute(trx);
    const result: RebuildResult = { created: 0, updated: 0, reopened: 0, unchanged: 0, archived: 0, open: 0 };
    const existing = candidates.length
      ? await trx
          .selectFrom('upgrade_plans')
          .selectAll()
          .where(
            'fingerprint',
            'in',
            candidates.map((c) => c.fingerprint),
          )
          .execute()
      : [];
    const byFingerprint = new Map(existing.map((row) => [row.fingerprint, row]));
    for (const plan of candidates) {
      const content = {
        title: plan.title,
        description: plan.description,
        priority: plan.priority,
        category: plan.category,
        risk: plan.risk,
        source: plan.source,
        metadata: JSON.stringify(plan.metadata),
      };
      const row = byFingerprint.get(plan.fingerprint);
      if (!row) {
        await trx
          .insertInto('upgrade_plans')
          .values({ fingerprint: plan.fingerprint, ...content, created_at: now, updated_at: now, last_seen_at: now })
          .execute();
        result.created += 1;
        continue;
      }
      const reopen = row.status === 'archived' || row.status === 'applied';
      const same =
        !reopen &&
        row.title === plan.title &&
        row.description === plan.description &&
        row.priority === plan.priority &&
        row.category === plan.category &&
        row.risk === plan.risk &&
        stableJson(row.metadata) === stableJson(plan.metadata);
      await trx
        .updateTable('upgrade_plans')
        .set(
          same
            ? { last_seen_at: now }
            : {
                ...content,
                last_seen_at: now,
                updated_at: now,
                ...(reopen ? { status: 'open', archived_at: null } : {}),
              },
        )
        .where('id', '=', row.id)
        .execute();
      if (reopen) result.reopened += 1;
      else if (same) result.unchanged += 1;
      else result.updated += 1;
    }
    const archived = await trx
      .updateTable('upgrade_plans')
      .set({ status: 'archived', archived_at: now, updated_at: now })
      .where('status', '=', 'open')
      .where('last_seen_at', '<', new Date(now.getTime() - STALE_AFTER_MS))
      .executeTakeFirst();
    result.archived = Number(archived.numUpdatedRows);
    const open = await trx
      .selectFrom('upgrade_plans')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('status', 'in', ['open', 'in_progress'])
      .executeTakeFirstOrThrow();
    result.open = Number(open.count);
    return result;
  });
}

async function countFailedSignIns(db: Db, now: Date): Promise<number> {
  const row = await db
    .selectFrom('audit_logs')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('action', '=', 'auth.sign_in_failed')
    .where('created_at', '>=', new Date(now.getTime() - 24 * 3_600_000))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** JSON with object keys sorted: jsonb does not keep key order, so plain JSON.stringify would see changes that are not. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
