import 'server-only';
// Which of the workspace's workflows name each connector credential in their current definition (step `credential`
// or `signingCredential`), so a person sees what breaks before deleting one.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { listConnectionNeeds } from './list-connection-needs';

export type CredentialUsage = { workflowId: string; workflowName: string };

/** The credential names a stored definition's connector steps refer to. */
export function credentialNamesIn(definition: unknown): Set<string> {
  const parsed: unknown = typeof definition === 'string' ? JSON.parse(definition) : definition;
  const steps = (parsed as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return new Set();
  const objects = steps.filter(
    (step): step is { id: string; type: string } => Boolean(step) && typeof step === 'object',
  );
  return new Set(listConnectionNeeds({ steps: objects }).map((need) => need.credential.trim()));
}

/** Credential name → the workflows using it, by workflow name. */
export async function listCredentialUsage(db: Db, scope: Scope): Promise<Map<string, CredentialUsage[]>> {
  requireScope(scope, 'read');
  const rows = await db
    .selectFrom('workflows as w')
    .innerJoin('workflow_versions as v', (join) =>
      join.onRef('v.workflow_id', '=', 'w.id').onRef('v.version', '=', 'w.current_version'),
    )
    .select(['w.id', 'w.name', 'v.definition'])
    .where('w.workspace_id', '=', scope.workspaceId)
    .orderBy('w.name')
    .execute();
  const usage = new Map<string, CredentialUsage[]>();
  for (const row of rows) {
    for (const name of credentialNamesIn(row.definition)) {
      const list = usage.get(name) ?? [];
      list.push({ workflowId: row.id, workflowName: row.name });
      usage.set(name, list);
    }
  }
  return usage;
}
