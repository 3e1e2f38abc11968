// POST /api/workflows/:id/versions/:version/restore — saves an old version's definition as the newest version.
import { getDb } from '@/db';
import { idParam, intParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { getVersion } from '@/lib/workflows/list-versions';
import { updateWorkflow } from '@/lib/workflows/update-workflow';

export const POST = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) => {
  const db = await getDb();
  const workflowId = idParam(params);
  const { definition } = await getVersion(db, scope, workflowId, intParam(params, 'version'));
  return Response.json(await updateWorkflow(db, scope, workflowId, definition));
});
