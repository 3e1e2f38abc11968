// GET /api/v1/templates — the template library (built-in, then approved shared) by category or words, a page at a time.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { listTemplatesOperation } from '@/lib/openapi/operations/templates';
import { listTemplatesPage } from '@/lib/templates/list-templates-page';

export const GET = withV1(listTemplatesOperation, async ({ db, query }) =>
  Response.json(await listTemplatesPage(db, query)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
