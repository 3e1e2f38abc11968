// GET /api/templates/workspace — the templates the caller's workspace has shared, with their review status.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listWorkspaceTemplates } from '@/lib/templates/list-workspace-templates';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope }) =>
  Response.json({ templates: await listWorkspaceTemplates(await getDb(), scope) }),
);
