// GET, PUT (save a new version), PATCH (enable/disable) and DELETE /api/workflows/:id.
import { z } from 'zod';
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { positiveInt32 } from '@/lib/api/schemas';
import { withApi } from '@/lib/api/with-api';
import { deleteWorkflow } from '@/lib/workflows/delete-workflow';
import { getWorkflow } from '@/lib/workflows/get-workflow';
import { setWorkflowEnabled } from '@/lib/workflows/set-workflow-enabled';
import { updateWorkflow } from '@/lib/workflows/update-workflow';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await getWorkflow(await getDb(), scope, idParam(params))),
);

const updateSchema = z.object({ definition: z.unknown(), expectedVersion: positiveInt32.optional() });

export const PUT = withApi(
  { auth: 'sessionOrApiKey', body: updateSchema, maxBodyBytes: 128 * 1024 },
  async ({ scope, params, body }) =>
    Response.json(
      await updateWorkflow(await getDb(), scope, idParam(params), body.definition, {
        expectedVersion: body.expectedVersion,
      }),
    ),
);

export const PATCH = withApi(
  { auth: 'sessionOrApiKey', body: z.object({ enabled: z.boolean() }) },
  async ({ scope, params, body }) =>
    Response.json(await setWorkflowEnabled(await getDb(), scope, idParam(params), body.enabled)),
);

export const DELETE = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) => {
  await deleteWorkflow(await getDb(), scope, idParam(params));
  return new Response(null, { status: 204 });
});
