import 'server-only';
// Names for the ids an audit page shows: a user's name or email, a key's, workflow's or workspace's name, an
// invitation's address. Looked up in the caller's workspace only (users by the ids its own log recorded).
import type { Db } from '@/db/client';

export type AuditTargetRef = { targetType: string | null; targetId: string | null };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idsOf(refs: AuditTargetRef[], type: string): string[] {
  const ids = refs.filter((r) => r.targetType === type && r.targetId && uuid.test(r.targetId)).map((r) => r.targetId!);
  return [...new Set(ids)];
}

/** A map from `type:id` to a readable label. */
export async function resolveAuditTargets(
  db: Db,
  workspaceId: string,
  refs: AuditTargetRef[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const put = (type: string, rows: { id: string; label: string | null }[]) => {
    for (const row of rows) if (row.label) labels.set(`${type}:${row.id}`, row.label);
  };
  const users = idsOf(refs, 'user');
  const keys = idsOf(refs, 'api_key');
  const invitations = idsOf(refs, 'invitation');
  const workflows = idsOf(refs, 'workflow');
  await Promise.all([
    users.length &&
      db
        .selectFrom('users')
        .select(['id', 'name', 'email'])
        .where('id', 'in', users)
        .execute()
        .then((rows) =>
          put(
            'user',
            rows.map((row) => ({ id: row.id, label: row.name || row.email })),
          ),
        ),
    keys.length &&
      db
        .selectFrom('api_keys')
        .select(['id', 'name as label'])
        .where('id', 'in', keys)
        .where('workspace_id', '=', workspaceId)
        .execute()
        .then((rows) => put('api_key', rows)),
    invitations.length &&
      db
        .selectFrom('invitations')
        .select(['id', 'email as label'])
        .where('id', 'in', invitations)
        .where('workspace_id', '=', workspaceId)
        .execute()
        .then((rows) => put('invitation', rows)),
    workflows.length &&
      db
        .selectFrom('workflows')
        .select(['id', 'name as label'])
        .where('id', 'in', workflows)
        .where('workspace_id', '=', workspaceId)
        .execute()
        .then((rows) => put('workflow', rows)),
    db
      .selectFrom('workspaces')
      .select(['id', 'name as label'])
      .where('id', '=', workspaceId)
      .execute()
      .then((rows) => put('workspace', rows)),
  ]);
  return labels;
}
