// GET /api/v1/workflows/:id — the workflow and its definition (ETag: the version); PUT — save a new version
// (If-Match or expectedVersion); DELETE — delete it.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { versionETag, withV1 } from '@/lib/api/v1/with-v1';
import {
  deleteWorkflowOperation,
  getWorkflowOperation,
  updateWorkflowOperation,
} from '@/lib/openapi/operations/workflows';
import { deleteWorkflow } from '@/lib/workflows/delete-workflow';
import { getWorkflow } from '@/lib/workflows/get-workflow';
import { updateWorkflow } from '@/lib/workflows/update-workflow';

export const GET = withV1(getWorkflowOperation, async ({ db, scope, params }) => {
  const workflow = await getWorkflow(db, scope, params.id);
  return Response.json(workflow, { headers: { etag: versionETag(workflow.currentVersion) } });
});

export const PUT = withV1(updateWorkflowOperation, async ({ db, scope, params, body, ifMatch }) => {
  const workflow = await updateWorkflow(db, scope, params.id, body.definition, {
    expectedVersion: body.expectedVersion,
    ifMatchVersion: ifMatch ?? undefined,
  });
  return Response.json(workflow, { headers: { etag: versionETag(workflow.currentVersion) } });
});

export const DELETE = withV1(deleteWorkflowOperation, async ({ db, scope, params }) => {
  await deleteWorkflow(db, scope, params.id);
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = otherMethods(['GET', 'PUT', 'DELETE']);
