// GET, PUT (save a new version), PATCH (enable/disable) and DELETE /api/workflows/:id.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { deleteWorkflow } from '@/lib/workflows/delete-workflow';
import { getWorkflow } from '@/lib/workflows/get-workflow';
import { setWorkflowEnabled } from '@/lib/workflows/set-workflow-enabled';
import { setWorkflowEnabledSchema, updateWorkflowSchema } from '@/lib/workflows/schemas';
import { updateWorkflow } from '@/lib/workflows/update-workflow';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await getWorkflow(await getDb(), scope, idParam(params))),
);

export const PUT = withApi(
  { auth: 'sessionOrApiKey', body: updateWorkflowSchema, maxBodyBytes: 128 * 1024 },
  async ({ scope, params, body }) =>
    Response.json(
      await updateWorkflow(await getDb(), scope, idParam(params), body.definition, {
        expectedVersion: body.expectedVersion,
      }),
    ),
);

export const PATCH = withApi(
  { auth: 'sessionOrApiKey', body: setWorkflowEnabledSchema },
  async ({ scope, params, body }) =>
    Response.json(await setWorkflowEnabled(await getDb(), scope, idParam(params), body.enabled)),
);

export const DELETE = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) => {
  await deleteWorkflow(await getDb(), scope, idParam(params));
  return new Response(null, { status: 204 });
});
