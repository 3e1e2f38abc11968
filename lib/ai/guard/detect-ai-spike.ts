import 'server-only';
// Spike detection for one workspace's AI use: model calls and spend in the last minute against its own per-minute norm
// over the hour before. A spike throttles the workspace for 15 minutes and is recorded once as the `ai.spike` event,
// which the guardian reads as an anomaly (admin page and operator alerts).
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { logEvent } from '@/lib/guardian/telemetry';
import { detectSpike, type SpikeOptions } from '@/lib/guardian/spike-detector';

export const AI_SPIKE_EVENT = 'ai.spike';
export const SPIKE_THROTTLE_MS = 15 * 60_000;
/** Minutes of history the norm is taken from (each a bucket; minutes without calls count as 0). */
const BASELINE_MINUTES = 60;

/**
 * A person answering by hand rarely asks for more than a few answers a minute, so 12 calls (or 2p of spend) in a
 * minute is the least that can be a spike, and a flat norm still allows ±2 calls (±0.5p) of wobble.
 */
export const aiSpikeOptions = {
  calls: { minValue: 12, sigmaFloor: 2 },
  spendMicrocents: { minValue: 2_000_000, sigmaFloor: 500_000 },
} as const satisfies Record<string, SpikeOptions>;

export async function detectAiSpike(db: Db, workspaceId: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - (BASELINE_MINUTES + 1) * 60_000);
  const rows = await db
    .selectFrom('ai_calls')
    .select([
      sql<number>`floor(extract(epoch from (${now}::timestamptz - created_at)) / 60)::int`.as('minutes_ago'),
      sql<string>`count(*)`.as('calls'),
      sql<string>`coalesce(sum(cost_microcents), 0)`.as('cost'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', 'model')
    .where('created_at', '>', since)
    .where('created_at', '<=', now)
    .groupBy(sql`1`)
    .execute();
  const calls = new Array<number>(BASELINE_MINUTES + 1).fill(0);
  const spend = new Array<number>(BASELINE_MINUTES + 1).fill(0);
  for (const row of rows) {
    const index = BASELINE_MINUTES - Number(row.minutes_ago);
    if (index < 0 || index > BASELINE_MINUTES) continue;
    calls[index] = Number(row.calls);
    spend[index] = Number(row.cost);
  }
  const callSpike = detectSpike(calls, aiSpikeOptions.calls);
  const spendSpike = detectSpike(spend, aiSpikeOptions.spendMicrocents);
  if (!callSpike?.isSpike && !spendSpike?.isSpike) return false;
  await throttleOnce(db, workspaceId, now, {
    calls: callSpike?.latest ?? 0,
    normal_calls: callSpike?.mean ?? 0,
    cost_microcents: spendSpike?.latest ?? 0,
    normal_cost_microcents: spendSpike?.mean ?? 0,
    by: callSpike?.isSpike ? 'calls' : 'spend',
  });
  return true;
}

/** Throttles in one statement; only the call that starts the throttle records the event, so it alerts once. */
async function throttleOnce(db: Db, workspaceId: string, now: Date, meta: Record<string, string | number>) {
  const until = new Date(now.getTime() + SPIKE_THROTTLE_MS);
  const started = await db
    .insertInto('ai_throttles')
    .values({ workspace_id: workspaceId, throttled_until: until, reason: 'spike', updated_by: null, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('workspace_id')
        .doUpdateSet({ throttled_until: until, reason: 'spike', updated_by: null, updated_at: now })
        .where((eb) =>
          eb.or([eb('ai_throttles.throttled_until', 'is', null), eb('ai_throttles.throttled_until', '<=', now)]),
        ),
    )
    .returning('workspace_id')
    .executeTakeFirst();
  if (!started) return;
  const workspace = await db.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirst();
  await logEvent(db, {
    name: AI_SPIKE_EVENT,
    message: `AI spike: workspace ${workspaceId} throttled until ${until.toISOString()}`,
    workspace_id: workspaceId,
    meta: { workspace_id: workspaceId, workspace: workspace?.name ?? '', until: until.toISOString(), ...meta },
    created_at: now,
  });
}
