import 'server-only';
// A workflow's stored retention policy with what it keeps and removes today (a dry run).
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { planPrune, type PrunePlan } from './prune-snapshots';
import type { RetentionPolicy } from './retention';

export async function getRetention(
  db: Db,
  scope: Scope,
  workflowId: string,
): Promise<{ policy: RetentionPolicy; plan: PrunePlan }> {
  const plan = await planPrune(db, scope, workflowId);
  return { policy: plan.policy, plan };
}
