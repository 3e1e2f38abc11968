// GET /api/v1/workflows — a page of the workspace's workflows; POST — create one from a definition (idempotent).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { versionETag, withV1 } from '@/lib/api/v1/with-v1';
import { createWorkflowOperation, listWorkflowsOperation } from '@/lib/openapi/operations/workflows';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import { listWorkflowsPage } from '@/lib/workflows/list-workflows-page';

export const GET = withV1(listWorkflowsOperation, async ({ db, scope, query }) =>
  Response.json(await listWorkflowsPage(db, scope, query)),
);

export const POST = withV1(createWorkflowOperation, async ({ db, scope, body }) => {
  const workflow = await createWorkflow(db, scope, body);
  return Response.json(workflow, {
    status: 201,
    headers: { location: `/api/v1/workflows/${workflow.id}`, etag: versionETag(workflow.currentVersion) },
  });
});

export const { PUT, PATCH, DELETE } = otherMethods(['GET', 'POST']);
