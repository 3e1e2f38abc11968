import 'server-only';
// "Before you switch this on": the connections a workflow's steps name and the fields its template left to fill
// (from version 1, so filled ones tick off), computed from the saved definition and the workspace's connections.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import type { FieldIssue } from '@/lib/errors';
import { findPlaceholder, listPlaceholders, type PlaceholderNeed } from '@/lib/templates/placeholders';
import { listConnectionNeeds } from '@/lib/workflows/credentials/list-connection-needs';
import { loadDefinition } from './engine/load-run';
import { getWorkflowRow } from './get-workflow';
import { readPath } from './template';

export type SetupItem =
  | { kind: 'connection'; done: boolean; stepId: string; path: string; connector: string; credential: string }
  | { kind: 'field'; done: boolean; stepId: string; path: string; field: string; value: string; secret: boolean }
  | { kind: 'test_run'; done: boolean };

export type SetupChecklist = { items: SetupItem[]; blocking: FieldIssue[] };

export async function getSetupChecklist(db: Db, scope: Scope, workflowId: string): Promise<SetupChecklist> {
  requireScope(scope, 'read');
  const row = await getWorkflowRow(db, scope, workflowId);
  const [current, first, credentials, run] = await Promise.all([
    loadDefinition(db, workflowId, row.current_version),
    loadDefinition(db, workflowId, 1),
    db
      .selectFrom('connector_credentials')
      .select(['name', 'connector'])
      .where('workspace_id', '=', scope.workspaceId)
      .execute(),
    db.selectFrom('workflow_runs').select('id').where('workflow_id', '=', workflowId).limit(1).executeTakeFirst(),
  ]);
  const have = new Set(credentials.map((credential) => `${credential.connector}:${credential.name}`));
  const connections: SetupItem[] = listConnectionNeeds(current).map((need) => ({
    ...need,
    kind: 'connection',
    done: have.has(`${need.connector}:${need.credential}`),
  }));
  const open = listPlaceholders(current);
  const openPaths = new Set(open.map((need) => need.path));
  // Placeholders of the first version whose field now holds the user's own value count as done.
  const filled = listPlaceholders(first).filter((need) => {
    if (openPaths.has(need.path) || current.steps[Number(need.path.split('.')[1])]?.id !== need.stepId) return false;
    const value = readPath(current, need.path);
    return typeof value !== 'string' || findPlaceholder(value) === null;
  });
  const fields: SetupItem[] = [
    ...filled.map((need) => fieldItem(need, true)),
    ...open.map((need) => fieldItem(need, false)),
  ];
  const needs = [...connections, ...fields];
  const items = needs.length > 0 ? [...needs, { kind: 'test_run' as const, done: run !== undefined }] : [];
  return { items, blocking: blockingIssues(items) };
}

function fieldItem({ stepId, path, field, value, secret }: PlaceholderNeed, done: boolean): SetupItem {
  return { kind: 'field', done, stepId, path, field, value, secret };
}

function blockingIssues(items: SetupItem[]): FieldIssue[] {
  return items.flatMap((item): FieldIssue[] => {
    if (item.done || item.kind === 'test_run') return [];
    if (item.kind === 'connection')
      return [
        {
          path: item.path,
          code: 'connection_missing',
          severity: 'error',
          params: { step: item.stepId, connector: item.connector, name: item.credential },
          message: `Step ${item.stepId} uses the ${item.connector} connection "${item.credential}", which this workspace does not have yet; add it under Settings → Connections`,
        },
      ];
    return [
      {
        path: item.path,
        code: 'placeholder_unfilled',
        severity: 'error',
        params: { field: item.field, step: item.stepId, value: item.value, kind: item.secret ? 'secret' : 'value' },
        message: `${item.field} of step ${item.stepId} still holds the template's example value ${item.value}; replace it with yours`,
      },
    ];
  });
}
