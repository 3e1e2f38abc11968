// POST /api/v1/workflows/validate — checks a definition without saving it: 200 { valid, ready, issues }.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { requestLocale } from '@/lib/i18n/request-locale';
import { validateWorkflowOperation } from '@/lib/openapi/operations/workflows';
import { validationReport } from '@/lib/workflows/validation-report';

export const POST = withV1(validateWorkflowOperation, async ({ req, body }) =>
  Response.json(await validationReport(body.definition, { workflowId: body.workflowId, locale: requestLocale(req) })),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
